// Indicator reports for a plan and a unit subtree, computed in memory from the snapshot.
import { computedAt, computeIndicators, type IndicatorReport } from '../../geo/indicators';
import { notFound } from '../http/errors';
import type { PlanRecord, Snapshot } from './snapshot';
import { childrenOf, communesWithin, findUnit } from './units';

/** The requested plan, else the one whose period holds the date, else the latest: the web shows the answer
 *  (statuses carry the date's plan, indicator reports the plan they were computed for). */
export function choosePlan(s: Snapshot, planId: string | undefined, date: string): PlanRecord {
  if (planId !== undefined) {
    const plan = s.plans.find((p) => p.id === planId);
    if (!plan) throw notFound({ vi: `Không có kế hoạch ${planId}`, en: `No plan ${planId}` });
    return plan;
  }
  const plan = planOn(s, date);
  if (!plan) throw notFound({ vi: 'Chưa có kế hoạch nào', en: 'No plan defined yet' });
  return plan;
}

/** The plan whose period holds the date, else the latest; null when there is none. */
export function planOn(s: Snapshot, date: string): PlanRecord | null {
  return s.plans.find((p) => p.start <= date && date <= p.end) ?? s.plans[s.plans.length - 1] ?? null;
}

export interface UnitRef {
  code: string;
  name: string;
  type: string;
}

export interface IndicatorsResponse extends IndicatorReport {
  plan: { id: string; title: string; start: string; end: string };
  unit: UnitRef | null;
  /** The date asked (today when none was); computedAt is that date clamped to the plan's end. */
  asOf: string;
}

/** The plan, the unit and the engine's input for a query: what every indicator computation starts from. */
export function indicatorScope(s: Snapshot, query: { planId?: string; unitCode?: string; date: string }) {
  const plan = choosePlan(s, query.planId, query.date);
  const unit = query.unitCode === undefined ? null : findUnit(s, query.unitCode, query.date);
  if (query.unitCode !== undefined && !unit)
    throw notFound({ vi: `Không có đơn vị ${query.unitCode}`, en: `No unit ${query.unitCode}` });
  const within = communesWithin(s, unit?.id ?? null, computedAt(plan, query.date));
  const input = {
    communes: [...within].map((id) => ({ id, history: s.histories.get(id) ?? [] })),
    hotspots: s.hotspots,
    hotspotCounts: s.hotspotCounts,
    selections: s.selections.get(plan.id) ?? [],
    within,
  };
  return { plan, unit, input };
}

export function unitIndicators(
  s: Snapshot,
  query: { planId?: string; unitCode?: string; date: string },
): IndicatorsResponse {
  const { plan, unit, input } = indicatorScope(s, query);
  const report = computeIndicators(input, plan, query.date);
  return {
    ...report,
    asOf: query.date,
    plan: { id: plan.id, title: plan.title, start: plan.start, end: plan.end },
    unit: unit && { code: unit.code, name: unit.name, type: unit.type },
  };
}

/** Indicators for each child unit of `parentCode` (the top level when undefined), for ranking. */
export function childIndicators(s: Snapshot, query: { planId?: string; parentCode?: string; date: string }) {
  const parent = query.parentCode === undefined ? null : findUnit(s, query.parentCode, query.date);
  if (query.parentCode !== undefined && !parent)
    throw notFound({ vi: `Không có đơn vị ${query.parentCode}`, en: `No unit ${query.parentCode}` });
  const children = childrenOf(s, parent?.id ?? null, query.date);
  // Without a parent, rank the units below the single root (the districts of the province).
  const units = parent === null && children.length === 1 ? childrenOf(s, children[0]!.id, query.date) : children;
  const plan = choosePlan(s, query.planId, query.date);
  return {
    asOf: query.date,
    computedAt: computedAt(plan, query.date),
    plan: { id: plan.id, title: plan.title, legalRef: plan.legalRef, start: plan.start, end: plan.end },
    parent: parent && { code: parent.code, name: parent.name, type: parent.type },
    units: units.map((u) => ({
      code: u.code,
      name: u.name,
      type: u.type,
      indicators: unitIndicators(s, { ...query, unitCode: u.code }).indicators,
    })),
  };
}

/** One report per plan year end up to the date, and the date itself: the small yearly trend. */
export function indicatorTrend(s: Snapshot, query: { planId?: string; unitCode?: string; date: string }) {
  const plan = choosePlan(s, query.planId, query.date);
  const last = computedAt(plan, query.date);
  const dates: string[] = [];
  for (let y = Number(plan.start.slice(0, 4)); `${y}-12-31` < last; y++) dates.push(`${y}-12-31`);
  if (last >= plan.start) dates.push(last);
  return { points: dates.map((date) => ({ date, indicators: unitIndicators(s, { ...query, date }).indicators })) };
}
