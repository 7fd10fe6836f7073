// GET /api/accountability (seed 004): the communes complex or relapsed without a break for longer than the plan
// allows, with how long, their hotspots since the run began, and the leaders in office meanwhile.
import { inArray } from 'drizzle-orm';
import { graveSince, overdue, termsDuring, type OfficialRole } from '../../geo/accountability';
import { hotspotEventsIn } from '../../geo/changes';
import { daysBetween } from '../../geo/dates';
import { hotspotStatusAt } from '../../geo/hotspots';
import { statusAt } from '../../geo/status';
import type { Db } from '../db/client';
import * as t from '../db/schema';
import { resolveWithin } from './communes';
import { choosePlan } from './indicators';
import type { Snapshot } from './snapshot';
import { communesWithin, unitWithParent } from './units';

async function officialsOf(db: Db, unitIds: number[]) {
  const rows = unitIds.length
    ? await db.select().from(t.unitOfficials).where(inArray(t.unitOfficials.unitId, unitIds))
    : [];
  const byUnit = new Map<number, { role: OfficialRole; name: string; from: string; to: string | null }[]>();
  for (const r of rows)
    byUnit.set(r.unitId, [
      ...(byUnit.get(r.unitId) ?? []),
      { role: r.role, name: r.name, from: r.fromDate, to: r.toDate },
    ]);
  return byUnit;
}

function hotspotsSince(s: Snapshot, communeId: number, since: string, date: string) {
  const mine = s.hotspots.filter((h) => h.communeId === communeId);
  const counts = { active: 0, detected: 0, eliminated: 0, reformed: 0 };
  for (const h of mine) {
    const c = hotspotEventsIn(h.events, since, date);
    counts.detected += c.detected;
    counts.eliminated += c.eliminated;
    counts.reformed += c.reformed;
    if (hotspotStatusAt(h.events, date) === 'active') counts.active++;
  }
  return counts;
}

export async function accountableCommunes(
  db: Db,
  s: Snapshot,
  q: { planId?: string; unitCode?: string; date: string },
) {
  const plan = choosePlan(s, q.planId, q.date);
  const months = plan.accountabilityMonths;
  const found: { id: number; since: string }[] = [];
  for (const id of communesWithin(s, resolveWithin(s, q.unitCode, q.date), q.date)) {
    const since = graveSince(s.histories.get(id) ?? [], q.date);
    if (since && overdue(since, months, q.date)) found.push({ id, since });
  }
  const officials = await officialsOf(
    db,
    found.map((f) => f.id),
  );
  const communes = found.map(({ id, since }) => ({
    ...unitWithParent(s, id),
    status: statusAt(s.histories.get(id)!, q.date)!.status,
    since,
    days: daysBetween(since, q.date),
    officials: termsDuring(officials.get(id) ?? [], since, q.date),
    hotspots: hotspotsSince(s, id, since, q.date),
  }));
  communes.sort(
    (a, b) =>
      (a.parent?.name ?? '').localeCompare(b.parent?.name ?? '', 'vi') ||
      b.days - a.days ||
      a.code.localeCompare(b.code),
  );
  return { asOf: q.date, plan: { id: plan.id, title: plan.title }, months, communes };
}
