// Reported indicators: the plan's numbers that come from units' periodic reports, not from hotspot or status records
// (drug crimes detected +5% a year, over 90% of drug cases tried, 80% of registered users reached by treatment, 100%
// of communes, schools and industrial parks reached by communication). Pure rules: periods and their keys, when a
// period is due and locked, what an entry may hold, how a value is judged against its target.
import { addDays, type IsoDate, type Period } from './dates';
import type { UnitLevel } from './units';

export const REPORTED_MEASURES = ['count', 'share'] as const;
export const REPORT_PERIODS = ['month', 'quarter', 'year'] as const satisfies readonly Period[];
/** An entry waits for approval, counts once approved, is refused, or was replaced by a later approved one. */
export const REPORTED_STATES = ['pending', 'approved', 'rejected', 'replaced'] as const;
export type ReportedState = (typeof REPORTED_STATES)[number];
export type ReportedMeasure = (typeof REPORTED_MEASURES)[number];

/**
 * How a reported value is judged: `growth` — a count at least (1 + value) times the previous period's (compounded
 * over periods without a report: two years after the last reported one, (1 + value)²); `gte` / `gt` — a share at
 * least / more than value.
 */
export type ReportedTarget = { rule: 'growth'; value: number } | { rule: 'gte' | 'gt'; value: number };

export interface ReportedIndicatorDef {
  code: string;
  name: { vi: string; en: string };
  measure: ReportedMeasure;
  period: Period;
  /** The levels of the units that report (the province, districts before the 2025 reform, communes). */
  levels: UnitLevel[];
  target: ReportedTarget;
}

// ---------------------------------------------------------------------------------------------------------------
// Periods, named by keys that sort as they follow each other: '2026' (year), '2026-Q1' (quarter), '2026-03' (month).

const KEY = { year: /^(\d{4})$/, quarter: /^(\d{4})-Q([1-4])$/, month: /^(\d{4})-(0[1-9]|1[0-2])$/ } as const;

/** The kind of period a key names. */
export function periodOfKey(key: string): Period {
  return key.includes('Q') ? 'quarter' : key.length === 4 ? 'year' : 'month';
}

/** A key of each kind, as forms and refusals show it. */
export const PERIOD_EXAMPLE: Readonly<Record<Period, string>> = { year: '2026', quarter: '2026-Q1', month: '2026-03' };

export function isPeriodKey(period: Period, key: string): boolean {
  return KEY[period].test(key);
}

/** The key of the period holding the date. */
export function periodKeyOf(period: Period, date: IsoDate): string {
  const [year, month] = [date.slice(0, 4), Number(date.slice(5, 7))];
  if (period === 'year') return year;
  if (period === 'quarter') return `${year}-Q${Math.ceil(month / 3)}`;
  return date.slice(0, 7);
}

/** First and last day of a period. */
export function periodRange(period: Period, key: string): { start: IsoDate; end: IsoDate } {
  const year = Number(key.slice(0, 4));
  const [firstMonth, months] =
    period === 'year'
      ? [1, 12]
      : period === 'quarter'
        ? [(Number(key.slice(6)) - 1) * 3 + 1, 3]
        : [Number(key.slice(5)), 1];
  const start = `${year}-${String(firstMonth).padStart(2, '0')}-01`;
  const next =
    firstMonth + months > 12 ? `${year + 1}-01-01` : `${year}-${String(firstMonth + months).padStart(2, '0')}-01`;
  return { start, end: addDays(next, -1) };
}

/** The period before (and n before with `steps`). */
export function previousPeriod(period: Period, key: string, steps = 1): string {
  const { start } = periodRange(period, key);
  let date = start;
  for (let i = 0; i < steps; i++) date = addDays(periodRange(period, periodKeyOf(period, date)).start, -1);
  return periodKeyOf(period, date);
}

/** Every period overlapping [from, to], in order. */
export function periodsBetween(period: Period, from: IsoDate, to: IsoDate): string[] {
  const keys: string[] = [];
  for (let date = from; date <= to; date = addDays(periodRange(period, periodKeyOf(period, date)).end, 1))
    keys.push(periodKeyOf(period, date));
  return keys;
}

/** The reporting calendar of a plan: a report is due `dueDays` after its period ends; it locks `lockDays` after. */
export interface ReportingCalendar {
  dueDays: number;
  lockDays: number;
}

export function dueDate(period: Period, key: string, cal: ReportingCalendar): IsoDate {
  return addDays(periodRange(period, key).end, cal.dueDays);
}

