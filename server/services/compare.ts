// GET /api/compare: the meeting's two-date comparison. The communes whose status differs between the two days (on
// the later day's boundaries: a commune made of older ones compares with its parts' gravest status), the communes of
// each day's map to outline, and the six indicators on both days for one plan.
import { statusBetween, type StatusPair } from '../../geo/changes';
import type { Db } from '../db/client';
import * as t from '../db/schema';
import { resolveWithin } from './communes';
import { planOn, unitIndicators } from './indicators';
import type { Snapshot } from './snapshot';
import { communesWithin, unitWithParent, validOn } from './units';

export interface CompareQuery {
  a: string;
  b: string;
  planId?: string;
  within?: string;
}

/** Each unit to the units it became (the 2025 reform), read from the links the boundary import recorded. */
async function successorsOf(db: Db): Promise<Map<number, number[]>> {
  const out = new Map<number, number[]>();
  for (const l of await db.select({ oldId: t.unitLinks.oldId, newId: t.unitLinks.newId }).from(t.unitLinks))
    out.set(l.oldId, [...(out.get(l.oldId) ?? []), l.newId]);
  return out;
}

/** The units valid on `date` that `id` is or became, following links (a unit changed twice is followed twice). */
function onDate(s: Snapshot, successors: Map<number, number[]>, id: number, date: string): number[] {
  const found: number[] = [];
  const seen = new Set<number>();
  const stack = [id];
  while (stack.length) {
    const u = stack.pop()!;
    if (seen.has(u)) continue;
    seen.add(u);
    if (validOn(s.units.get(u)!, date)) found.push(u);
    else stack.push(...(successors.get(u) ?? []));
  }
  return found;
}

function changedCommunes(s: Snapshot, earlier: string, later: string, within?: string) {
  const changed = new Map<number, StatusPair>();
  for (const id of communesWithin(s, resolveWithin(s, within, later), later)) {
    const pair = statusBetween(s.histories.get(id) ?? [], earlier, later);
    if (pair) changed.set(id, pair);
  }
  return changed;
}

const byPlace = (a: ReturnType<typeof unitWithParent>, b: ReturnType<typeof unitWithParent>) =>
  (a.parent?.name ?? '').localeCompare(b.parent?.name ?? '', 'vi') || a.name.localeCompare(b.name, 'vi');

export async function compareDates(db: Db, s: Snapshot, q: CompareQuery) {
  const [earlier, later] = q.a <= q.b ? [q.a, q.b] : [q.b, q.a];
  const changed = changedCommunes(s, earlier, later, q.within);
  const successors = await successorsOf(db);
  const earlierChanged = [...communesWithin(s, resolveWithin(s, q.within, earlier), earlier)].filter((id) =>
    onDate(s, successors, id, later).some((u) => changed.has(u)),
  );
  const codes = (ids: Iterable<number>) => [...ids].map((id) => s.units.get(id)!.code).sort();
  const codesOn = { [earlier]: codes(earlierChanged), [later]: codes(changed.keys()) };
  const planId = q.planId ?? planOn(s, later)?.id;
  const report = (date: string) => unitIndicators(s, { planId, unitCode: q.within, date });
  const [ra, rb] = [report(q.a), report(q.b)];
  return {
    a: { asOf: q.a, changed: codesOn[q.a]! },
    b: { asOf: q.b, changed: codesOn[q.b]! },
    communes: [...changed].map(([id, pair]) => ({ ...unitWithParent(s, id), ...pair })).sort(byPlace),
    plan: rb.plan,
    indicators: rb.indicators.map((i) => ({ id: i.id, a: ra.indicators.find((x) => x.id === i.id)!, b: i })),
  };
}
