// A reported indicator for an area and a period: the approved figures of the units that report in it summed (a share
// is the sum of numerators over the sum of denominators), judged against the target, with how complete and timely
// the reporting is. Pure: the server passes the entries and the reporting units.
import type { IsoDate } from './dates';
import {
  dueDate,
  judgeReported,
  periodKeyOf,
  periodRange,
  previousPeriod,
  reportedValue,
  type ReportedIndicatorDef,
  type ReportedJudgement,
  type ReportingCalendar,
} from './reported';

/** An entry as the aggregate reads it: waiting or approved (rejected and replaced ones do not count). */
export interface ReportedRow {
  code: string;
  unitId: number;
  periodKey: string;
  numerator: number;
  denominator: number | null;
  state: 'pending' | 'approved';
  /** The day (in Việt Nam) the unit first sent figures for the period. */
  submittedOn: IsoDate;
}

export interface ReportingCompleteness {
  /** Units that report in the area. */
  expected: number;
  approved: number;
  pending: number;
  /** Units without figures although the due day has passed. */
  missing: number;
  /** Units that sent their figures after the due day. */
  sentLate: number;
  /** Units that sent them by the due day. */
  onTime: number;
}

export interface ReportedResult extends ReportedJudgement {
  periodKey: string | null;
  numerator: number | null;
  denominator: number | null;
  value: number | null;
  completeness: ReportingCompleteness | null;
}

/** The latest period ended on or before the date, within the plan; null before the plan's first period has ended. */
export function periodAsOf(
  def: Pick<ReportedIndicatorDef, 'period'>,
  plan: { start: IsoDate; end: IsoDate },
  date: IsoDate,
) {
  const day = date > plan.end ? plan.end : date;
  const holding = periodKeyOf(def.period, day);
  const key = periodRange(def.period, holding).end <= day ? holding : previousPeriod(def.period, holding);
  return periodRange(def.period, key).start < plan.start ? null : key;
}

/** Sums the approved figures of a period; null when no unit has approved figures. */
function sum(def: Pick<ReportedIndicatorDef, 'measure'>, rows: readonly ReportedRow[]) {
  const approved = rows.filter((r) => r.state === 'approved');
  if (!approved.length) return null;
  const numerator = approved.reduce((n, r) => n + r.numerator, 0);
  const denominator = def.measure === 'share' ? approved.reduce((n, r) => n + (r.denominator ?? 0), 0) : null;
  return { numerator, denominator, value: reportedValue(def.measure, { numerator, denominator }) };
}

function completeness(
  units: readonly number[],
  rows: readonly ReportedRow[],
  due: IsoDate,
  today: IsoDate,
): ReportingCompleteness {
  const byUnit = new Map<number, ReportedRow[]>();
  for (const r of rows) byUnit.set(r.unitId, [...(byUnit.get(r.unitId) ?? []), r]);
  const c: ReportingCompleteness = {
    expected: units.length,
    approved: 0,
    pending: 0,
    missing: 0,
    sentLate: 0,
    onTime: 0,
  };
  for (const u of units) {
    const entries = byUnit.get(u) ?? [];
    if (!entries.length) {
      if (today > due) c.missing++;
      continue;
    }
    if (entries.some((e) => e.state === 'approved')) c.approved++;
    else c.pending++;
    const first = entries.reduce((d, e) => (e.submittedOn < d ? e.submittedOn : d), entries[0]!.submittedOn);
    if (first > due) c.sentLate++;
    else c.onTime++;
  }
  return c;
}

/**
 * The indicator for the units `units` (those reporting in the area) at period `key`. `rows` are every entry of the
 * indicator's code (any period, any unit): growth compares with the area's earlier periods.
 */
export function reportedFor(
  def: ReportedIndicatorDef,
  key: string | null,
  units: readonly number[],
  rows: readonly ReportedRow[],
  cal: ReportingCalendar,
  today: IsoDate,
): ReportedResult {
  if (key === null)
    return {
      periodKey: null,
      numerator: null,
      denominator: null,
      value: null,
      completeness: null,
      bar: null,
      onTrack: null,
      base: null,
    };
  const inArea = new Set(units);
  const byPeriod = new Map<string, ReportedRow[]>();
  for (const r of rows) {
    if (r.code !== def.code || !inArea.has(r.unitId)) continue;
    const list = byPeriod.get(r.periodKey);
    if (list) list.push(r);
    else byPeriod.set(r.periodKey, [r]);
  }
  const now = sum(def, byPeriod.get(key) ?? []);
  // Only growth compares with earlier periods.
  const earlier =
    def.target.rule !== 'growth'
      ? []
      : [...byPeriod]
          .filter(([k]) => k < key)
          .flatMap(([k, rs]) => {
            const s = sum(def, rs);
            return s && s.value !== null ? [{ key: k, value: s.value }] : [];
          });
  return {
    periodKey: key,
    numerator: now?.numerator ?? null,
    denominator: now?.denominator ?? null,
    value: now?.value ?? null,
    ...judgeReported(def, key, now?.value ?? null, earlier),
    completeness: completeness(units, byPeriod.get(key) ?? [], dueDate(def.period, key, cal), today),
  };
}
