// Hotspot registry writes: create (commune found from the point), edit, lifecycle events, with the 50 m
// duplicate warning, all-or-nothing, audited and announced to those who may see hotspots.
import { distance } from '@turf/turf';
import { and, asc, between, eq, inArray, sql } from 'drizzle-orm';
import { formatVnDate } from '../../geo/dates';
import { checkLifecycle, hotspotStatusAt, type HotspotEvent, type LifecycleProblem } from '../../geo/hotspots';
import type { HotspotCreate, HotspotUpdate } from '../contracts/hotspots';
import type { Db } from '../db/client';
import { LOCKS, takeLock } from '../db/locks';
import * as t from '../db/schema';
import { HttpError, notFound } from '../http/errors';
import { appendAudit } from './audit';
import type { LiveEvent } from './events';
import type { HotspotDetails } from './hotspot-details';
import type { CommuneLocator } from './locator';
import { bumpRevision } from './meta';
import type { Actor } from './proposals';
import type { Snapshot } from './snapshot';
import { raiseFlagIfNeeded } from './review-flags';
import { validOn } from './units';

export const DUPLICATE_RADIUS_M = 50;

export interface RegistryDeps {
  db: Db;
  locator: CommuneLocator;
  details: HotspotDetails;
}

const outside = () =>
  new HttpError(
    422,
    'outside_province',
    'Vị trí nằm ngoài địa giới các xã của tỉnh',
    'The location lies outside every commune of the province',
  );

/**
 * The commune holding the point in every boundary vintage, and among them today's (on a shared border the smallest
 * code, as CommuneLocator.locate rules); outside every commune of today → 422.
 */
async function placeOf(deps: RegistryDeps, s: Snapshot, location: [number, number], today: string) {
  const vintageCommunes = await deps.locator.locateEveryVintage(s, location);
  const current = vintageCommunes
    .filter((id) => validOn(s.units.get(id)!, today))
    .sort((a, b) => (s.units.get(a)!.code < s.units.get(b)!.code ? -1 : 1))[0];
  if (current === undefined) throw outside();
  return { communeId: current, vintageCommunes };
}

/**
 * Active hotspots within 50 m of the point (today), nearest first, read from the database: inside a write, under
 * the placement lock (server/db/locks.ts), it sees every hotspot committed before, which a cache would not.
 */
export async function nearbyActive(db: Db, location: [number, number], today: string, except?: number) {
  const pad = 0.001; // ≈ 110 m: a cheap box before the exact distance
  const [lng, lat] = location;
  const boxed = await db
    .select({ id: t.hotspots.id, lng: t.hotspots.lng, lat: t.hotspots.lat, address: t.hotspots.address })
    .from(t.hotspots)
    .where(and(between(t.hotspots.lng, lng - pad, lng + pad), between(t.hotspots.lat, lat - pad, lat + pad)));
  const near = boxed
    .filter((h) => h.id !== except)
    .map((h) => ({ ...h, m: distance(location, [h.lng, h.lat], { units: 'meters' }) }))
    .filter((h) => h.m <= DUPLICATE_RADIUS_M);
  if (!near.length) return [];
  const events = await db
    .select({ hotspotId: t.hotspotEvents.hotspotId, kind: t.hotspotEvents.kind, date: t.hotspotEvents.date })
    .from(t.hotspotEvents)
    .where(
      inArray(
        t.hotspotEvents.hotspotId,
        near.map((h) => h.id),
      ),
    )
    .orderBy(asc(t.hotspotEvents.date), asc(t.hotspotEvents.id));
  const eventsOf = (id: number) =>
    events.filter((e) => e.hotspotId === id).map((e) => ({ kind: e.kind as HotspotEvent['kind'], date: e.date }));
  return near
    .filter((h) => hotspotStatusAt(eventsOf(h.id), today) === 'active')
    .map((h) => ({ id: h.id, address: h.address, distanceM: Math.round(h.m * 10) / 10 }))
    .sort((a, b) => a.distanceM - b.distanceM);
}

async function refuseDuplicates(
  tx: Db,
  location: [number, number],
  today: string,
  acknowledged: boolean,
  except?: number,
) {
  if (acknowledged) return;
  const near = await nearbyActive(tx, location, today, except);
  if (near.length)
    throw new HttpError(
      409,
      'likely_duplicate',
      `Có ${near.length} điểm đang hoạt động trong bán kính ${DUPLICATE_RADIUS_M} m (gần nhất: #${near[0]!.id}, ${near[0]!.address}). Kiểm tra lại; nếu đúng là điểm mới, xác nhận để lưu.`,
      `${near.length} active hotspot(s) within ${DUPLICATE_RADIUS_M} m (nearest: #${near[0]!.id}, ${near[0]!.address}). Check; if it is really new, confirm to save.`,
      { duplicates: near },
    );
}

