// Relapse signal: a hotspot detected or re-formed in a commune that is transformed or drug-free raises a review flag
// on that commune, until someone in charge of the area confirms it (the status needs a proposal) or dismisses it.
import { and, desc, eq } from 'drizzle-orm';
import { statusAt } from '../../geo/status';
import { can, inScope, type Principal } from '../auth/access';
import type { Db } from '../db/client';
import * as t from '../db/schema';
import { HttpError, notFound } from '../http/errors';
import { appendAudit } from './audit';
import type { LiveEvent } from './events';
import type { Actor } from './proposals';
import type { Snapshot } from './snapshot';

/** Statuses in which new drug activity contradicts the commune's standing. */
const WATCHED = new Set(['transformed', 'drug_free']);

/** Called inside the transaction that records a detection or a re-formation. */
export async function raiseFlagIfNeeded(
  tx: Db,
  s: Snapshot,
  actor: Actor,
  hotspotId: number,
  communeId: number,
  event: { kind: 'detected' | 'reformed'; date: string },
): Promise<LiveEvent | null> {
  const status = statusAt(s.histories.get(communeId) ?? [], event.date)?.status;
  if (!status || !WATCHED.has(status)) return null;
  const [flag] = await tx
    .insert(t.reviewFlags)
    .values({
      communeId,
      hotspotId,
      eventKind: event.kind,
      eventDate: event.date,
      communeStatus: status,
      raisedAt: actor.now.toISOString(),
    })
    .returning();
  await appendAudit(
    tx,
    {
      actorId: actor.principal.userId,
      actorName: actor.principal.username,
      address: actor.address,
      action: 'flag_raise',
      entityType: 'review_flag',
      entityId: String(flag!.id),
      after: { commune: s.units.get(communeId)!.code, hotspotId, event, communeStatus: status },
    },
    actor.now,
  );
  return { type: 'flag', communeId, commune: s.units.get(communeId)!.code, flagId: flag!.id, state: 'open' };
}

/** Open flags (and recent resolved ones on request) visible to the user: commune-level facts, no hotspot place. */
export async function listFlags(db: Db, s: Snapshot, p: Principal, state: 'open' | 'confirmed' | 'dismissed' = 'open') {
  const rows = await db
    .select()
    .from(t.reviewFlags)
    .where(eq(t.reviewFlags.state, state))
    .orderBy(desc(t.reviewFlags.id));
  return rows
    .filter((r) => inScope(s, p, r.communeId))
    .map((r) => {
      const u = s.units.get(r.communeId)!;
      return {
        id: r.id,
        commune: { code: u.code, name: u.name, type: u.type },
        communeStatus: r.communeStatus,
        eventKind: r.eventKind,
        eventDate: r.eventDate,
        raisedAt: new Date(r.raisedAt).toISOString(),
        state: r.state,
        note: r.note,
        // the hotspot itself only for those who may know it
        hotspotId: can(p, 'read_hotspot_details') ? r.hotspotId : null,
      };
    });
}

export async function resolveFlag(
  db: Db,
  s: Snapshot,
  actor: Actor,
  id: number,
  decision: 'confirmed' | 'dismissed',
  note: string,
): Promise<LiveEvent> {
  const p = actor.principal;
  return db.transaction(async (tx) => {
    const [flag] = await tx.select().from(t.reviewFlags).where(eq(t.reviewFlags.id, id));
    if (!flag || !inScope(s, p, flag.communeId))
      throw notFound({ vi: `Không có cảnh báo #${id}`, en: `No review flag #${id}` });
    const [updated] = await tx
      .update(t.reviewFlags)
      .set({ state: decision, resolvedBy: p.userId, resolvedAt: actor.now.toISOString(), note })
      .where(and(eq(t.reviewFlags.id, id), eq(t.reviewFlags.state, 'open')))
      .returning();
    if (!updated)
      throw new HttpError(
        409,
        'already_resolved',
        `Cảnh báo #${id} đã được xử lý`,
        `Review flag #${id} has already been resolved`,
      );
    await appendAudit(
      tx,
      {
        actorId: p.userId,
        actorName: p.username,
        address: actor.address,
        action: `flag_${decision === 'confirmed' ? 'confirm' : 'dismiss'}`,
        entityType: 'review_flag',
        entityId: String(id),
        before: { state: 'open' },
        after: { state: decision, note },
      },
      actor.now,
    );
    return {
      type: 'flag',
      communeId: flag.communeId,
      commune: s.units.get(flag.communeId)!.code,
      flagId: id,
      state: decision,
    };
  });
}
