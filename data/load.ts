// Loads a dataset file into the database: full validation first, then one transaction, or nothing.
import { createHash } from 'node:crypto';
import { count } from 'drizzle-orm';
import type { ZodError } from 'zod';
import type { Db } from '../server/db/client';
import * as t from '../server/db/schema';
import { appendAudit } from '../server/services/audit';
import { bumpRevision, writeMeta } from '../server/services/meta';
import {
  clearForReplacement,
  previewReplacement,
  restoreAreas,
  type AreaReport,
  type ClearedDataset,
} from '../server/services/replacement';
import { bboxOf } from '../geo/spatial';
import { dataset } from './format';
import { resolveDataset, type DatasetProblem, type ResolvedDataset } from './validate';

export class DatasetError extends Error {
  constructor(readonly problems: DatasetProblem[]) {
    const shown = problems.slice(0, 30).map((p) => `  ${p.path}: ${p.message}`);
    const more = problems.length > 30 ? [`  … ${problems.length - 30} more / và ${problems.length - 30} lỗi khác`] : [];
    super(`Dataset rejected, nothing written / Dữ liệu bị từ chối, không ghi gì:\n${[...shown, ...more].join('\n')}`);
  }
}

export class DatabaseNotEmptyError extends Error {
  constructor() {
    super(
      'The database already holds data; use --replace to replace it / Cơ sở dữ liệu đã có dữ liệu; dùng --replace để thay thế',
    );
  }
}

function zodProblems(error: ZodError): DatasetProblem[] {
  return error.issues.map((i) => ({
    path: i.path.map((p, k) => (typeof p === 'number' ? `[${p}]` : `${k ? '.' : ''}${String(p)}`)).join(''),
    message: i.message,
  }));
}

/** Parses and checks a dataset; throws DatasetError listing every problem found. */
export function validateDataset(input: unknown): ResolvedDataset {
  const parsed = dataset.safeParse(input);
  if (!parsed.success) throw new DatasetError(zodProblems(parsed.error));
  const { resolved, problems } = resolveDataset(parsed.data);
  if (problems.length) throw new DatasetError(problems);
  return resolved;
}

export async function isDatabaseEmpty(db: Db): Promise<boolean> {
  const [row] = await db.select({ n: count() }).from(t.adminUnits);
  return Number(row?.n ?? 0) === 0;
}

async function insertChunked<T>(rows: T[], insert: (chunk: T[]) => Promise<unknown>, size = 1000) {
  for (let i = 0; i < rows.length; i += size) await insert(rows.slice(i, i + size));
}

/** Inserts units one tree level at a time, parents first; returns database ids by dataset index. */
async function writeUnits(db: Db, r: ResolvedDataset): Promise<number[]> {
  const ids: number[] = new Array(r.data.units.length);
  const depth = (i: number): number => (r.parents[i] === null ? 0 : 1 + depth(r.parents[i]!));
  const levels = new Map<number, number[]>();
  r.data.units.forEach((_, i) => levels.set(depth(i), [...(levels.get(depth(i)) ?? []), i]));
  for (const level of [...levels.keys()].sort((a, b) => a - b)) {
    await insertChunked(
      levels.get(level)!,
      async (chunk) => {
        const rows = await db
          .insert(t.adminUnits)
          .values(
            chunk.map((i) => {
              const u = r.data.units[i]!;
              const parent = r.parents[i];
              return {
                code: u.code,
                name: u.name,
                type: u.type,
                level: r.levels[i]!,
                parentId: parent === null || parent === undefined ? null : ids[parent]!,
                geometry: u.geometry,
                bbox: bboxOf(u.geometry),
                validFrom: u.validFrom,
                validTo: u.validTo,
              };
            }),
          )
          .returning({ id: t.adminUnits.id });
        chunk.forEach((i, k) => (ids[i] = rows[k]!.id));
      },
      200,
    );
  }
  return ids;
}

