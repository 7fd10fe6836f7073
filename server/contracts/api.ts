// Request and response contracts of the read API; the web client gets these types through AppType.
import { HOTSPOT_ACTIVITIES, HOTSPOT_KINDS, HOTSPOT_STATUSES } from '../../geo/hotspots';
import { INDICATOR_IDS } from '../../geo/indicators';
import { COMMUNE_STATUSES } from '../../geo/status';
import { UNIT_LEVELS, UNIT_LINK_KINDS } from '../../geo/units';
import { isoDate, queryInt, unitCode } from './common';
import { z } from './messages';

export const communeStatus = z.enum(COMMUNE_STATUSES);

export const dateQuery = z.object({ date: isoDate.optional() });
export const communesQuery = z.object({ date: isoDate.optional(), within: unitCode.optional() });
export const unitsQuery = z.object({ parent: unitCode.optional(), date: isoDate.optional() });
export const hotspotsQuery = z
  .object({
    within: unitCode.optional(),
    status: z.enum(HOTSPOT_STATUSES).optional(),
    date: isoDate.optional(),
    kind: z.enum(HOTSPOT_KINDS).optional(),
    activity: z.enum(HOTSPOT_ACTIVITIES).optional(),
    /** Active at some moment of [from, to]. */
    from: isoDate.optional(),
    to: isoDate.optional(),
    /** Words looked up in address, description and source, with or without diacritics. */
    q: z.string().trim().max(100).optional(),
    /** Paging: the map asks for everything up to the cap; tables ask page by page. `total` says how many match. */
    limit: queryInt(1, 20_000).default(5000),
    offset: queryInt(0, 1_000_000_000).default(0),
  })
  .refine((q) => !q.from || !q.to || q.from <= q.to, {
    message: 'from must not be after to / "from" không được sau "to"',
    path: ['from'],
  });
export const indicatorsQuery = z.object({
  plan: z
    .string()
    .regex(/^[a-z0-9-]{1,40}$/)
    .optional(),
  unit: unitCode.optional(),
  date: isoDate.optional(),
});
/** A period of the meeting's "what changed": both days included; `to` defaults to today. */
export const changesQuery = z
  .object({ from: isoDate, to: isoDate.optional(), within: unitCode.optional() })
  .refine((q) => !q.to || q.from <= q.to, {
    message: 'from must not be after to / "from" không được sau "to"',
    path: ['from'],
  });
/** The meeting's two-date comparison: date `a` against `b` (today by default), for one plan and unit. */
export const compareQuery = z.object({
  a: isoDate,
  b: isoDate.optional(),
  plan: indicatorsQuery.shape.plan,
  unit: unitCode.optional(),
});
/** The meeting brief: figures as of `date`, changes since `from` (the month's first day by default), paper size. */
export const briefQuery = z
  .object({ date: isoDate.optional(), from: isoDate.optional(), size: z.enum(['a4', 'a3']).default('a4') })
  .refine((q) => !q.from || !q.date || q.from <= q.date, {
    message: 'from must not be after date / "from" không được sau "date"',
    path: ['from'],
  });
export const indicatorParam = z.object({ indicator: z.enum(INDICATOR_IDS) });
export const rankingQuery = z.object({
  plan: indicatorsQuery.shape.plan,
  parent: unitCode.optional(),
  date: isoDate.optional(),
});
export const boundariesQuery = z.object({
  date: isoDate.optional(),
  v: z
    .string()
    .regex(/^[0-9a-f]{1,64}$/)
    .optional(),
  /** Map zoom the geometry is drawn at: simplified to suit (full detail when absent). */
  zoom: queryInt(0, 24).optional(),
});
export const codeParam = z.object({ code: unitCode });

export const unitSummary = z.object({
  code: z.string(),
  name: z.string(),
  type: z.string(),
  level: z.enum(UNIT_LEVELS),
  parentCode: z.string().nullable(),
  communeCount: z.number().int(),
  hasChildren: z.boolean(),
});
export type UnitSummary = z.infer<typeof unitSummary>;

