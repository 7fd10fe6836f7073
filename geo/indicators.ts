// Plan indicators H1, H2, H3, T1, T2, C1 exactly as PRODUCT.md defines them, in one in-memory pass.
import { addYears, daysBetween, endOfYear, minDate, yearOf, type IsoDate } from './dates';
import { activeCount, activeDuringCount, indexHotspots, reformedCount, type HotspotCounts } from './hotspot-counts';
import type { HotspotEvent } from './hotspots';
import { lastStepIndex, statusAt, type StatusStep } from './status';

export const INDICATOR_IDS = ['H1', 'H2', 'H3', 'T1', 'T2', 'C1'] as const;
export type IndicatorId = (typeof INDICATOR_IDS)[number];

/**
 * A target: the judged value must be `gte` / `lte` `value`. With `projection: 'linear'` the bar
 * rises linearly from 0 at plan start to `value` at plan end; 'yearly' does the same within each
 * calendar year; 'none' applies `value` at every date.
 */
export interface Target {
  op: 'gte' | 'lte';
  value: number;
  projection: 'linear' | 'yearly' | 'none';
}

export type PlanTargets = Partial<Record<IndicatorId, Target>>;

/** The defaults of PRODUCT.md (plan 3220/KH-UBND); every plan may override any of them. */
export const DEFAULT_TARGETS = {
  H1: { op: 'gte', value: 0.8, projection: 'linear' },
  H2: { op: 'lte', value: -0.05, projection: 'yearly' },
  H3: { op: 'lte', value: 0, projection: 'none' },
  T1: { op: 'gte', value: 0.6, projection: 'linear' },
  T2: { op: 'gte', value: 0.85, projection: 'none' },
  C1: { op: 'gte', value: 0, projection: 'none' },
} as const satisfies Required<PlanTargets>;

export interface PlanPeriod {
  start: IsoDate;
  end: IsoDate;
  targets: PlanTargets;
}

export interface IndicatorCommune {
  id: number;
  /** Effective status history (corrections applied), sorted by date. */
  history: readonly StatusStep[];
}

export interface IndicatorHotspot {
  communeId: number;
  /** Lifecycle events in order. */
  events: readonly HotspotEvent[];
}

export interface IndicatorSelection {
  communeId: number;
  selectedOn: IsoDate;
}

export interface IndicatorInput {
  communes: readonly IndicatorCommune[];
  hotspots: readonly IndicatorHotspot[];
  /** `indexHotspots(hotspots)`, built once by callers that compute many reports. */
  hotspotCounts?: HotspotCounts;
  /** Communes selected for transformation under this plan. */
  selections: readonly IndicatorSelection[];
  /** Which communes to count (a unit's subtree); communes outside it are ignored. */
  within: ReadonlySet<number>;
}

export interface YearPoint {
  year: number;
  /** Date the year's value is read at: 31/12, or the as-of date for the current year. */
  date: IsoDate;
  numerator: number;
  denominator: number;
  value: number | null;
}

export interface IndicatorResult {
  id: IndicatorId;
  numerator: number | null;
  denominator: number | null;
  /** Share (0..1), count or relative change; null means "no data". */
  value: number | null;
  /** What the target is compared with: `value`, or for C1 the change against a year earlier. */
  judged: number | null;
  target: Target | null;
  /** The bar at the as-of date after projection; null without target or data. */
  expected: number | null;
  onTrack: boolean | null;
  /** C1: the count one year earlier. */
  previous?: number | null;
  /** H2: one point per plan year up to the as-of date. */
  series?: YearPoint[];
}

export interface IndicatorReport {
  /** The date the indicators were computed at: the as-of date clamped to the plan's end (computedAt). */
  computedAt: IsoDate;
  started: boolean;
  indicators: IndicatorResult[];
}

function share(numerator: number, denominator: number): number | null {
  return denominator === 0 ? null : numerator / denominator;
}

/** Share of the plan period elapsed at `date`, 0..1. */
export function elapsedFraction(start: IsoDate, end: IsoDate, date: IsoDate): number {
  const total = daysBetween(start, end);
  if (total <= 0) return 1;
  return Math.min(1, Math.max(0, daysBetween(start, date) / total));
}

function yearFraction(date: IsoDate): number {
  const y = yearOf(date);
  return elapsedFraction(`${y - 1}-12-31`, endOfYear(y), date);
}

function judge(
  id: IndicatorId,
  plan: PlanPeriod,
  date: IsoDate,
  judged: number | null,
): Pick<IndicatorResult, 'target' | 'expected' | 'onTrack'> {
  const target = plan.targets[id] ?? null;
  if (!target || judged === null) return { target, expected: null, onTrack: null };
  const fraction =
    target.projection === 'linear'
      ? elapsedFraction(plan.start, plan.end, date)
      : target.projection === 'yearly'
        ? yearFraction(date)
        : 1;
  const expected = target.value * fraction;
  const onTrack = target.op === 'gte' ? judged >= expected - 1e-12 : judged <= expected + 1e-12;
  return { target, expected, onTrack };
}

function result(
  id: IndicatorId,
  plan: PlanPeriod,
  date: IsoDate,
  numerator: number | null,
  denominator: number | null,
  value: number | null,
  extra: Partial<IndicatorResult> = {},
): IndicatorResult {
  const judged = extra.judged !== undefined ? extra.judged : value;
  return { id, numerator, denominator, value, judged, ...judge(id, plan, date, judged), ...extra };
}

