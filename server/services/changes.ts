// GET /api/changes: what changed in a period, for the meeting: status changes grouped by the status reached (with
// their dates and legal bases), and hotspot events counted per commune (listed one by one for need-to-know roles).
import { inArray } from 'drizzle-orm';
import { CHANGE_GROUPS, GROUP_OF_STATUS, hotspotEventsIn, statusChangesIn, type ChangeGroup } from '../../geo/changes';
import type { HotspotEventCounts } from '../../geo/changes';
import type { CommuneStatus } from '../../geo/status';
import type { Db } from '../db/client';
import * as t from '../db/schema';
import { resolveWithin } from './communes';
import type { HotspotDetails } from './hotspot-details';
import type { Snapshot } from './snapshot';
import { communesWithin, unitWithParent } from './units';

export interface ChangesQuery {
  from: string;
  to: string;
  within?: string;
  withHotspots: boolean;
}

type Place = ReturnType<typeof unitWithParent>;

interface ChangeRow extends Place {
  previous: CommuneStatus | null;
  status: CommuneStatus;
  effectiveDate: string;
  legalBasis: string;
}

async function statusChanges(db: Db, s: Snapshot, communes: Set<number>, from: string, to: string) {
  const found = [...communes].flatMap((communeId) =>
    statusChangesIn(s.histories.get(communeId) ?? [], from, to).map((c) => ({ communeId, ...c })),
  );
  const ids = found.map((c) => c.step.id);
  const records = ids.length
    ? await db
        .select({ id: t.communeStatusChanges.id, legalBasis: t.communeStatusChanges.legalBasis })
        .from(t.communeStatusChanges)
        .where(inArray(t.communeStatusChanges.id, ids))
    : [];
  const legalBasis = new Map(records.map((r) => [r.id, r.legalBasis]));
  const groups = new Map<ChangeGroup, ChangeRow[]>(CHANGE_GROUPS.map((g) => [g, []]));
  found
    .sort((a, b) => a.step.effectiveDate.localeCompare(b.step.effectiveDate) || a.step.id - b.step.id)
    .forEach(({ communeId, step, previous }) =>
      groups.get(GROUP_OF_STATUS[step.status])!.push({
        ...unitWithParent(s, communeId),
        previous,
        status: step.status,
        effectiveDate: step.effectiveDate,
        legalBasis: legalBasis.get(step.id) ?? '',
      }),
    );
  return CHANGE_GROUPS.map((group) => ({ group, communes: groups.get(group)! }));
}

async function hotspotChanges(s: Snapshot, details: HotspotDetails, q: ChangesQuery, communes: Set<number>) {
  const total: HotspotEventCounts = { detected: 0, eliminated: 0, reformed: 0 };
  const byCommune = new Map<number, HotspotEventCounts>();
  const touched: { id: number; communeId: number; counts: HotspotEventCounts }[] = [];
  for (const h of s.hotspots) {
    if (!communes.has(h.communeId)) continue;
    const counts = hotspotEventsIn(h.events, q.from, q.to);
    if (!counts.detected && !counts.eliminated && !counts.reformed) continue;
    const c = byCommune.get(h.communeId) ?? { detected: 0, eliminated: 0, reformed: 0 };
    for (const k of ['detected', 'eliminated', 'reformed'] as const) {
      c[k] += counts[k];
      total[k] += counts[k];
    }
    byCommune.set(h.communeId, c);
    touched.push({ id: h.id, communeId: h.communeId, counts });
  }
  const index = q.withHotspots ? await details.index(s) : null;
  return {
    total,
    communes: [...byCommune]
      .map(([id, counts]) => ({ ...unitWithParent(s, id), ...counts }))
      .sort((a, b) => a.code.localeCompare(b.code)),
    list: index
      ? touched
          .sort((a, b) => a.id - b.id)
          .map((h) => ({
            id: h.id,
            address: index.details.get(h.id)?.address ?? '',
            commune: s.units.get(h.communeId)!.code,
            ...h.counts,
          }))
      : null,
  };
}

export async function changesBetween(db: Db, s: Snapshot, details: HotspotDetails, q: ChangesQuery) {
  const communes = communesWithin(s, resolveWithin(s, q.within, q.to), q.to);
  return {
    from: q.from,
    to: q.to,
    statusChanges: await statusChanges(db, s, communes, q.from, q.to),
    hotspots: await hotspotChanges(s, details, q, communes),
  };
}
