// Crackdown operations: plan (name, period, area, targets, units), then results, whose eliminations become
// hotspot lifecycle events in the same transaction (all or nothing).
import { asc, desc, eq, inArray } from 'drizzle-orm';
import { hotspotStatusAt } from '../../geo/hotspots';
import type { OperationInput, ResultsInput } from '../contracts/operations';
import type { Db } from '../db/client';
import * as t from '../db/schema';
import { HttpError, notFound } from '../http/errors';
import { buildArea } from './area-builder';
import { appendAudit } from './audit';
import type { LiveEvent } from './events';
import { addHotspotEvent, type RegistryDeps } from './hotspot-registry';
import type { Actor } from './proposals';
import type { Snapshot } from './snapshot';

export async function createOperation(deps: RegistryDeps, s: Snapshot, actor: Actor, input: OperationInput) {
  const p = actor.principal;
  const known = new Set(s.hotspots.map((h) => h.id));
  const unknown = input.targetHotspotIds.filter((id) => !known.has(id));
  if (unknown.length)
    throw new HttpError(
      422,
      'unknown_hotspot',
      `Không có điểm: ${unknown.map((x) => `#${x}`).join(', ')}`,
      `Unknown hotspots: ${unknown.map((x) => `#${x}`).join(', ')}`,
    );
  // Built once, outside the transaction, and stored: detail pages and exports read it back instead of rebuilding it.
  const area = await buildArea(input.area);
  return deps.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(t.operations)
      .values({
        name: input.name,
        startDate: input.startDate,
        endDate: input.endDate,
        areaSpec: input.area,
        area,
        units: input.units,
        targetHotspotIds: [...new Set(input.targetHotspotIds)],
        note: input.note,
        createdBy: p.userId,
        createdAt: actor.now.toISOString(),
      })
      .returning({ id: t.operations.id });
    await appendAudit(
      tx,
      {
        actorId: p.userId,
        actorName: p.username,
        address: actor.address,
        action: 'operation_create',
        entityType: 'operation',
        entityId: String(row!.id),
        after: input,
      },
      actor.now,
    );
    return row!.id;
  });
}

export async function recordResults(
  deps: RegistryDeps,
  s: Snapshot,
  actor: Actor,
  id: number,
  input: ResultsInput,
): Promise<LiveEvent[]> {
  const p = actor.principal;
  return deps.db.transaction(async (tx) => {
    // Locked first (server/db/locks.ts): parallel submissions wait, and the later ones find the results recorded.
    const [op] = await tx.select().from(t.operations).where(eq(t.operations.id, id)).for('update');
    if (!op) throw notFound({ vi: `Không có đợt #${id}`, en: `No operation #${id}` });
    if (op.results)
      throw new HttpError(
        409,
        'results_recorded',
        'Kết quả của đợt này đã được ghi',
        'The results of this operation are already recorded',
      );
    const events: LiveEvent[] = [];
    for (const e of input.eliminated) {
      if (e.date < op.startDate || e.date > op.endDate)
        throw new HttpError(
          422,
          'outside_period',
          `Điểm #${e.hotspotId}: ngày triệt xóa ${e.date} nằm ngoài thời gian của đợt`,
          `Hotspot #${e.hotspotId}: elimination date ${e.date} is outside the operation's period`,
        );
      const note = [`Đợt cao điểm "${op.name}"`, e.note].filter(Boolean).join(' — ');
      const { event, eventId } = await addHotspotEvent(
        deps,
        s,
        actor,
        e.hotspotId,
        { kind: 'eliminated', date: e.date, note },
        tx,
      );
      await tx.insert(t.operationEliminations).values({ operationId: id, hotspotEventId: eventId });
      events.push(event);
    }
    const results = { arrested: input.arrested, cases: input.cases, seizures: input.seizures, note: input.note };
    await tx
      .update(t.operations)
      .set({ results, resultsRecordedAt: actor.now.toISOString() })
      .where(eq(t.operations.id, id));
    await appendAudit(
      tx,
      {
        actorId: p.userId,
        actorName: p.username,
        address: actor.address,
        action: 'operation_results',
        entityType: 'operation',
        entityId: String(id),
        after: input,
      },
      actor.now,
    );
    return events;
  });
}

export async function listOperations(db: Db) {
  const rows = await db.select().from(t.operations).orderBy(desc(t.operations.startDate), desc(t.operations.id));
  return rows.map((o) => ({
    id: o.id,
    name: o.name,
    startDate: o.startDate,
    endDate: o.endDate,
    area: o.area,
    units: o.units,
    targets: o.targetHotspotIds.length,
    done: o.results !== null,
  }));
}

export async function operationDetail(deps: RegistryDeps, s: Snapshot, id: number, date: string) {
  const [o] = await deps.db.select().from(t.operations).where(eq(t.operations.id, id));
  if (!o) throw notFound({ vi: `Không có đợt #${id}`, en: `No operation #${id}` });
  const details = await deps.details.get(s);
  const lifecycles = new Map(s.hotspots.map((h) => [h.id, h]));
  const elim = await deps.db
    .select({ hotspotId: t.hotspotEvents.hotspotId, date: t.hotspotEvents.date })
    .from(t.operationEliminations)
    .innerJoin(t.hotspotEvents, eq(t.hotspotEvents.id, t.operationEliminations.hotspotEventId))
    .where(eq(t.operationEliminations.operationId, id))
    .orderBy(asc(t.hotspotEvents.hotspotId));
  const ids = [...new Set([...o.targetHotspotIds, ...elim.map((e) => e.hotspotId)])];
  const events = ids.length
    ? await deps.db
        .select()
        .from(t.hotspotEvents)
        .where(inArray(t.hotspotEvents.hotspotId, ids))
        .orderBy(asc(t.hotspotEvents.date), asc(t.hotspotEvents.id))
    : [];
  const hotspots = ids.map((hid) => {
    const d = details.get(hid)!;
    const commune = s.units.get(d.communeId)!;
    return {
      id: hid,
      location: [d.lng, d.lat] as [number, number],
      address: d.address,
      kind: d.kind,
      activities: d.activities,
      commune: { code: commune.code, name: commune.name, type: commune.type },
      status: hotspotStatusAt(lifecycles.get(hid)?.events ?? [], date),
      target: o.targetHotspotIds.includes(hid),
      eliminatedHere: elim.find((e) => e.hotspotId === hid)?.date ?? null,
      history: events.filter((e) => e.hotspotId === hid).map((e) => ({ kind: e.kind, date: e.date, note: e.note })),
    };
  });
  return {
    id: o.id,
    name: o.name,
    startDate: o.startDate,
    endDate: o.endDate,
    areaSpec: o.areaSpec,
    area: o.area,
    units: o.units,
    note: o.note,
    results: o.results as Omit<ResultsInput, 'eliminated'> | null,
    resultsRecordedAt: o.resultsRecordedAt ? new Date(o.resultsRecordedAt).toISOString() : null,
    hotspots,
  };
}
