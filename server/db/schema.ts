// The database schema (drizzle). SQL migrations in ./migrations are generated from it with `npm run db:generate`.
import { sql } from 'drizzle-orm';
import type { AreaSpec } from '../../geo/areas';
import {
  HOTSPOT_EVENT_KINDS,
  HOTSPOT_KINDS,
  type HotspotActivity,
  type HotspotEventKind,
  type HotspotKind,
} from '../../geo/hotspots';
import { COMMUNE_STATUSES } from '../../geo/status';
import { UNIT_LEVELS, UNIT_LINK_KINDS, type UnitLevel } from '../../geo/units';
import type { Period } from '../../geo/dates';
import { OFFICIAL_ROLES, type OfficialRole } from '../../geo/accountability';
import {
  REPORT_PERIODS,
  REPORTED_MEASURES,
  REPORTED_STATES,
  type ReportedMeasure,
  type ReportedTarget,
} from '../../geo/reported';
import { ROLES } from '../contracts/permissions';
import { FLAG_STATES, PROPOSAL_STATES } from '../contracts/workflow';
import type { Area } from '../../geo/spatial';
import {
  bigserial,
  boolean,
  check,
  date,
  doublePrecision,
  foreignKey,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  serial,
  text,
  timestamp,
  uniqueIndex,
  type AnyPgColumn,
} from 'drizzle-orm/pg-core';

/** A CHECK that the column holds one of the domain's values, built from the constant the code uses. */
const oneOf = (column: AnyPgColumn, values: readonly string[]) =>
  sql`${column} in (${sql.raw(values.map((v) => `'${v.replace(/'/g, "''")}'`).join(', '))})`;
const day = (name: string) => date(name, { mode: 'string' });
const instant = (name: string) => timestamp(name, { withTimezone: true, mode: 'string' });

/** Key/value facts about the installation: dataset meta, the data revision used to invalidate caches. */
export const appMeta = pgTable('app_meta', {
  key: text('key').primaryKey(),
  value: jsonb('value').notNull(),
});

/** Province → (district) → commune, any depth; a code may recur across boundary vintages. */
export const adminUnits = pgTable(
  'admin_units',
  {
    id: serial('id').primaryKey(),
    code: text('code').notNull(),
    name: text('name').notNull(),
    type: text('type').notNull(),
    level: text('level').notNull(),
    parentId: integer('parent_id').references((): AnyPgColumn => adminUnits.id),
    geometry: jsonb('geometry').notNull(),
    /** [west, south, east, north] for a quick filter before exact point-in-polygon. */
    bbox: jsonb('bbox').notNull(),
    validFrom: day('valid_from').notNull(),
    validTo: day('valid_to'),
  },
  (t) => [
    uniqueIndex('admin_units_code_valid_from').on(t.code, t.validFrom),
    index('admin_units_parent').on(t.parentId),
    check('admin_units_level', oneOf(t.level, UNIT_LEVELS)),
  ],
);

/** An official list of units (GSO codes) as of a date, loaded to match imported boundaries against. */
export const codeLists = pgTable('code_lists', {
  id: serial('id').primaryKey(),
  name: text('name').notNull(),
  asOf: day('as_of').notNull().unique(),
  /** [{ code, name, type, level, parentCode }] in list order (parents before children). */
  units: jsonb('units').notNull(),
  loadedAt: instant('loaded_at').notNull().defaultNow(),
  loadedBy: text('loaded_by').notNull(),
});

/** The crosswalk of a boundary change: which old unit became (wholly or partly) which new one, and from when. */
export const unitLinks = pgTable(
  'unit_links',
  {
    oldId: integer('old_id')
      .notNull()
      .references(() => adminUnits.id),
    newId: integer('new_id')
      .notNull()
      .references(() => adminUnits.id),
    kind: text('kind').notNull(),
    date: day('date').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.oldId, t.newId] }),
    index('unit_links_new').on(t.newId),
    check('unit_links_kind', oneOf(t.kind, UNIT_LINK_KINDS)),
  ],
);