async function writeStatusChanges(db: Db, r: ResolvedDataset, unitIds: number[]) {
  const idByRef = new Map<string, number>();
  // One row at a time only where a correction must point at an id; plain rows go in chunks.
  let pending: (typeof t.communeStatusChanges.$inferInsert)[] = [];
  const flush = async () => {
    if (!pending.length) return;
    const rows = await db
      .insert(t.communeStatusChanges)
      .values(pending)
      .returning({ id: t.communeStatusChanges.id, ref: t.communeStatusChanges.externalRef });
    rows.forEach((row) => idByRef.set(row.ref!, row.id));
    pending = [];
  };
  for (const [i, c] of r.data.statusChanges.entries()) {
    if (c.correctsRef !== null && !idByRef.has(c.correctsRef)) await flush();
    pending.push({
      communeId: unitIds[r.statusUnits[i]!]!,
      status: c.status,
      effectiveDate: c.effectiveDate,
      legalBasis: c.legalBasis,
      note: c.note,
      authorName: c.author,
      recordedAt: c.recordedAt,
      correctsId: c.correctsRef === null ? null : idByRef.get(c.correctsRef)!,
      externalRef: c.ref,
    });
    if (pending.length >= 1000) await flush();
  }
  await flush();
}

async function writeHotspots(db: Db, r: ResolvedDataset, unitIds: number[]) {
  const entries = [...r.data.hotspots.entries()];
  await insertChunked(
    entries,
    async (chunk) => {
      const rows = await db
        .insert(t.hotspots)
        .values(
          chunk.map(([i, h]) => ({
            externalRef: h.ref,
            lng: h.location[0],
            lat: h.location[1],
            address: h.address,
            kind: h.kind,
            activities: h.activities,
            description: h.description,
            source: h.source,
            communeId: unitIds[r.hotspotUnits[i]!]!,
          })),
        )
        .returning({ id: t.hotspots.id });
      await db
        .insert(t.hotspotCommunes)
        .values(chunk.map(([i], k) => ({ hotspotId: rows[k]!.id, communeId: unitIds[r.hotspotUnits[i]!]! })));
      const events = chunk.flatMap(([, h], k) =>
        h.events.map((e) => ({ hotspotId: rows[k]!.id, kind: e.kind, date: e.date, note: e.note })),
      );
      await insertChunked(events, (ev) => db.insert(t.hotspotEvents).values(ev), 2000);
    },
    500,
  );
}

function boundaryVersion(r: ResolvedDataset): string {
  const hash = createHash('sha256');
  for (const u of r.data.units)
    hash.update(JSON.stringify([u.code, u.name, u.type, u.parentCode, u.validFrom, u.validTo, u.geometry]));
  for (const l of r.data.layers) hash.update(JSON.stringify(l));
  return hash.digest('hex').slice(0, 16);
}

export class AreasWouldBeDroppedError extends Error {
  constructor(readonly areas: AreaReport) {
    super(
      `Users would lose part of their area; nothing written. Check the list, then confirm with --drop-areas / ` +
        `Người dùng sẽ mất một phần địa bàn; chưa ghi gì. Xem danh sách rồi xác nhận bằng --drop-areas:\n` +
        areas.dropped.map((a) => `  ${a.username}: ${a.dropped.join(', ')}`).join('\n'),
    );
  }
}

export interface LoadOptions {
  replace?: boolean;
  /** Go ahead although some users' areas name units the new dataset does not have (they are reported). */
  dropAreas?: boolean;
  actor?: string;
}

/** The unit codes of a dataset, and whether it is the demo: what a replacement by it keeps of users' areas. */
function replacementOf(r: ResolvedDataset) {
  return { codes: new Set(r.data.units.map((u) => u.code)), removeDemoAccounts: !r.data.meta.demo };
}

/** What replacing the database's data by this dataset would do to users (nothing written). */
export async function previewDatasetReplacement(db: Db, input: unknown): Promise<AreaReport> {
  const { codes, removeDemoAccounts } = replacementOf(validateDataset(input));
  return previewReplacement(db, codes, { removeDemoAccounts });
}

