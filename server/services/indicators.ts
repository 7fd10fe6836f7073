// Indicator reports for a plan and a unit subtree, computed in memory from the snapshot.
import { computeIndicators, type IndicatorReport } from '../../geo/indicators';
import { notFound } from '../http/errors';
import type { PlanRecord, Snapshot } from './snapshot';
import { communesWithin, findUnit } from './units';

/** The requested plan, else the one whose period holds the date, else the latest. */
export function choosePlan(s: Snapshot, planId: string | undefined, date: string): PlanRecord {
  if (planId !== undefined) {
    const plan = s.plans.find((p) => p.id === planId);
    if (!plan) throw notFound({ vi: `Không có kế hoạch ${planId}`, en: `No plan ${planId}` });
    return plan;
  }
  const plan = s.plans.find((p) => p.start <= date && date <= p.end) ?? s.plans[s.plans.length - 1];
  if (!plan) throw notFound({ vi: 'Chưa có kế hoạch nào', en: 'No plan defined yet' });
  return plan;
}

export interface UnitRef {
  code: string;
  name: string;
  type: string;
}

export interface IndicatorsResponse extends IndicatorReport {
  plan: { id: string; title: string; start: string; end: string };
  unit: UnitRef | null;
  asOf: string;
}

export function unitIndicators(s: Snapshot, query: { planId?: string; unitCode?: string; date: string }): IndicatorsResponse {
  const plan = choosePlan(s, query.planId, query.date);
  const unit = query.unitCode === undefined ? null : findUnit(s, query.unitCode, query.date);
  if (query.unitCode !== undefined && !unit) throw notFound({ vi: `Không có đơn vị ${query.unitCode}`, en: `No unit ${query.unitCode}` });
  const computeDate = query.date < plan.end ? query.date : plan.end;
  const within = communesWithin(s, unit?.id ?? null, computeDate);
  const report = computeIndicators(
    { communes: [...within].map((id) => ({ id, history: s.histories.get(id) ?? [] })), hotspots: s.hotspots, hotspotIndex: s.hotspotIndex, selections: s.selections.get(plan.id) ?? [], within },
    plan,
    query.date,
  );
  return {
    ...report,
    asOf: query.date,
    plan: { id: plan.id, title: plan.title, start: plan.start, end: plan.end },
    unit: unit && { code: unit.code, name: unit.name, type: unit.type },
  };
}