/** Context layers drawn on the map (rivers, roads). */
export const mapLayers = pgTable('map_layers', {
  id: serial('id').primaryKey(),
  kind: text('kind').notNull(),
  name: text('name').notNull(),
  geometry: jsonb('geometry').notNull(),
});

export const users = pgTable(
  'users',
  {
    id: serial('id').primaryKey(),
    username: text('username').notNull().unique(),
    displayName: text('display_name').notNull(),
    passwordHash: text('password_hash').notNull(),
    role: text('role').notNull(),
    active: boolean('active').notNull().default(true),
    createdAt: instant('created_at').notNull().defaultNow(),
    passwordChangedAt: instant('password_changed_at').notNull().defaultNow(),
    /** One of the demo province's published accounts: removed when real data replaces the demo. */
    demo: boolean('demo').notNull().default(false),
  },
  (t) => [check('users_role', oneOf(t.role, ROLES))],
);

/** Server-side sessions: only the SHA-256 of the cookie token is stored, so a database dump logs nobody in. */
export const sessions = pgTable(
  'sessions',
  {
    tokenHash: text('token_hash').primaryKey(),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    csrfToken: text('csrf_token').notNull(),
    address: text('address'),
    createdAt: instant('created_at').notNull(),
    lastSeenAt: instant('last_seen_at').notNull(),
    expiresAt: instant('expires_at').notNull(),
  },
  (t) => [index('sessions_user').on(t.userId)],
);

/** Uploaded evidence (PDF or image); the bytes live on disk outside the web root, named by id. */
export const attachments = pgTable('attachments', {
  id: text('id').primaryKey(),
  mime: text('mime').notNull(),
  size: integer('size').notNull(),
  sha256: text('sha256').notNull(),
  originalName: text('original_name').notNull(),
  uploadedBy: integer('uploaded_by')
    .notNull()
    .references(() => users.id),
  uploadedAt: instant('uploaded_at').notNull().defaultNow(),
});

/** The unit subtrees a user may act in. */
export const userScopes = pgTable(
  'user_scopes',
  {
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    unitId: integer('unit_id')
      .notNull()
      .references(() => adminUnits.id),
  },
  (t) => [primaryKey({ columns: [t.userId, t.unitId] })],
);

/** Append-only: a correction is a new row pointing at the row it corrects. */
export const communeStatusChanges = pgTable(
  'commune_status_changes',
  {
    id: serial('id').primaryKey(),
    communeId: integer('commune_id')
      .notNull()
      .references(() => adminUnits.id),
    status: text('status').notNull(),
    effectiveDate: day('effective_date').notNull(),
    legalBasis: text('legal_basis').notNull(),
    note: text('note').notNull().default(''),
    authorId: integer('author_id').references(() => users.id),
    authorName: text('author_name').notNull(),
    recordedAt: instant('recorded_at').notNull().defaultNow(),
    correctsId: integer('corrects_id').references((): AnyPgColumn => communeStatusChanges.id),
    externalRef: text('external_ref').unique(),
  },
  (t) => [
    index('status_changes_commune').on(t.communeId, t.effectiveDate),
    check('status_changes_status', oneOf(t.status, COMMUNE_STATUSES)),
  ],
);

export const plans = pgTable('plans', {
  id: text('id').primaryKey(),
  title: text('title').notNull(),
  legalRef: text('legal_ref').notNull(),
  startDate: day('start_date').notNull(),
  endDate: day('end_date').notNull(),
  targets: jsonb('targets').notNull(),
  /** Reports of a period are due this many days after it ends, and lock this many days after it ends. */
  reportDueDays: integer('report_due_days').notNull().default(10),
  reportLockDays: integer('report_lock_days').notNull().default(30),
  /** A commune complex or relapsed this many months without a break calls its leaders to account (seed 004). */
  accountabilityMonths: integer('accountability_months').notNull().default(24),
});

