// The dataset interchange format (documented in data/README.md): one JSON file holds a whole province.
import { z } from '../server/contracts/messages';
import { HOTSPOT_ACTIVITIES, HOTSPOT_EVENT_KINDS, HOTSPOT_KINDS } from '../geo/hotspots';
import { INDICATOR_IDS } from '../geo/indicators';
import { COMMUNE_STATUSES } from '../geo/status';
import { REPORT_PERIODS, REPORTED_MEASURES } from '../geo/reported';
import { OFFICIAL_ROLES } from '../geo/accountability';
import { UNIT_LEVELS, UNIT_TYPES } from '../geo/units';
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

/** How a reported value is judged (geo/reported.ts ReportedTarget). */
export const reportedTarget = z.discriminatedUnion('rule', [
  z.object({ rule: z.literal('growth'), value: z.number().min(-1).max(10) }),
  z.object({ rule: z.enum(['gte', 'gt']), value: z.number().min(0).max(1) }),
]);

export const reportedIndicator = z.object({
  code: z.string().regex(/^[A-Z][A-Z0-9]{0,7}$/),
  name: z.object({ vi: text, en: text }),
  measure: z.enum(REPORTED_MEASURES),
  period: z.enum(REPORT_PERIODS),
  levels: z.array(z.enum(UNIT_LEVELS)).min(1),
  target: reportedTarget,
});

export const datasetPlan = z.object({
  id: z.string().regex(/^[a-z0-9-]{1,40}$/),
  title: text,
  legalRef: text,
  start: isoDate,
  end: isoDate,
  targets: z.partialRecord(z.enum(INDICATOR_IDS), target),
  /** Numbers the plan tracks from units' reports, and when those reports are due and lock (days after the period). */
  reported: z.array(reportedIndicator).default([]),
  reportDueDays: z.int().min(0).max(365).default(10),
  reportLockDays: z.int().min(0).max(730).default(30),
  accountabilityMonths: z.int().min(1).max(240).default(24),
});

/** A commune's leader and term (the last day in office, or null while in office). */
export const datasetOfficial = z.object({
  unitCode,
  role: z.enum(OFFICIAL_ROLES),
  name: text,
  from: isoDate,
  to: isoDate.nullable().default(null),
});

/** One unit's approved (or waiting) figures for a reported indicator and period (key: 2026, 2026-Q1, 2026-03). */
export const datasetReportedValue = z.object({
  planId: z.string(),
  code: z.string(),
  unitCode,
  period: z.string(),
  numerator: z.int().min(0),
  denominator: z.int().min(1).nullable().default(null),
  note: z.string().default(''),
  author: text,
  recordedAt: z.iso.datetime({ offset: true }),
  state: z.enum(['pending', 'approved']).default('approved'),
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
  reportedValues: z.array(datasetReportedValue).default([]),
  officials: z.array(datasetOfficial).default([]),
});

export type Dataset = z.infer<typeof dataset>;
export type DatasetInput = z.input<typeof dataset>;
export type DatasetUnit = z.infer<typeof datasetUnit>;
export type DatasetHotspot = z.infer<typeof datasetHotspot>;
export type DatasetStatusChange = z.infer<typeof datasetStatusChange>;
