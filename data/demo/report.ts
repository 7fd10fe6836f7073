// Plan indicators of a dataset per district and for the province (geo/indicators.ts), to check and tune the demo.
import * as turf from '@turf/turf';
import { computeIndicators, type IndicatorInput, type IndicatorReport, type PlanPeriod } from '../../geo/indicators';
import { effectiveHistory, type StatusRecord } from '../../geo/status';
import { unitDisplayName } from '../../geo/unit-names';
import type { Dataset } from '../format';

export interface UnitIndicators {
  code: string;
  label: string;
  report: IndicatorReport;
}

/** Commune id = position among the dataset's commune units; hotspots placed by point-in-polygon. */
export function indicatorInputs(data: Dataset): {
  base: Omit<IndicatorInput, 'selections' | 'within'>;
  communeIds: Map<string, number>;
} {
  const communes = data.units.filter((u) => u.code.length === 5);
  const communeIds = new Map(communes.map((u, i) => [u.code, i]));
  const idOfRef = new Map(data.statusChanges.map((s, i) => [s.ref, i + 1]));
  const records = new Map<number, StatusRecord[]>();
  data.statusChanges.forEach((s, i) => {
    const id = communeIds.get(s.communeCode)!;
    const r: StatusRecord = {
      id: i + 1,
      status: s.status,
      effectiveDate: s.effectiveDate,
      correctsId: s.correctsRef ? idOfRef.get(s.correctsRef)! : null,
    };
    records.set(id, [...(records.get(id) ?? []), r]);
  });
  const boxes = communes.map((u) => turf.bbox(u.geometry));
  const hotspots = data.hotspots.map((h) => {
    const communeId = communes.findIndex((u, i) => {
      const [w, s, e, n] = boxes[i]!;
      const [x, y] = h.location;
      return x >= w && x <= e && y >= s && y <= n && turf.booleanPointInPolygon(h.location, u.geometry);
    });
    return { communeId, events: h.events };
  });
  const histories = communes.map((_, id) => ({ id, history: effectiveHistory(records.get(id) ?? []) }));
  return { base: { communes: histories, hotspots }, communeIds };
}

/** Indicators of one plan at `asOf` for the province and each district. */
export function indicatorsByUnit(data: Dataset, planId: string, asOf: string): UnitIndicators[] {
  const plan = data.plans.find((p) => p.id === planId);
  if (!plan) throw new Error(`no plan ${planId}`);
  const { base, communeIds } = indicatorInputs(data);
  const selections = data.selections
    .filter((s) => s.planId === planId)
    .map((s) => ({ communeId: communeIds.get(s.communeCode)!, selectedOn: s.selectedOn }));
  const period: PlanPeriod = { start: plan.start, end: plan.end, targets: plan.targets };
  const units = data.units.filter((u) => u.code.length <= 3);
  return units.map((u) => {
    const within = new Set(
      data.units
        .filter((c) => c.code.length === 5 && (u.code.length === 2 || c.parentCode === u.code))
        .map((c) => communeIds.get(c.code)!),
    );
    return {
      code: u.code,
      label: unitDisplayName(u),
      report: computeIndicators({ ...base, selections, within }, period, asOf),
    };
  });
}