/** A commune's leaders and their terms (party secretary, chairman of the people's committee), for accountability. */
export const unitOfficials = pgTable(
  'unit_officials',
  {
    id: serial('id').primaryKey(),
    unitId: integer('unit_id')
      .notNull()
      .references(() => adminUnits.id, { onDelete: 'cascade' }),
    role: text('role').$type<OfficialRole>().notNull(),
    name: text('name').notNull(),
    fromDate: day('from_date').notNull(),
    toDate: day('to_date'),
  },
  (t) => [index('unit_officials_unit').on(t.unitId), check('unit_officials_role', oneOf(t.role, OFFICIAL_ROLES))],
);

/** A number the plan tracks from units' periodic reports (geo/reported.ts), beside the derived indicators. */
export const reportedIndicators = pgTable(
  'reported_indicators',
  {
    planId: text('plan_id')
      .notNull()
      .references(() => plans.id, { onDelete: 'cascade' }),
    code: text('code').notNull(),
    position: integer('position').notNull(),
    nameVi: text('name_vi').notNull(),
    nameEn: text('name_en').notNull(),
    measure: text('measure').$type<ReportedMeasure>().notNull(),
    period: text('period').$type<Period>().notNull(),
    levels: text('levels').array().$type<UnitLevel[]>().notNull(),
    target: jsonb('target').$type<ReportedTarget>().notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.planId, t.code] }),
    check('reported_indicators_measure', oneOf(t.measure, REPORTED_MEASURES)),
    check('reported_indicators_period', oneOf(t.period, REPORT_PERIODS)),
  ],
);

/**
 * One unit's figures for one reported indicator and period, entered by staff and counted once approved (the same path
 * as status proposals). A later approved entry for the same unit and period replaces the earlier one.
 */
export const reportedValues = pgTable(
  'reported_values',
  {
    id: serial('id').primaryKey(),
    planId: text('plan_id').notNull(),
    code: text('code').notNull(),
    unitId: integer('unit_id')
      .notNull()
      .references(() => adminUnits.id),
    periodKey: text('period_key').notNull(),
    numerator: integer('numerator').notNull(),
    denominator: integer('denominator'),
    note: text('note').notNull().default(''),
    attachmentId: text('attachment_id').references(() => attachments.id),
    /** Who entered it (null for figures loaded with a dataset, which name their author only). */
    proposerId: integer('proposer_id').references(() => users.id),
    authorName: text('author_name').notNull(),
    proposedAt: instant('proposed_at').notNull(),
    state: text('state').notNull().default('pending'),
    deciderId: integer('decider_id').references(() => users.id),
    decidedAt: instant('decided_at'),
    reason: text('reason'),
  },
  (t) => [
    foreignKey({
      columns: [t.planId, t.code],
      foreignColumns: [reportedIndicators.planId, reportedIndicators.code],
    }).onDelete('cascade'),
    index('reported_values_period').on(t.planId, t.code, t.periodKey),
    check('reported_values_state', oneOf(t.state, REPORTED_STATES)),
    check(
      'reported_values_numbers',
      sql`${t.numerator} >= 0 and (${t.denominator} is null or ${t.numerator} <= ${t.denominator})`,
    ),
    // At most one entry waiting and one counted per unit, indicator and period: the database refuses a second.
    uniqueIndex('reported_values_one_pending')
      .on(t.planId, t.code, t.unitId, t.periodKey)
      .where(sql`${t.state} = 'pending'`),
    uniqueIndex('reported_values_one_approved')
      .on(t.planId, t.code, t.unitId, t.periodKey)
      .where(sql`${t.state} = 'approved'`),
  ],
);