/** The hotspot's commune in every boundary vintage, replacing what was recorded before (a move). */
async function recordVintageCommunes(tx: Db, hotspotId: number, communeIds: number[]) {
  await tx.delete(t.hotspotCommunes).where(eq(t.hotspotCommunes.hotspotId, hotspotId));
  if (communeIds.length)
    await tx.insert(t.hotspotCommunes).values(communeIds.map((communeId) => ({ hotspotId, communeId })));
}

function communeEvent(
  s: Snapshot,
  communeId: number,
  hotspotId: number,
  action: 'created' | 'updated' | 'event',
): LiveEvent {
  return { type: 'hotspot', communeId, commune: s.units.get(communeId)!.code, hotspotId, action };
}

export async function createHotspot(deps: RegistryDeps, s: Snapshot, actor: Actor, input: HotspotCreate) {
  const p = actor.principal;
  if (input.detectedOn > actor.today)
    throw new HttpError(
      422,
      'future_date',
      'Ngày phát hiện không được sau hôm nay',
      'The detection date cannot be after today',
    );
  const location = input.location as [number, number];
  const { communeId, vintageCommunes } = await placeOf(deps, s, location, actor.today);
  return deps.db.transaction(async (tx) => {
    await takeLock(tx, LOCKS.PLACEMENT);
    await refuseDuplicates(tx, location, actor.today, input.acknowledgeDuplicates);
    const [row] = await tx
      .insert(t.hotspots)
      .values({
        lng: location[0],
        lat: location[1],
        address: input.address,
        kind: input.kind,
        activities: input.activities,
        description: input.description,
        source: input.source,
        communeId,
        createdAt: actor.now.toISOString(),
      })
      .returning();
    await tx.insert(t.hotspotEvents).values({
      hotspotId: row!.id,
      kind: 'detected',
      date: input.detectedOn,
      note: input.note,
      recordedAt: actor.now.toISOString(),
    });
    await recordVintageCommunes(tx, row!.id, vintageCommunes);
    const flag = await raiseFlagIfNeeded(tx, s, actor, row!.id, communeId, {
      kind: 'detected',
      date: input.detectedOn,
    });
    await bumpRevision(tx);
    await appendAudit(
      tx,
      {
        actorId: p.userId,
        actorName: p.username,
        address: actor.address,
        action: 'hotspot_create',
        entityType: 'hotspot',
        entityId: String(row!.id),
        after: { ...input, commune: s.units.get(communeId)!.code },
      },
      actor.now,
    );
    return { id: row!.id, events: [communeEvent(s, communeId, row!.id, 'created'), ...(flag ? [flag] : [])] };
  });
}

export async function updateHotspot(deps: RegistryDeps, s: Snapshot, actor: Actor, id: number, patch: HotspotUpdate) {
  const p = actor.principal;
  const [before] = await deps.db.select().from(t.hotspots).where(eq(t.hotspots.id, id));
  if (!before) throw notFound({ vi: `Không có điểm #${id}`, en: `No hotspot #${id}` });
  const { acknowledgeDuplicates, location, ...fields } = patch;
  let communeId = before.communeId;
  let vintageCommunes: number[] = [];
  if (location) {
    ({ communeId, vintageCommunes } = await placeOf(deps, s, location as [number, number], actor.today));
  }
  return deps.db.transaction(async (tx) => {
    if (location) {
      await takeLock(tx, LOCKS.PLACEMENT);
      await refuseDuplicates(tx, location as [number, number], actor.today, acknowledgeDuplicates ?? false, id);
    }
    const set = { ...fields, ...(location ? { lng: location[0], lat: location[1], communeId } : {}) };
    if (Object.keys(set).length) await tx.update(t.hotspots).set(set).where(eq(t.hotspots.id, id));
    if (location) await recordVintageCommunes(tx, id, vintageCommunes);
    const [after] = await tx.select().from(t.hotspots).where(eq(t.hotspots.id, id));
    await bumpRevision(tx);
    await appendAudit(
      tx,
      {
        actorId: p.userId,
        actorName: p.username,
        address: actor.address,
        action: 'hotspot_update',
        entityType: 'hotspot',
        entityId: String(id),
        before,
        after,
      },
      actor.now,
    );
    return { id, event: communeEvent(s, communeId, id, 'updated') };
  });
}

