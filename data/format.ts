// The dataset interchange format (documented in data/README.md): one JSON file holds a whole province.
import { z } from '../server/contracts/messages';
import { HOTSPOT_ACTIVITIES, HOTSPOT_EVENT_KINDS, HOTSPOT_KINDS } from '../geo/hotspots';
import { INDICATOR_IDS } from '../geo/indicators';
import { COMMUNE_STATUSES } from '../geo/status';
import { UNIT_TYPES } from '../geo/units';
import { areaGeometry, isoDate, lineGeometry, position, unitCode } from '../server/contracts/common';

export const DATASET_FORMAT = 'pcmt-dataset';
export const DATASET_VERSION = 1;

const text = z.string().trim().min(1);

export const datasetUnit = z.object({
  code: unitCode,
  name: text,
  type: z.enum(UNIT_TYPES),
  parentCode: unitCode.nullable(),
  validFrom: isoDate,
  validTo: isoDate.nullable().default(null),
  geometry: areaGeometry,
});

export const target = z.object({
  op: z.enum(['gte', 'lte']),
  value: z.number().finite(),
  projection: z.enum(['linear', 'yearly', 'none']),
});

export const datasetPlan = z.object({
  id: z.string().regex(/^[a-z0-9-]{1,40}$/),
  title: text,
  legalRef: text,
  start: isoDate,
  end: isoDate,
  targets: z.partialRecord(z.enum(INDICATOR_IDS), target),
});

export const datasetSelection = z.object({
  planId: z.string(),
  communeCode: unitCode,
  selectedOn: isoDate,
  note: z.string().default(''),
});

export const datasetStatusChange = z.object({
  ref: text,
  communeCode: unitCode,
  status: z.enum(COMMUNE_STATUSES),
  effectiveDate: isoDate,
  legalBasis: text,
  note: z.string().default(''),
  author: text,
  recordedAt: z.iso.datetime({ offset: true }),
  correctsRef: text.nullable().default(null),
});

export const datasetHotspotEvent = z.object({
  kind: z.enum(HOTSPOT_EVENT_KINDS),
  date: isoDate,
  note: z.string().default(''),
});

export const datasetHotspot = z.object({
  ref: text,
  location: position,
  address: text,
  kind: z.enum(HOTSPOT_KINDS),
  activities: z.array(z.enum(HOTSPOT_ACTIVITIES)).min(1),
  description: z.string().default(''),
  source: z.string().default(''),
  events: z.array(datasetHotspotEvent).min(1),
});

export const datasetLayer = z.object({
  kind: z.enum(['river', 'road', 'lake']),
  name: text,
  geometry: z.union([lineGeometry, areaGeometry]),
});

export const dataset = z.object({
  format: z.literal(DATASET_FORMAT),
  version: z.literal(DATASET_VERSION),
  meta: z.object({
    name: text,
    demo: z.boolean(),
    description: z.string().default(''),
  }),
  units: z.array(datasetUnit).min(1),
  layers: z.array(datasetLayer).default([]),
  plans: z.array(datasetPlan).default([]),
  selections: z.array(datasetSelection).default([]),
  statusChanges: z.array(datasetStatusChange).default([]),
  hotspots: z.array(datasetHotspot).default([]),
});

export type Dataset = z.infer<typeof dataset>;
export type DatasetInput = z.input<typeof dataset>;
export type DatasetUnit = z.infer<typeof datasetUnit>;
export type DatasetHotspot = z.infer<typeof datasetHotspot>;
export type DatasetStatusChange = z.infer<typeof datasetStatusChange>;