function hotspotIndicators(input: IndicatorInput, plan: PlanPeriod, date: IsoDate): IndicatorResult[] {
  const index = input.hotspotCounts ?? indexHotspots(input.hotspots);
  const years: IsoDate[] = [];
  for (let y = yearOf(plan.start); y <= yearOf(date); y++) years.push(minDate(endOfYear(y), date));
  const checkpoints = [endOfYear(yearOf(plan.start) - 1), ...years];
  const activeAt = new Array<number>(checkpoints.length).fill(0);
  let activeDuring = 0;
  let reformed = 0;
  for (const communeId of input.within) {
    activeDuring += activeDuringCount(index, communeId, plan.start, date);
    reformed += reformedCount(index, communeId, plan.start, date);
    checkpoints.forEach((d, i) => (activeAt[i]! += activeCount(index, communeId, d)));
  }
  // A hotspot active at D was active during [start, D]; every other one counted there is eliminated at D.
  const eliminatedOfThose = activeDuring - activeAt[activeAt.length - 1]!;
  const series: YearPoint[] = years.map((d, i) => {
    const before = activeAt[i]!;
    const after = activeAt[i + 1]!;
    return {
      year: yearOf(d),
      date: d,
      numerator: after - before,
      denominator: before,
      value: share(after - before, before),
    };
  });
  const current = series[series.length - 1];
  return [
    result('H1', plan, date, eliminatedOfThose, activeDuring, share(eliminatedOfThose, activeDuring)),
    result('H2', plan, date, current?.numerator ?? null, current?.denominator ?? null, current?.value ?? null, {
      series,
    }),
    result('H3', plan, date, reformed, null, reformed),
  ];
}

/** T1 and T2 for one selected commune: reached `transformed` on or before the date; and, if so, neither relapsed nor
 *  complex at the date. */
export function transformationAt(
  history: readonly StatusStep[],
  date: IsoDate,
): { transformed: boolean; holding: boolean } {
  const upTo = lastStepIndex(history, date);
  let transformed = false;
  for (let i = 0; i <= upTo; i++) if (history[i]!.status === 'transformed') transformed = true;
  const now = upTo >= 0 ? history[upTo]!.status : null;
  return { transformed, holding: transformed && now !== 'relapsed' && now !== 'complex' };
}

function transformationIndicators(input: IndicatorInput, plan: PlanPeriod, date: IsoDate): IndicatorResult[] {
  const historyById = new Map(input.communes.map((c) => [c.id, c.history]));
  let selected = 0;
  let transformed = 0;
  let holding = 0;
  const seen = new Set<number>();
  for (const s of input.selections) {
    if (!input.within.has(s.communeId) || s.selectedOn > date || seen.has(s.communeId)) continue;
    seen.add(s.communeId);
    selected++;
    const t = transformationAt(historyById.get(s.communeId) ?? [], date);
    if (!t.transformed) continue;
    transformed++;
    if (t.holding) holding++;
  }
  return [
    result('T1', plan, date, transformed, selected, share(transformed, selected)),
    result('T2', plan, date, holding, transformed, share(holding, transformed)),
  ];
}

function drugFreeCount(input: IndicatorInput, date: IsoDate): { count: number; known: number } {
  let count = 0;
  let known = 0;
  for (const c of input.communes) {
    if (!input.within.has(c.id)) continue;
    const step = statusAt(c.history, date);
    if (!step) continue;
    known++;
    if (step.status === 'drug_free') count++;
  }
  return { count, known };
}

function communeIndicator(input: IndicatorInput, plan: PlanPeriod, date: IsoDate): IndicatorResult {
  const now = drugFreeCount(input, date);
  const before = drugFreeCount(input, addYears(date, -1));
  const value = now.known === 0 ? null : now.count;
  const previous = before.known === 0 ? null : before.count;
  const change = value === null || previous === null ? null : value - previous;
  return result('C1', plan, date, now.count, now.known, value, { previous, judged: change });
}

function noData(id: IndicatorId, plan: PlanPeriod): IndicatorResult {
  return {
    id,
    numerator: null,
    denominator: null,
    value: null,
    judged: null,
    target: plan.targets[id] ?? null,
    expected: null,
    onTrack: null,
  };
}

/** The one clamp: a plan's figures stop at its end, whatever later date is asked. */
export function computedAt(plan: PlanPeriod, asOf: IsoDate): IsoDate {
  return minDate(asOf, plan.end);
}

/**
 * All indicators as of `asOf`, clamped to the plan's end. Before the plan starts, or for a unit
 * with no communes, everything is "no data".
 */
export function computeIndicators(input: IndicatorInput, plan: PlanPeriod, asOf: IsoDate): IndicatorReport {
  const date = computedAt(plan, asOf);
  if (date < plan.start || input.within.size === 0) {
    return { computedAt: date, started: false, indicators: INDICATOR_IDS.map((id) => noData(id, plan)) };
  }
  const byId = new Map<IndicatorId, IndicatorResult>();
  for (const r of [...hotspotIndicators(input, plan, date), ...transformationIndicators(input, plan, date)])
    byId.set(r.id, r);
  byId.set('C1', communeIndicator(input, plan, date));
  return { computedAt: date, started: true, indicators: INDICATOR_IDS.map((id) => byId.get(id)!) };
}
