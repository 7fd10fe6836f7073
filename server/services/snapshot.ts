// In-memory model of units, status histories, hotspot lifecycles and plans, reloaded when the data revision changes.
import { asc, eq } from 'drizzle-orm';
import { indexHotspots, type HotspotCounts } from '../../geo/hotspot-counts';
import type { HotspotEvent } from '../../geo/hotspots';
import type { IndicatorHotspot, IndicatorSelection, PlanTargets } from '../../geo/indicators';
import { effectiveHistory, gravestOfParts, type CommuneStatus, type StatusStep } from '../../geo/status';
import type { UnitLevel } from '../../geo/units';
import type { Db } from '../db/client';
import * as t from '../db/schema';
import { readMeta, readRevision, type DatasetMeta } from './meta';
import { loadReported, type ReportedSnapshot } from './reported/load';

export interface UnitNode {
  id: number;
  code: string;
  name: string;
  type: string;
  level: UnitLevel;
  parentId: number | null;
  validFrom: string;
  validTo: string | null;
}

export interface PlanRecord {
  id: string;
  title: string;
  legalRef: string;
  start: string;
  end: string;
  targets: PlanTargets;
  /** Months complex without a break after which a commune's leaders are called to account. */
  accountabilityMonths: number;
}

export interface HotspotEntry extends IndicatorHotspot {
  id: number;
}

export interface Snapshot extends ReportedSnapshot {
  revision: number;
  dataset: DatasetMeta | null;
  boundaryVersion: string;
  units: Map<number, UnitNode>;
  children: Map<number | null, number[]>;
  histories: Map<number, StatusStep[]>;
  hotspots: HotspotEntry[];
  hotspotCounts: HotspotCounts;
  selections: Map<string, IndicatorSelection[]>;
  plans: PlanRecord[];
}

async function loadUnits(db: Db) {
  const rows = await db
    .select({
      id: t.adminUnits.id,
      code: t.adminUnits.code,
      name: t.adminUnits.name,
      type: t.adminUnits.type,
      level: t.adminUnits.level,
      parentId: t.adminUnits.parentId,
      validFrom: t.adminUnits.validFrom,
      validTo: t.adminUnits.validTo,
    })
    .from(t.adminUnits)
    .orderBy(asc(t.adminUnits.code));
  const units = new Map<number, UnitNode>();
  const children = new Map<number | null, number[]>();
  for (const r of rows) {
    units.set(r.id, { ...r, level: r.level as UnitLevel });
    children.set(r.parentId, [...(children.get(r.parentId) ?? []), r.id]);
  }
  return { units, children };
}

async function loadHistories(db: Db): Promise<Map<number, StatusStep[]>> {
  const rows = await db
    .select({
      id: t.communeStatusChanges.id,
      communeId: t.communeStatusChanges.communeId,
      status: t.communeStatusChanges.status,
      effectiveDate: t.communeStatusChanges.effectiveDate,
      correctsId: t.communeStatusChanges.correctsId,
    })
    .from(t.communeStatusChanges);
  const grouped = new Map<number, typeof rows>();
  for (const r of rows) grouped.set(r.communeId, [...(grouped.get(r.communeId) ?? []), r]);
  const histories = new Map<number, StatusStep[]>();
  for (const [communeId, records] of grouped)
    histories.set(communeId, effectiveHistory(records.map((r) => ({ ...r, status: r.status as CommuneStatus }))));
  return histories;
}

/** One entry per hotspot and boundary vintage: the same lifecycle under the commune holding the point in each. */
/**
 * Units made of older ones (the 2025 reform): before the change, their history is the gravest status of their parts
 * at each date (geo/status.gravestOfParts); from the change on, their own records (the carried-over status first).
 */
async function inheritHistories(db: Db, histories: Map<number, StatusStep[]>) {
  const links = await db.select().from(t.unitLinks).orderBy(asc(t.unitLinks.date));
  const parts = new Map<number, { date: string; oldIds: number[] }>();
  for (const l of links) {
    const entry = parts.get(l.newId) ?? { date: l.date, oldIds: [] };
    entry.oldIds.push(l.oldId);
    parts.set(l.newId, entry);
  }
  // Links in date order: a unit changed twice inherits what its parts had already inherited.
  for (const [newId, { date, oldIds }] of parts) {
    const before = gravestOfParts(
      oldIds.map((id) => histories.get(id) ?? []),
      date,
    );
    const own = (histories.get(newId) ?? []).filter((step) => step.effectiveDate >= date);
    if (before.length) histories.set(newId, [...before, ...own]);
  }
}