/** A locked reporting period opened again by an administrator, until a day (audited). */
export const reportingReopenings = pgTable(
  'reporting_reopenings',
  {
    id: serial('id').primaryKey(),
    planId: text('plan_id')
      .notNull()
      .references(() => plans.id, { onDelete: 'cascade' }),
    period: text('period').$type<Period>().notNull(),
    periodKey: text('period_key').notNull(),
    until: day('until').notNull(),
    reason: text('reason').notNull(),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id),
    at: instant('at').notNull(),
  },
  (t) => [index('reporting_reopenings_period').on(t.planId, t.period, t.periodKey)],
);

export const planSelections = pgTable(
  'plan_selections',
  {
    planId: text('plan_id')
      .notNull()
      .references(() => plans.id, { onDelete: 'cascade' }),
    communeId: integer('commune_id')
      .notNull()
      .references(() => adminUnits.id),
    selectedOn: day('selected_on').notNull(),
    note: text('note').notNull().default(''),
  },
  (t) => [primaryKey({ columns: [t.planId, t.communeId] })],
);

export const hotspots = pgTable(
  'hotspots',
  {
    id: serial('id').primaryKey(),
    externalRef: text('external_ref').unique(),
    lng: doublePrecision('lng').notNull(),
    lat: doublePrecision('lat').notNull(),
    address: text('address').notNull(),
    kind: text('kind').$type<HotspotKind>().notNull(),
    activities: text('activities').array().$type<HotspotActivity[]>().notNull(),
    description: text('description').notNull().default(''),
    source: text('source').notNull().default(''),
    communeId: integer('commune_id')
      .notNull()
      .references(() => adminUnits.id),
    createdAt: instant('created_at').notNull().defaultNow(),
  },
  (t) => [index('hotspots_commune').on(t.communeId), check('hotspots_kind', oneOf(t.kind, HOTSPOT_KINDS))],
);

/** The commune holding each hotspot in every boundary vintage (found from its point); hotspots.commune_id is the
 *  commune of the latest vintage. */
export const hotspotCommunes = pgTable(
  'hotspot_communes',
  {
    hotspotId: integer('hotspot_id')
      .notNull()
      .references(() => hotspots.id, { onDelete: 'cascade' }),
    communeId: integer('commune_id')
      .notNull()
      .references(() => adminUnits.id),
  },
  (t) => [primaryKey({ columns: [t.hotspotId, t.communeId] }), index('hotspot_communes_commune').on(t.communeId)],
);

export const hotspotEvents = pgTable(
  'hotspot_events',
  {
    id: serial('id').primaryKey(),
    hotspotId: integer('hotspot_id')
      .notNull()
      .references(() => hotspots.id, { onDelete: 'cascade' }),
    kind: text('kind').$type<HotspotEventKind>().notNull(),
    date: day('date').notNull(),
    note: text('note').notNull().default(''),
    recordedAt: instant('recorded_at').notNull().defaultNow(),
  },
  (t) => [
    index('hotspot_events_hotspot').on(t.hotspotId, t.date),
    check('hotspot_events_kind', oneOf(t.kind, HOTSPOT_EVENT_KINDS)),
  ],
);