export const statusEntry = z.object({ status: communeStatus, since: isoDate });
export const statusesResponse = z.object({
  /** The date asked, or today when none was (every response names it asOf). */
  asOf: isoDate,
  /** The boundary vintage holding the date: the map draws its geometry (GET /api/boundaries?v=key&date=from). */
  vintage: z.object({ key: z.string(), from: isoDate.nullable() }),
  /** The plan whose period holds the date (else the latest): what the dashboard shows unless a plan is chosen. */
  planId: z.string().nullable(),
  statuses: z.record(z.string(), statusEntry.nullable()),
});
export type StatusesResponse = z.infer<typeof statusesResponse>;

export const targetSchema = z.object({
  op: z.enum(['gte', 'lte']),
  value: z.number(),
  projection: z.enum(['linear', 'yearly', 'none']),
});

export const planSummary = z.object({
  id: z.string(),
  title: z.string(),
  legalRef: z.string(),
  start: isoDate,
  end: isoDate,
  targets: z.partialRecord(z.enum(INDICATOR_IDS), targetSchema),
  selectedCount: z.number().int(),
});
export type PlanSummary = z.infer<typeof planSummary>;

export const statusRecord = z.object({
  id: z.number().int(),
  status: communeStatus,
  effectiveDate: isoDate,
  legalBasis: z.string(),
  note: z.string(),
  author: z.string(),
  recordedAt: z.string(),
  correctsId: z.number().int().nullable(),
  /** True when a later record corrects this one: it no longer counts. */
  corrected: z.boolean(),
});
export type StatusRecordDto = z.infer<typeof statusRecord>;

export const hotspotCounts = z.object({
  active: z.number().int(),
  eliminated: z.number().int(),
  total: z.number().int(),
});

export const communeDetail = z.object({
  code: z.string(),
  name: z.string(),
  type: z.string(),
  parentCode: z.string().nullable(),
  parents: z.array(z.object({ code: z.string(), name: z.string(), type: z.string() })),
  asOf: isoDate,
  status: statusEntry.nullable(),
  legalBasis: z.string().nullable(),
  history: z.array(statusRecord),
  /** The latest counted change, whatever the date asked: what a new proposal is based on. */
  baseChangeId: z.number().int().nullable(),
  /** The proposal waiting for approval, if any (only for users who may read proposals). */
  pendingProposalId: z.number().int().nullable(),
  /** Whether the signed-in user may propose a change for this commune (role and area): the server decides. */
  canPropose: z.boolean(),
  hotspots: hotspotCounts,
  selections: z.array(z.object({ planId: z.string(), selectedOn: isoDate })),
  /** Former communes this one was made of (boundary change), with their own recorded histories. */
  formerUnits: z.array(
    z.object({
      code: z.string(),
      name: z.string(),
      type: z.string(),
      kind: z.enum(UNIT_LINK_KINDS),
      until: isoDate,
      history: z.array(statusRecord),
    }),
  ),
  /** Communes this one became, from the change date. */
  laterUnits: z.array(
    z.object({
      code: z.string(),
      name: z.string(),
      type: z.string(),
      kind: z.enum(UNIT_LINK_KINDS),
      from: isoDate,
    }),
  ),
});
export type CommuneDetail = z.infer<typeof communeDetail>;

export const hotspotProperties = z.object({
  id: z.number().int(),
  address: z.string(),
  kind: z.enum(HOTSPOT_KINDS),
  activities: z.array(z.enum(HOTSPOT_ACTIVITIES)),
  communeCode: z.string(),
  status: z.enum(HOTSPOT_STATUSES),
  since: isoDate,
});
export type HotspotProperties = z.infer<typeof hotspotProperties>;

export type { IndicatorReport, IndicatorResult } from '../../geo/indicators';
