// Contracts of reported figures: an entry, a decision on it, a period reopened, the list of entries.
import { REPORT_PERIODS, REPORTED_STATES } from '../../geo/reported';
import { isoDate, unitCode } from './common';
import { z } from './messages';

const planId = z.string().regex(/^[a-z0-9-]{1,40}$/);
const code = z.string().regex(/^[A-Z][A-Z0-9]{0,7}$/, { message: 'an indicator code like R1 / mã chỉ tiêu như R1' });
const periodKey = z.string().regex(/^\d{4}(-Q[1-4]|-(0[1-9]|1[0-2]))?$/, {
  message: 'a period like 2026, 2026-Q1 or 2026-03 / kỳ như 2026, 2026-Q1, 2026-03',
});
const count = z.int().min(0).max(100_000_000);

export const reportedEntryBody = z.object({
  plan: planId,
  code,
  unit: unitCode,
  period: periodKey,
  numerator: count,
  denominator: count.min(1).nullable().default(null),
  note: z.string().trim().max(2000).default(''),
  attachmentId: z
    .string()
    .regex(/^[A-Za-z0-9_-]{10,40}$/)
    .nullable()
    .default(null),
});
export type ReportedEntryBody = z.infer<typeof reportedEntryBody>;

export const reportedDecisionBody = z.discriminatedUnion('decision', [
  z.object({ decision: z.literal('approve') }),
  z.object({ decision: z.literal('reject'), reason: z.string().trim().min(3).max(2000) }),
]);

export const reopeningBody = z.object({
  plan: planId,
  period: z.enum(REPORT_PERIODS),
  key: periodKey,
  until: isoDate,
  reason: z.string().trim().min(3).max(2000),
});

/** The Excel template of one plan and period (its kind picks the indicators: a year, a quarter or a month). */
export const reportedTemplateQuery = z.object({ plan: planId, period: periodKey });

export const reportedValuesQuery = z.object({
  plan: planId.optional(),
  code: code.optional(),
  period: periodKey.optional(),
  unit: unitCode.optional(),
  state: z.enum(REPORTED_STATES).optional(),
});