const PROBLEMS: Record<LifecycleProblem, { vi: string; en: string }> = {
  first_not_detected: { vi: 'Sự kiện đầu tiên phải là "phát hiện"', en: 'The first event must be "detected"' },
  detected_twice: {
    vi: 'Điểm đã được phát hiện; dùng "tái hình thành" sau khi triệt xóa',
    en: 'Already detected; use "reformed" after an elimination',
  },
  not_active: {
    vi: 'Chỉ triệt xóa được điểm đang hoạt động (điểm này đã bị triệt xóa)',
    en: 'Only an active hotspot can be eliminated (this one already is)',
  },
  not_eliminated: {
    vi: 'Chỉ điểm đã triệt xóa mới có thể tái hình thành',
    en: 'Only an eliminated hotspot can re-form',
  },
  out_of_order: {
    vi: 'Ngày sự kiện không được trước sự kiện gần nhất',
    en: 'The event cannot be dated before the latest one',
  },
};

/** A hotspot's events in the order they happened (recording order within a day). */
function eventsOfHotspot(db: Db, id: number) {
  return db
    .select()
    .from(t.hotspotEvents)
    .where(eq(t.hotspotEvents.hotspotId, id))
    .orderBy(asc(t.hotspotEvents.date), asc(t.hotspotEvents.id));
}

/** The hotspot locked for this transaction (one writer per hotspot), with its events. */
async function lockedHotspot(db: Db, id: number) {
  const [h] = await db.select().from(t.hotspots).where(eq(t.hotspots.id, id));
  if (!h) throw notFound({ vi: `Không có điểm #${id}`, en: `No hotspot #${id}` });
  await db.execute(sql`select id from hotspots where id = ${id} for update`);
  return { hotspot: h, events: await eventsOfHotspot(db, id) };
}

/** The new event must follow the lifecycle (detected → eliminated → re-formed…) and come after the latest one. */
function refuseOutOfLifecycle(
  events: { kind: string; date: string }[],
  e: { kind: HotspotEvent['kind']; date: string },
  id: number,
) {
  const problem = checkLifecycle([...events.map((x) => ({ kind: x.kind as HotspotEvent['kind'], date: x.date })), e]);
  if (!problem) return;
  const m = PROBLEMS[problem.problem];
  const where = `(#${id}, ${formatVnDate(e.date)})`;
  throw new HttpError(422, 'lifecycle', `${m.vi} ${where}`, `${m.en} ${where}`);
}

export async function addHotspotEvent(
  deps: RegistryDeps,
  s: Snapshot,
  actor: Actor,
  id: number,
  e: { kind: HotspotEvent['kind']; date: string; note: string },
  tx?: Db,
) {
  const p = actor.principal;
  if (e.date > actor.today)
    throw new HttpError(
      422,
      'future_date',
      'Ngày sự kiện không được sau hôm nay',
      'The event date cannot be after today',
    );
  const run = async (db: Db) => {
    const { hotspot: h, events } = await lockedHotspot(db, id);
    refuseOutOfLifecycle(events, { kind: e.kind, date: e.date }, id);
    const [created] = await db
      .insert(t.hotspotEvents)
      .values({ hotspotId: id, kind: e.kind, date: e.date, note: e.note, recordedAt: actor.now.toISOString() })
      .returning({ id: t.hotspotEvents.id });
    const flag =
      e.kind === 'reformed'
        ? await raiseFlagIfNeeded(db, s, actor, id, h.communeId, { kind: 'reformed', date: e.date })
        : null;
    await bumpRevision(db);
    const last = events.at(-1);
    await appendAudit(
      db,
      {
        actorId: p.userId,
        actorName: p.username,
        address: actor.address,
        action: 'hotspot_event',
        entityType: 'hotspot',
        entityId: String(id),
        before: last ? { kind: last.kind, date: last.date } : null,
        after: e,
      },
      actor.now,
    );
    return { id, eventId: created!.id, event: communeEvent(s, h.communeId, id, 'event'), flag };
  };
  return tx ? run(tx) : deps.db.transaction((inner) => run(inner));
}

export async function hotspotDetail(deps: RegistryDeps, s: Snapshot, id: number, date: string) {
  const [h] = await deps.db.select().from(t.hotspots).where(eq(t.hotspots.id, id));
  if (!h) throw notFound({ vi: `Không có điểm #${id}`, en: `No hotspot #${id}` });
  const events = await eventsOfHotspot(deps.db, id);
  const commune = s.units.get(h.communeId)!;
  return {
    id: h.id,
    location: [h.lng, h.lat] as [number, number],
    address: h.address,
    kind: h.kind,
    activities: h.activities,
    description: h.description,
    source: h.source,
    commune: { code: commune.code, name: commune.name, type: commune.type },
    status: hotspotStatusAt(
      events.map((x) => ({ kind: x.kind as HotspotEvent['kind'], date: x.date })),
      date,
    ),
    events: events.map((x) => ({ id: x.id, kind: x.kind, date: x.date, note: x.note })),
  };
}
