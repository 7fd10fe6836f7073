// Contracts of area searches and crackdown operations.
import { SEIZURE_UNITS } from '../../geo/hotspots';
import { idNumber, isoDate, position, ring } from './common';
import { z } from './messages';

export const areaSpec = z.discriminatedUnion('type', [
  z.object({ type: z.literal('polygon'), coordinates: z.array(ring.max(5000)).min(1).max(50) }),
  z.object({ type: z.literal('circle'), center: position, radiusM: z.number().positive().max(50_000) }),
  z.object({
    type: z.literal('buffer'),
    points: z.array(position).min(1).max(2000),
    radiusM: z.number().positive().max(20_000),
  }),
]);

export const areaQueryBody = z.object({ area: areaSpec, date: isoDate.optional() });

export const operationBody = z
  .object({
    name: z.string().trim().min(1).max(200),
    startDate: isoDate,
    endDate: isoDate,
    area: areaSpec,
    units: z.array(z.string().trim().min(1).max(200)).max(50).default([]),
    targetHotspotIds: z.array(idNumber).max(5000).default([]),
    note: z.string().trim().max(2000).default(''),
  })
  .refine((o) => o.startDate <= o.endDate, {
    message: 'the period ends before it starts / thời gian kết thúc trước khi bắt đầu',
    path: ['endDate'],
  });
export type OperationInput = z.infer<typeof operationBody>;

export const resultsBody = z.object({
  arrested: z.number().int().min(0).max(100_000),
  cases: z.number().int().min(0).max(100_000),
  seizures: z
    .array(
      z.object({
        substance: z.string().trim().min(1).max(100),
        quantity: z.number().min(0).max(1e9),
        unit: z.enum(SEIZURE_UNITS),
      }),
    )
    .max(100)
    .default([]),
  eliminated: z
    .array(z.object({ hotspotId: idNumber, date: isoDate, note: z.string().trim().max(1000).default('') }))
    .max(5000)
    .default([]),
  note: z.string().trim().max(2000).default(''),
});
export type ResultsInput = z.infer<typeof resultsBody>;
