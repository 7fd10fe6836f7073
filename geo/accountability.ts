// Accountability for areas that stay complex (seed 004, Vĩnh Phúc): how long a commune has been complex or relapsed
// without a break, whether that is longer than the plan allows, and which of its leaders held office meanwhile.
import { addYears, type IsoDate } from './dates';
import { lastStepIndex, type CommuneStatus, type StatusStep } from './status';

const GRAVE: ReadonlySet<CommuneStatus> = new Set(['complex', 'relapsed']);

/** The first day of the unbroken run of complex or relapsed statuses holding on `date`; null when it is neither. */
export function graveSince(history: readonly StatusStep[], date: IsoDate): IsoDate | null {
  let i = lastStepIndex(history, date);
  if (i < 0 || !GRAVE.has(history[i]!.status)) return null;
  while (i > 0 && GRAVE.has(history[i - 1]!.status)) i--;
  return history[i]!.effectiveDate;
}

/** Same day n months later (the month's last day when it is shorter). */
export function addMonths(date: IsoDate, months: number): IsoDate {
  const years = Math.floor(months / 12);
  const rest = months - years * 12;
  const shifted = addYears(date, years);
  if (rest === 0) return shifted;
  const [y, m, d] = [Number(shifted.slice(0, 4)), Number(shifted.slice(5, 7)) + rest, Number(shifted.slice(8, 10))];
  const [year, month] = m > 12 ? [y + 1, m - 12] : [y, m];
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${year}-${String(month).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}

/** Whether a run begun on `since` has lasted longer than `months` by `date`. */
export function overdue(since: IsoDate, months: number, date: IsoDate): boolean {
  return addMonths(since, months) <= date;
}

export const OFFICIAL_ROLES = ['party_secretary', 'chairman'] as const;
export type OfficialRole = (typeof OFFICIAL_ROLES)[number];

export interface Term {
  role: OfficialRole;
  name: string;
  from: IsoDate;
  /** The last day in office; null while in office. */
  to: IsoDate | null;
}

/** The terms overlapping [from, to], ordered by role then start. */
export function termsDuring<T extends Term>(terms: readonly T[], from: IsoDate, to: IsoDate): T[] {
  return terms
    .filter((t) => t.from <= to && (t.to === null || t.to >= from))
    .sort((a, b) => OFFICIAL_ROLES.indexOf(a.role) - OFFICIAL_ROLES.indexOf(b.role) || a.from.localeCompare(b.from));
}