/** The first day on which entries for the period are refused (unless an administrator reopened it until a later day). */
export function lockDate(period: Period, key: string, cal: ReportingCalendar): IsoDate {
  return addDays(periodRange(period, key).end, cal.lockDays + 1);
}

export function isLocked(
  period: Period,
  key: string,
  cal: ReportingCalendar,
  today: IsoDate,
  reopenedUntil: IsoDate | null = null,
): boolean {
  if (reopenedUntil !== null && today <= reopenedUntil) return false;
  return today >= lockDate(period, key, cal);
}

// ---------------------------------------------------------------------------------------------------------------
// Entries and judgement.

export interface ReportedEntry {
  numerator: number;
  /** The whole a share is of (people under management, communes…); null for a count. */
  denominator: number | null;
  note: string;
}

export interface EntryProblem {
  path: 'numerator' | 'denominator' | 'note';
  vi: string;
  en: string;
}

/** The value an entry gives: the share for a share, the count for a count; null when a share has no whole. */
export function reportedValue(measure: ReportedMeasure, e: Pick<ReportedEntry, 'numerator' | 'denominator'>) {
  if (measure === 'count') return e.numerator;
  return e.denominator ? e.numerator / e.denominator : null;
}

/** A change of more than this from the previous period asks for a note confirming it. */
export const JUMP_LIMIT = 0.5;

function isJump(value: number, previous: number): boolean {
  return previous === 0 ? value !== 0 : Math.abs(value - previous) / previous > JUMP_LIMIT;
}

const whole = (n: number) => Number.isInteger(n) && n >= 0;

/** What is wrong with an entry, field by field, in both languages (an empty list when it may be recorded). */
export function entryProblems(measure: ReportedMeasure, e: ReportedEntry, previous: number | null): EntryProblem[] {
  const out: EntryProblem[] = [];
  if (!whole(e.numerator))
    out.push({ path: 'numerator', vi: 'Phải là số nguyên không âm', en: 'Must be a whole number, not negative' });
  if (measure === 'count' && e.denominator !== null)
    out.push({ path: 'denominator', vi: 'Chỉ tiêu đếm số lượng không có mẫu số', en: 'A count has no denominator' });
  if (measure === 'share') {
    if (e.denominator === null || !whole(e.denominator) || e.denominator === 0)
      out.push({ path: 'denominator', vi: 'Phải là số nguyên dương', en: 'Must be a whole number above zero' });
    else if (e.numerator > e.denominator)
      out.push({
        path: 'numerator',
        vi: 'Tử số lớn hơn mẫu số: tỷ lệ không thể quá 100%',
        en: 'Numerator above the denominator: a share cannot exceed 100%',
      });
  }
  const value = out.length ? null : reportedValue(measure, e);
  if (value !== null && previous !== null && isJump(value, previous) && e.note.trim() === '')
    out.push({
      path: 'note',
      vi: 'Thay đổi hơn 50% so với kỳ trước: ghi chú lý do để xác nhận số liệu',
      en: 'More than 50% off the previous period: add a note to confirm the figure',
    });
  return out;
}

export interface ReportedJudgement {
  /** The bar the value is held to: the share asked, or the count the growth rule asks. */
  bar: number | null;
  onTrack: boolean | null;
  /** For growth: the period compared with (the latest earlier one with a value) and its value. */
  base: { key: string; value: number } | null;
}

/**
 * Judges a value against its target. `earlier` holds the unit's values of earlier periods (any order, missing
 * periods absent): growth compares with the latest of them, compounded once per period since.
 */
export function judgeReported(
  def: Pick<ReportedIndicatorDef, 'period' | 'target'>,
  key: string,
  value: number | null,
  earlier: readonly { key: string; value: number }[],
): ReportedJudgement {
  const t = def.target;
  if (t.rule !== 'growth')
    return {
      bar: t.value,
      onTrack: value === null ? null : t.rule === 'gte' ? value >= t.value : value > t.value,
      base: null,
    };
  const base = [...earlier].filter((e) => e.key < key).sort((a, b) => b.key.localeCompare(a.key))[0] ?? null;
  if (!base) return { bar: null, onTrack: null, base: null };
  let steps = 0;
  for (let k = key; k > base.key; k = previousPeriod(def.period, k)) steps++;
  const bar = base.value * (1 + t.value) ** steps;
  return { bar, onTrack: value === null ? null : value >= bar - 1e-9, base };
}
