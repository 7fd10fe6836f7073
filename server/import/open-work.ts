// Work left open on communes a boundary change closes: a proposal for a status from the change date on can no
// longer be approved for a commune that no longer exists (it is rejected, saying why, to be proposed again for the
// new commune); an open relapse signal follows its hotspot to the new commune holding it.
import { and, eq, gte, inArray } from 'drizzle-orm';
import { formatVnDate } from '../../geo/dates';
import type { Db } from '../db/client';
import * as t from '../db/schema';

export interface OpenWorkSettled {
  proposalsClosed: number[];
  flagsMoved: number[];
}

export async function settleOpenWork(
  tx: Db,
  input: { closedIds: number[]; changeDate: string; hotspotCommunes: { hotspotId: number; communeId: number }[]; now: Date },
): Promise<OpenWorkSettled> {
  const { closedIds, changeDate } = input;
  if (!closedIds.length) return { proposalsClosed: [], flagsMoved: [] };
  const reason = `Xã đã được sắp xếp lại từ ngày ${formatVnDate(changeDate)}: hãy đề xuất lại cho xã mới / `
    + `The commune was reorganised from ${formatVnDate(changeDate)}: propose again for the new commune`;
  const closed = await tx.update(t.statusProposals)
    .set({ state: 'rejected', reason, decidedAt: input.now.toISOString() })
    .where(and(inArray(t.statusProposals.communeId, closedIds), eq(t.statusProposals.state, 'pending'), gte(t.statusProposals.effectiveDate, changeDate)))
    .returning({ id: t.statusProposals.id });

  const newCommuneOf = new Map(input.hotspotCommunes.map((h) => [h.hotspotId, h.communeId]));
  const open = await tx.select({ id: t.reviewFlags.id, hotspotId: t.reviewFlags.hotspotId }).from(t.reviewFlags)
    .where(and(inArray(t.reviewFlags.communeId, closedIds), eq(t.reviewFlags.state, 'open')));
  const moved: number[] = [];
  for (const f of open) {
    const communeId = newCommuneOf.get(f.hotspotId);
    if (communeId === undefined) continue;
    await tx.update(t.reviewFlags).set({ communeId }).where(eq(t.reviewFlags.id, f.id));
    moved.push(f.id);
  }
  return { proposalsClosed: closed.map((r) => r.id), flagsMoved: moved };
}
