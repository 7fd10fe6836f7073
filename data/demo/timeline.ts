// Simulated commune status histories and transformation selections, month by month from 2021 to `until`,
// following the allowed transitions (PRODUCT.md) with rates set by district performance.
import { addDays, daysBetween, type IsoDate } from '../../geo/dates';
import { checkTransition, type CommuneStatus } from '../../geo/status';
import { SELECTION_ROUNDS, type SelectionRound } from './plans';
import type { Profiles } from './profiles';
import type { Random } from './random';

export interface StatusDraft {
  commune: number;
  status: CommuneStatus;
  date: IsoDate;
  initial: boolean;
}

export interface SelectionDraft {
  planId: string;
  commune: number;
  date: IsoDate;
  note: string;
}

export interface Timeline {
  statuses: StatusDraft[];
  selections: SelectionDraft[];
}

const MIN_GAP_DAYS = 90;
const MONTHS_BEFORE_TRANSFORMATION = 6;

interface CommuneState {
  status: CommuneStatus | null;
  since: IsoDate;
  initialDate: IsoDate | null;
  /** Earliest selection date under any plan. */
  selectedOn: IsoDate | null;
}

function monthDate(year: number, month: number, day: number): IsoDate {
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** First status date, or null for the few communes that never report (grey on the map). */
function initialDate(rng: Random): IsoDate | null {
  const r = rng.next();
  if (r < 0.05) return null;
  if (r < 0.11) return addDays('2021-06-01', rng.int(0, 570));
  return addDays('2021-01-05', rng.int(0, 80));
}

/** Yearly rates of leaving `status`, by destination. */
function rates(st: CommuneState, date: IsoDate, q: number, s: number): [CommuneStatus, number][] {
  const selectedLongEnough =
    st.selectedOn !== null && daysBetween(st.selectedOn, date) >= MONTHS_BEFORE_TRANSFORMATION * 30;
  switch (st.status) {
    case 'complex':
      return selectedLongEnough ? [['transformed', 0.2 + 0.8 * q]] : [['drug_free', (0.02 + 0.1 * q) * (1.2 - s)]];
    case 'transformed':
      return [
        ['relapsed', 0.02 + 0.25 * (1 - q)],
        ['drug_free', daysBetween(st.since, date) > 365 ? 0.04 + 0.2 * q : 0],
      ];
    case 'relapsed':
      return [
        ['transformed', 0.2 + 0.5 * q],
        ['complex', 0.1 + 0.25 * (1 - q)],
      ];
    case 'drug_free':
      return [['complex', (0.01 + 0.07 * (1 - q)) * (0.5 + s)]];
    default:
      return [];
  }
}

function drawTransition(st: CommuneState, date: IsoDate, q: number, s: number, rng: Random): CommuneStatus | null {
  let r = rng.next();
  for (const [to, yearly] of rates(st, date, q, s)) {
    const monthly = 1 - Math.exp(-yearly / 12);
    if (r < monthly) return to;
    r -= monthly;
  }
  return null;
}

export class TimelineBuilder {
  private readonly states: CommuneState[];
  private readonly out: Timeline = { statuses: [], selections: [] };

  constructor(
    private readonly profiles: Profiles,
    private readonly districtOf: readonly number[],
    private readonly until: IsoDate,
    private readonly rng: Random,
  ) {
    this.states = districtOf.map(() => ({
      status: null,
      since: '2021-01-01',
      initialDate: initialDate(rng),
      selectedOn: null,
    }));
  }

  build(): Timeline {
    for (let y = 2021; ; y++) {
      for (let m = 1; m <= 12; m++) {
        if (monthDate(y, m, 1) > this.until) return this.out;
        this.month(y, m);
      }
    }
  }

  private month(y: number, m: number): void {
    const first = monthDate(y, m, 1);
    const last = monthDate(y, m, 28);
    this.states.forEach((st, i) => {
      if (st.status === null && st.initialDate !== null && st.initialDate <= last) this.initial(i, st);
    });
    for (const round of SELECTION_ROUNDS)
      if (round.date >= first && round.date <= last && round.date <= this.until) this.select(round);
    this.states.forEach((st, i) => this.step(i, st, monthDate(y, m, this.rng.int(1, 28))));
  }

  private initial(i: number, st: CommuneState): void {
    const s = this.profiles.severity[i]!;
    st.status = this.rng.chance(0.15 + 0.7 * s) ? 'complex' : 'drug_free';
    st.since = st.initialDate!;
    this.out.statuses.push({ commune: i, status: st.status, date: st.since, initial: true });
  }

  private select(round: SelectionRound): void {
    const taken = new Set(this.out.selections.filter((s) => s.planId === round.planId).map((s) => s.commune));
    const ranked = this.states
      .map((st, i) => ({ st, i, score: this.profiles.severity[i]! + this.rng.range(0, 0.4) }))
      .filter(
        ({ st, i }) =>
          !taken.has(i) &&
          st.since <= round.date &&
          (st.status === 'complex' || (round.includeRelapsed && st.status === 'relapsed')),
      )
      .sort((a, b) => b.score - a.score || a.i - b.i);
    // Spread the round over the districts first, then fill up with the most severe remaining communes.
    const cap = Math.ceil(round.count / (Math.max(...this.districtOf) + 1)) + 1;
    const perDistrict = new Map<number, number>();
    const chosen: typeof ranked = [];
    for (const c of ranked) {
      const d = this.districtOf[c.i]!;
      if (chosen.length < round.count && (perDistrict.get(d) ?? 0) < cap) {
        chosen.push(c);
        perDistrict.set(d, (perDistrict.get(d) ?? 0) + 1);
      }
    }
    for (const c of ranked) if (chosen.length < round.count && !chosen.includes(c)) chosen.push(c);
    for (const { st, i } of chosen) {
      st.selectedOn ??= round.date;
      this.out.selections.push({ planId: round.planId, commune: i, date: round.date, note: round.note });
    }
  }

  private step(i: number, st: CommuneState, date: IsoDate): void {
    if (st.status === null || date > this.until || daysBetween(st.since, date) < MIN_GAP_DAYS) return;
    const q = this.profiles.quality[this.districtOf[i]!]!;
    const to = drawTransition(st, date, q, this.profiles.severity[i]!, this.rng);
    if (to === null) return;
    const selected = st.selectedOn !== null && st.selectedOn <= date;
    if (!checkTransition(st.status, to, selected).ok)
      throw new Error(`demo: simulated an invalid transition ${st.status} → ${to}`);
    [st.status, st.since] = [to, date];
    this.out.statuses.push({ commune: i, status: to, date, initial: false });
  }
}