/** A status change proposed by an editor; it counts only once approved, which writes a commune_status_changes row. */
export const statusProposals = pgTable(
  'status_proposals',
  {
    id: serial('id').primaryKey(),
    communeId: integer('commune_id')
      .notNull()
      .references(() => adminUnits.id),
    status: text('status').notNull(),
    effectiveDate: day('effective_date').notNull(),
    legalBasis: text('legal_basis').notNull(),
    note: text('note').notNull().default(''),
    /** The commune's latest counted change when the proposal was made (null: it had none). */
    baseChangeId: integer('base_change_id').references(() => communeStatusChanges.id),
    correctsId: integer('corrects_id').references(() => communeStatusChanges.id),
    attachmentId: text('attachment_id').references(() => attachments.id),
    proposerId: integer('proposer_id')
      .notNull()
      .references(() => users.id),
    proposedAt: instant('proposed_at').notNull(),
    state: text('state').notNull().default('pending'),
    deciderId: integer('decider_id').references(() => users.id),
    decidedAt: instant('decided_at'),
    reason: text('reason'),
    changeId: integer('change_id').references(() => communeStatusChanges.id),
  },
  (t) => [
    index('status_proposals_commune').on(t.communeId, t.state),
    check('status_proposals_state', oneOf(t.state, PROPOSAL_STATES)),
    check('status_proposals_status', oneOf(t.status, COMMUNE_STATUSES)),
    // At most one pending proposal per commune: the database itself refuses a second one.
    uniqueIndex('status_proposals_one_pending')
      .on(t.communeId)
      .where(sql`${t.state} = 'pending'`),
  ],
);

/** A crackdown operation (đợt cao điểm tấn công trấn áp): plan, area, targets, then results. */
export const operations = pgTable(
  'operations',
  {
    id: serial('id').primaryKey(),
    name: text('name').notNull(),
    startDate: day('start_date').notNull(),
    endDate: day('end_date').notNull(),
    /** How the area was drawn (polygon, circle, buffer) and the geometry it stands for. */
    areaSpec: jsonb('area_spec').$type<AreaSpec>().notNull(),
    area: jsonb('area').$type<Area>().notNull(),
    units: text('units').array().notNull(),
    targetHotspotIds: integer('target_hotspot_ids').array().notNull(),
    note: text('note').notNull().default(''),
    createdBy: integer('created_by')
      .notNull()
      .references(() => users.id),
    createdAt: instant('created_at').notNull(),
    /** null until results are recorded: arrests, cases, seizures. */
    results: jsonb('results'),
    resultsRecordedAt: instant('results_recorded_at'),
  },
  (t) => [check('operations_period', sql`${t.startDate} <= ${t.endDate}`)],
);

/** The elimination events an operation's results created. */
export const operationEliminations = pgTable(
  'operation_eliminations',
  {
    operationId: integer('operation_id')
      .notNull()
      .references(() => operations.id),
    hotspotEventId: integer('hotspot_event_id')
      .notNull()
      .references(() => hotspotEvents.id),
  },
  (t) => [primaryKey({ columns: [t.operationId, t.hotspotEventId] })],
);

/** Relapse signal: new drug activity in a transformed or drug-free commune, open until confirmed or dismissed. */
export const reviewFlags = pgTable(
  'review_flags',
  {
    id: serial('id').primaryKey(),
    communeId: integer('commune_id')
      .notNull()
      .references(() => adminUnits.id),
    hotspotId: integer('hotspot_id')
      .notNull()
      .references(() => hotspots.id),
    eventKind: text('event_kind').notNull(),
    eventDate: day('event_date').notNull(),
    communeStatus: text('commune_status').notNull(),
    raisedAt: instant('raised_at').notNull(),
    state: text('state').notNull().default('open'),
    resolvedBy: integer('resolved_by').references(() => users.id),
    resolvedAt: instant('resolved_at'),
    note: text('note').notNull().default(''),
  },
  (t) => [
    index('review_flags_commune').on(t.communeId, t.state),
    check('review_flags_state', oneOf(t.state, FLAG_STATES)),
  ],
);

/** Every write appends a row; rows are chained by hash so tampering is detectable. */
export const auditLog = pgTable('audit_log', {
  id: bigserial('id', { mode: 'number' }).primaryKey(),
  at: instant('at').notNull().defaultNow(),
  actorId: integer('actor_id'),
  actorName: text('actor_name').notNull(),
  address: text('address'),
  action: text('action').notNull(),
  entityType: text('entity_type'),
  entityId: text('entity_id'),
  before: jsonb('before'),
  after: jsonb('after'),
  prevHash: text('prev_hash'),
  hash: text('hash').notNull(),
});