async function loadHotspots(db: Db): Promise<HotspotEntry[]> {
  const rows = await db
    .select({
      id: t.hotspotCommunes.hotspotId,
      communeId: t.hotspotCommunes.communeId,
      kind: t.hotspotEvents.kind,
      date: t.hotspotEvents.date,
    })
    .from(t.hotspotEvents)
    .innerJoin(t.hotspotCommunes, eq(t.hotspotCommunes.hotspotId, t.hotspotEvents.hotspotId))
    .orderBy(
      asc(t.hotspotEvents.hotspotId),
      asc(t.hotspotCommunes.communeId),
      asc(t.hotspotEvents.date),
      asc(t.hotspotEvents.id),
    );
  const out: HotspotEntry[] = [];
  let current = null as HotspotEntry | null;
  for (const r of rows) {
    if (current?.id !== r.id || current.communeId !== r.communeId) {
      current = { id: r.id, communeId: r.communeId, events: [] };
      out.push(current);
    }
    (current.events as HotspotEvent[]).push({ kind: r.kind as HotspotEvent['kind'], date: r.date });
  }
  return out;
}

async function loadPlans(db: Db) {
  const planRows = await db.select().from(t.plans).orderBy(asc(t.plans.startDate));
  const plans: PlanRecord[] = planRows.map((p) => ({
    id: p.id,
    title: p.title,
    legalRef: p.legalRef,
    start: p.startDate,
    end: p.endDate,
    targets: p.targets as PlanTargets,
    accountabilityMonths: p.accountabilityMonths,
  }));
  const selections = new Map<string, IndicatorSelection[]>();
  for (const s of await db.select().from(t.planSelections))
    selections.set(s.planId, [
      ...(selections.get(s.planId) ?? []),
      { communeId: s.communeId, selectedOn: s.selectedOn },
    ]);
  return { plans, selections };
}

/** One consistent read: a write committing meanwhile shows up as a newer revision next time. */
function loadSnapshot(db: Db): Promise<Snapshot> {
  return db.transaction(
    async (tx) => {
      const txDb = tx as unknown as Db;
      const revision = await readRevision(txDb);
      const dataset = await readMeta<DatasetMeta>(txDb, 'dataset');
      const boundaryVersion = (await readMeta<string>(txDb, 'boundaryVersion')) ?? 'none';
      const { units, children } = await loadUnits(txDb);
      const histories = await loadHistories(txDb);
      await inheritHistories(txDb, histories);
      const hotspots = await loadHotspots(txDb);
      const { plans, selections } = await loadPlans(txDb);
      const reported = await loadReported(txDb);
      return {
        ...reported,
        revision,
        dataset,
        boundaryVersion,
        units,
        children,
        histories,
        hotspots,
        hotspotCounts: indexHotspots(hotspots),
        selections,
        plans,
      };
    },
    { isolationLevel: 'repeatable read', accessMode: 'read only' },
  );
}

export interface SnapshotCacheOptions {
  /**
   * How long a loaded snapshot is trusted before the revision is checked again. Writes made by this
   * process call `invalidate()`; the check only matters for writers in other processes, which the
   * embedded database's exclusive lock rules out (so PGlite uses Infinity).
   */
  recheckMs: number;
  now?: () => number;
}

/** Serves the snapshot for the current revision; reloads after `invalidate()` or a revision change. */
export class SnapshotCache {
  private current: Promise<Snapshot> | null = null;
  private checkedAt = -Infinity;

  constructor(
    private readonly db: Db,
    private readonly options: SnapshotCacheOptions,
  ) {}

  /** Call after committing a write so the next read sees it. */
  invalidate(): void {
    this.current = null;
  }

  async get(): Promise<Snapshot> {
    const now = (this.options.now ?? Date.now)();
    if (this.current && now - this.checkedAt < this.options.recheckMs) return this.current;
    this.checkedAt = now;
    if (this.current) {
      const [snapshot, revision] = await Promise.all([this.current, readRevision(this.db)]);
      if (snapshot.revision === revision) return snapshot;
    }
    const loading = loadSnapshot(this.db);
    this.current = loading;
    loading.catch(() => {
      if (this.current === loading) this.current = null;
    });
    return loading;
  }
}