/** The map layers, the plans and the communes they selected for transformation. */
async function writeLayersAndPlans(db: Db, r: ResolvedDataset, unitIds: number[]) {
  if (r.data.layers.length) await db.insert(t.mapLayers).values(r.data.layers);
  if (r.data.plans.length)
    await db.insert(t.plans).values(
      r.data.plans.map((p) => ({
        id: p.id,
        title: p.title,
        legalRef: p.legalRef,
        startDate: p.start,
        endDate: p.end,
        targets: p.targets,
        reportDueDays: p.reportDueDays,
        reportLockDays: p.reportLockDays,
        accountabilityMonths: p.accountabilityMonths,
      })),
    );
  const reported = r.data.plans.flatMap((p) =>
    p.reported.map((d, position) => ({
      planId: p.id,
      code: d.code,
      position,
      nameVi: d.name.vi,
      nameEn: d.name.en,
      measure: d.measure,
      period: d.period,
      levels: d.levels,
      target: d.target,
    })),
  );
  if (reported.length) await db.insert(t.reportedIndicators).values(reported);
  if (r.data.selections.length)
    await db.insert(t.planSelections).values(
      r.data.selections.map((s, i) => ({
        planId: s.planId,
        communeId: unitIds[r.selectionUnits[i]!]!,
        selectedOn: s.selectedOn,
        note: s.note,
      })),
    );
}

/** Reported figures, approved ones counted as decided when recorded. */
async function writeReportedValues(db: Db, r: ResolvedDataset, unitIds: number[]) {
  const rows = r.data.reportedValues.map((v, i) => ({
    planId: v.planId,
    code: v.code,
    unitId: unitIds[r.reportedUnits[i]!]!,
    periodKey: v.period,
    numerator: v.numerator,
    denominator: v.denominator,
    note: v.note,
    authorName: v.author,
    proposedAt: v.recordedAt,
    state: v.state,
    decidedAt: v.state === 'approved' ? v.recordedAt : null,
  }));
  for (let i = 0; i < rows.length; i += 1000) await db.insert(t.reportedValues).values(rows.slice(i, i + 1000));
}

async function writeOfficials(db: Db, r: ResolvedDataset, unitIds: number[]) {
  const rows = r.data.officials.map((o, i) => ({
    unitId: unitIds[r.officialUnits[i]!]!,
    role: o.role,
    name: o.name,
    fromDate: o.from,
    toDate: o.to,
  }));
  if (rows.length) await db.insert(t.unitOfficials).values(rows);
}

/** Writes a validated dataset in one transaction. Refuses a non-empty database unless `replace`. */
export async function loadDataset(db: Db, input: unknown, options: LoadOptions = {}) {
  const r = validateDataset(input);
  const replacing = replacementOf(r);
  const areas = await db.transaction(async (tx) => {
    const txDb = tx as unknown as Db;
    let cleared: ClearedDataset | null = null;
    if (!(await isDatabaseEmpty(txDb))) {
      if (!options.replace) throw new DatabaseNotEmptyError();
      const preview = await previewReplacement(txDb, replacing.codes, replacing);
      if (preview.dropped.length && !options.dropAreas) throw new AreasWouldBeDroppedError(preview);
      cleared = await clearForReplacement(txDb, replacing);
    }
    const unitIds = await writeUnits(txDb, r);
    const areas = cleared ? await restoreAreas(txDb, cleared) : null;
    await writeLayersAndPlans(txDb, r, unitIds);
    await writeStatusChanges(txDb, r, unitIds);
    await writeHotspots(txDb, r, unitIds);
    await writeReportedValues(txDb, r, unitIds);
    await writeOfficials(txDb, r, unitIds);
    await writeMeta(txDb, 'dataset', r.data.meta);
    await writeMeta(txDb, 'boundaryVersion', boundaryVersion(r));
    await bumpRevision(txDb);
    await appendAudit(txDb, {
      actorName: options.actor ?? 'system',
      action: options.replace ? 'dataset.replace' : 'dataset.load',
      entityType: 'dataset',
      entityId: r.data.meta.name,
      after: {
        units: r.data.units.length,
        hotspots: r.data.hotspots.length,
        statusChanges: r.data.statusChanges.length,
        ...(areas ? { areas } : {}),
      },
    });
    return areas;
  });
  return {
    units: r.data.units.length,
    hotspots: r.data.hotspots.length,
    statusChanges: r.data.statusChanges.length,
    plans: r.data.plans.length,
    areas,
  };
}
