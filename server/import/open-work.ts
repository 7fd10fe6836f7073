// Work left open on communes a boundary change closes. Their history is settled on the change date (the new communes
// start from the gravest status of their parts), so a pending proposal on a closed commune is rejected, saying why,
// to be proposed again for the new commune; an open relapse signal follows its hotspot to the new commune holding it.
import { and, eq, inArray } from 'drizzle-orm';
import { formatVnDate } from '../../geo/dates';
import type { Db } from '../db/client';
import * as t from '../db/schema';
import type { LiveEvent } from '../services/events';

export async function settleOpenWork(
  tx: Db,
  input: {
    closed: { id: number; code: string }[];
    changeDate: string;
    hotspotCommunes: { hotspotId: number; communeId: number }[];
    newCodes: Map<number, string>;
    now: Date;
  },
): Promise<LiveEvent[]> {
  const closedIds = input.closed.map((u) => u.id);
  if (!closedIds.length) return [];
  const codeOf = new Map(input.closed.map((u) => [u.id, u.code]));
  const reason =
    `Xã đã được sắp xếp lại từ ngày ${formatVnDate(input.changeDate)}, trạng thái ngày đó đã chuyển sang xã mới: hãy đề xuất lại cho xã mới / ` +
    `The commune was reorganised on ${formatVnDate(input.changeDate)} and its status carried to the new commune: propose again for the new commune`;
  const rejected = await tx
    .update(t.statusProposals)
    .set({ state: 'rejected', reason, decidedAt: input.now.toISOString() })
    .where(and(inArray(t.statusProposals.communeId, closedIds), eq(t.statusProposals.state, 'pending')))
    .returning({ id: t.statusProposals.id, communeId: t.statusProposals.communeId });
  const events: LiveEvent[] = rejected.map((r) => ({
    type: 'proposal',
    communeId: r.communeId,
    commune: codeOf.get(r.communeId)!,
    proposalId: r.id,
    state: 'rejected',
  }));

  const newCommuneOf = new Map(input.hotspotCommunes.map((h) => [h.hotspotId, h.communeId]));
  const open = await tx
    .select({ id: t.reviewFlags.id, hotspotId: t.reviewFlags.hotspotId })
    .from(t.reviewFlags)
    .where(and(inArray(t.reviewFlags.communeId, closedIds), eq(t.reviewFlags.state, 'open')));
  for (const f of open) {
    const communeId = newCommuneOf.get(f.hotspotId);
    if (communeId === undefined) continue;
    await tx.update(t.reviewFlags).set({ communeId }).where(eq(t.reviewFlags.id, f.id));
    events.push({ type: 'flag', communeId, commune: input.newCodes.get(communeId)!, flagId: f.id, state: 'open' });
  }
  return events;
}
