// GET /api/reported: the plan's reported indicators for an area on a date (each at its latest ended period), with
// how complete the reporting is, and the same for each unit below (the districts of the province, the communes of
// a district): the dashboard's cards and drill-down beside the derived indicators.
import { periodAsOf, reportedFor } from '../../../geo/reported-aggregate';
import { dueDate, isLocked, periodRange, type ReportedIndicatorDef } from '../../../geo/reported';
import { notFound } from '../../http/errors';
import { choosePlan } from '../indicators';
import type { PlanRecord, Snapshot } from '../snapshot';
import { childrenOf, findUnit, validOn } from '../units';
import type { ReportedPlan } from './load';

/** Units of the subtree (its root included) that report at one of the levels, valid on the date. */
export function reportingUnits(s: Snapshot, rootId: number | null, levels: readonly string[], date: string): number[] {
  const out: number[] = [];
  const stack = rootId === null ? [...(s.children.get(null) ?? [])] : [rootId];
  while (stack.length) {
    const id = stack.pop()!;
    const unit = s.units.get(id)!;
    if (levels.includes(unit.level) && validOn(unit, date)) out.push(id);
    stack.push(...(s.children.get(id) ?? []));
  }
  return out;
}

/** The latest day until which an administrator reopened the period, or null. */
export function reopenedUntil(s: Snapshot, planId: string, def: ReportedIndicatorDef, key: string): string | null {
  return (
    s.reopenings
      .filter((r) => r.planId === planId && r.period === def.period && r.periodKey === key)
      .reduce<string | null>((d, r) => (d === null || r.until > d ? r.until : d), null) ?? null
  );
}

export function reportedPlanOf(s: Snapshot, planId: string): ReportedPlan {
  return s.reportedPlans.get(planId) ?? { calendar: { dueDays: 10, lockDays: 30 }, defs: [] };
}

/** The snapshot's entries by indicator code, built once per snapshot. */
const rowsByCode = new WeakMap<Snapshot['reportedRows'], Map<string, Snapshot['reportedRows']>>();
function rowsOf(s: Snapshot, code: string) {
  let byCode = rowsByCode.get(s.reportedRows);
  if (!byCode) {
    byCode = new Map();
    for (const r of s.reportedRows) {
      const list = byCode.get(r.code);
      if (list) list.push(r);
      else byCode.set(r.code, [r]);
    }
    rowsByCode.set(s.reportedRows, byCode);
  }
  return byCode.get(code) ?? [];
}

function indicatorsFor(s: Snapshot, plan: PlanRecord, rootId: number | null, date: string, today: string) {
  const { calendar, defs } = reportedPlanOf(s, plan.id);
  return defs.map((def) => {
    const key = periodAsOf(def, plan, date);
    const span = key === null ? null : periodRange(def.period, key);
    const units = span ? reportingUnits(s, rootId, def.levels, span.end) : [];
    return {
      code: def.code,
      name: def.name,
      measure: def.measure,
      period: def.period,
      target: def.target,
      ...reportedFor(def, key, units, rowsOf(s, def.code), calendar, today),
      start: span?.start ?? null,
      end: span?.end ?? null,
      due: key && dueDate(def.period, key, calendar),
      locked: key !== null && isLocked(def.period, key, calendar, today, reopenedUntil(s, plan.id, def, key)),
    };
  });
}

export function reportedReport(s: Snapshot, q: { planId?: string; unitCode?: string; date: string; today: string }) {
  const plan = choosePlan(s, q.planId, q.date);
  const unit = q.unitCode === undefined ? null : findUnit(s, q.unitCode, q.date);
  if (q.unitCode !== undefined && !unit)
    throw notFound({ vi: `Không có đơn vị ${q.unitCode}`, en: `No unit ${q.unitCode}` });
  const top = childrenOf(s, unit?.id ?? null, q.date);
  // Without a unit, the units below the single root (the districts of the province, or its communes after 2025).
  const below = unit === null && top.length === 1 ? childrenOf(s, top[0]!.id, q.date) : top;
  return {
    asOf: q.date,
    plan: { id: plan.id, title: plan.title, start: plan.start, end: plan.end },
    unit: unit && { code: unit.code, name: unit.name, type: unit.type },
    indicators: indicatorsFor(s, plan, unit?.id ?? null, q.date, q.today),
    children: below.map((u) => ({
      code: u.code,
      name: u.name,
      type: u.type,
      indicators: indicatorsFor(s, plan, u.id, q.date, q.today),
    })),
  };
}
