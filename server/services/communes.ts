// Commune reads: statuses as of a date, and one commune's detail with its full recorded history.
import { asc, eq } from 'drizzle-orm';
import { hotspotStatusAt } from '../../geo/hotspots';
import { statusAt, type CommuneStatus } from '../../geo/status';
import type { CommuneDetail, StatusesResponse, StatusRecordDto } from '../contracts/api';
import type { Db } from '../db/client';
import * as t from '../db/schema';
import { notFound } from '../http/errors';
import type { Snapshot } from './snapshot';
import { can, inScope, type Principal } from '../auth/access';
import { listProposals } from './proposals';
import { ancestors, communesWithin, findUnit, parentCode } from './units';

export function resolveWithin(s: Snapshot, code: string | undefined, date: string): number | null {
  if (code === undefined) return null;
  const unit = findUnit(s, code, date);
  if (!unit) throw notFound({ vi: `Không có đơn vị ${code}`, en: `No unit ${code}` });
  return unit.id;
}

export function communeStatuses(
  s: Snapshot,
  date: string,
  within?: string,
): Pick<StatusesResponse, 'asOf' | 'statuses'> {
  const statuses: StatusesResponse['statuses'] = {};
  for (const id of communesWithin(s, resolveWithin(s, within, date), date)) {
    const step = statusAt(s.histories.get(id) ?? [], date);
    statuses[s.units.get(id)!.code] = step && { status: step.status, since: step.effectiveDate };
  }
  return { asOf: date, statuses };
}

async function recordedHistory(db: Db, communeId: number): Promise<StatusRecordDto[]> {
  const rows = await db
    .select()
    .from(t.communeStatusChanges)
    .where(eq(t.communeStatusChanges.communeId, communeId))
    .orderBy(asc(t.communeStatusChanges.effectiveDate), asc(t.communeStatusChanges.id));
  const corrected = new Set(rows.map((r) => r.correctsId).filter((id) => id !== null));
  return rows.map((r) => ({
    id: r.id,
    status: r.status as CommuneStatus,
    effectiveDate: r.effectiveDate,
    legalBasis: r.legalBasis,
    note: r.note,
    author: r.authorName,
    recordedAt: new Date(r.recordedAt).toISOString(),
    correctsId: r.correctsId,
    corrected: corrected.has(r.id),
  }));
}

/** The commune as the signed-in user sees it: its proposal waiting (for those who read proposals) and whether they
 *  may propose a change (role and area). */
export async function communeDetailFor(
  db: Db,
  s: Snapshot,
  p: Principal,
  code: string,
  date: string,
): Promise<CommuneDetail> {
  const detail = await communeDetail(db, s, code, date);
  if (can(p, 'read_proposals')) {
    const [pending] = await listProposals(db, s, p, { state: 'pending', commune: code, limit: 1 }, date);
    detail.pendingProposalId = pending?.id ?? null;
  }
  const unit = findUnit(s, code, date)!;
  detail.canPropose = can(p, 'propose') && inScope(s, p, unit.id);
  return detail;
}

async function communeDetail(db: Db, s: Snapshot, code: string, date: string): Promise<CommuneDetail> {
  const unit = findUnit(s, code, date);
  if (!unit || unit.level !== 'commune') throw notFound({ vi: `Không có xã ${code}`, en: `No commune ${code}` });
  const steps = s.histories.get(unit.id) ?? [];
  const step = statusAt(steps, date);
  const history = await recordedHistory(db, unit.id);
  const counts = { active: 0, eliminated: 0, total: 0 };
  for (const h of s.hotspots) {
    if (h.communeId !== unit.id) continue;
    const status = hotspotStatusAt(h.events, date);
    if (status) counts[status]++;
    if (status) counts.total++;
  }
  const selections = [...s.selections.entries()].flatMap(([planId, list]) =>
    list.filter((x) => x.communeId === unit.id).map((x) => ({ planId, selectedOn: x.selectedOn })),
  );
  const former = await db.select().from(t.unitLinks).where(eq(t.unitLinks.newId, unit.id));
  const later = await db.select().from(t.unitLinks).where(eq(t.unitLinks.oldId, unit.id));
  const named = (id: number) => {
    const u = s.units.get(id)!;
    return { code: u.code, name: u.name, type: u.type };
  };
  const formerUnits = await Promise.all(
    former.map(async (l) => ({
      ...named(l.oldId),
      kind: l.kind as 'full' | 'partial',
      until: l.date,
      history: await recordedHistory(db, l.oldId),
    })),
  );
  return {
    formerUnits,
    laterUnits: later.map((l) => ({ ...named(l.newId), kind: l.kind as 'full' | 'partial', from: l.date })),
    code: unit.code,
    name: unit.name,
    type: unit.type,
    parentCode: parentCode(s, unit),
    parents: ancestors(s, unit).map((u) => ({ code: u.code, name: u.name, type: u.type })),
    asOf: date,
    status: step && { status: step.status, since: step.effectiveDate },
    legalBasis: step ? (history.find((h) => h.id === step.id)?.legalBasis ?? null) : null,
    history,
    baseChangeId: steps.length ? steps[steps.length - 1]!.id : null,
    pendingProposalId: null,
    canPropose: false,
    hotspots: counts,
    selections,
  };
}
