// What each indicator counts: per commune (and per hotspot for hotspot indicators), the share of the numerator and
// the denominator, so that a card can list what is behind its numbers. Sums equal the report's figures.
import { addYears, endOfYear, yearOf, type IsoDate } from './dates';
import { hotspotStatusAt, wasActiveDuring, type HotspotEvent } from './hotspots';
import {
  computedAt,
  type IndicatorCommune,
  type IndicatorId,
  type IndicatorSelection,
  transformationAt,
  type PlanPeriod,
} from './indicators';
import { statusAt } from './status';

export interface MemberCount {
  numerator: number;
  denominator: number;
}

export interface CommuneMember extends MemberCount {
  communeId: number;
  /** C1: 1 when the commune was drug-free a year earlier. */
  previous?: number;
}

export interface HotspotMember extends MemberCount {
  hotspotId: number;
  communeId: number;
}

export interface MembersInput {
  communes: readonly IndicatorCommune[];
  hotspots: readonly { id: number; communeId: number; events: readonly HotspotEvent[] }[];
  selections: readonly IndicatorSelection[];
  within: ReadonlySet<number>;
}

export interface IndicatorMembers {
  computedAt: IsoDate;
  /** Communes that add to the numerator or the denominator (or, for C1, to the year-earlier count). */
  communes: CommuneMember[];
  /** Hotspot indicators only: each hotspot that adds to either. */
  hotspots: HotspotMember[];
}

type HotspotRule = (events: readonly HotspotEvent[]) => MemberCount;

/** H1, H2, H3 for one hotspot, as hotspotIndicators counts them. */
function hotspotRule(id: 'H1' | 'H2' | 'H3', plan: PlanPeriod, date: IsoDate): HotspotRule {
  if (id === 'H1')
    return (events) => {
      const during = wasActiveDuring(events, plan.start, date);
      return { denominator: +during, numerator: +(during && hotspotStatusAt(events, date) !== 'active') };
    };
  if (id === 'H2') {
    // The year's change: active now minus active at the end of last year, over the latter.
    const before = endOfYear(yearOf(date) - 1);
    return (events) => {
      const was = +(hotspotStatusAt(events, before) === 'active');
      return { denominator: was, numerator: +(hotspotStatusAt(events, date) === 'active') - was };
    };
  }
  return (events) => ({
    denominator: 0,
    numerator: events.filter((e) => e.kind === 'reformed' && e.date >= plan.start && e.date <= date).length,
  });
}

function hotspotMembers(input: MembersInput, rule: HotspotRule) {
  const hotspots: HotspotMember[] = [];
  const byCommune = new Map<number, CommuneMember>();
  for (const h of input.hotspots) {
    if (!input.within.has(h.communeId)) continue;
    const count = rule(h.events);
    if (!count.numerator && !count.denominator) continue;
    hotspots.push({ hotspotId: h.id, communeId: h.communeId, ...count });
    const c = byCommune.get(h.communeId) ?? { communeId: h.communeId, numerator: 0, denominator: 0 };
    c.numerator += count.numerator;
    c.denominator += count.denominator;
    byCommune.set(h.communeId, c);
  }
  return { communes: [...byCommune.values()], hotspots };
}

/** T1 and T2: the selected communes, those transformed at least once, those holding at the date. */
function transformationMembers(input: MembersInput, id: 'T1' | 'T2', date: IsoDate): CommuneMember[] {
  const historyById = new Map(input.communes.map((c) => [c.id, c.history]));
  const seen = new Set<number>();
  const out: CommuneMember[] = [];
  for (const s of input.selections) {
    if (!input.within.has(s.communeId) || s.selectedOn > date || seen.has(s.communeId)) continue;
    seen.add(s.communeId);
    const { transformed, holding } = transformationAt(historyById.get(s.communeId) ?? [], date);
    const count =
      id === 'T1' ? { numerator: +transformed, denominator: 1 } : { numerator: +holding, denominator: +transformed };
    if (count.denominator) out.push({ communeId: s.communeId, ...count });
  }
  return out;
}

/** C1: communes with a status at the date, those drug-free, and those drug-free a year earlier. */
function drugFreeMembers(input: MembersInput, date: IsoDate): CommuneMember[] {
  const yearEarlier = addYears(date, -1);
  const out: CommuneMember[] = [];
  for (const c of input.communes) {
    if (!input.within.has(c.id)) continue;
    const now = statusAt(c.history, date);
    const previous = +(statusAt(c.history, yearEarlier)?.status === 'drug_free');
    if (!now && !previous) continue;
    out.push({ communeId: c.id, numerator: +(now?.status === 'drug_free'), denominator: +!!now, previous });
  }
  return out;
}

/** What indicator `id` counts as of `asOf` (clamped to the plan's end); nothing before the plan starts. */
export function indicatorMembers(
  input: MembersInput,
  plan: PlanPeriod,
  asOf: IsoDate,
  id: IndicatorId,
): IndicatorMembers {
  const date = computedAt(plan, asOf);
  if (date < plan.start || input.within.size === 0) return { computedAt: date, communes: [], hotspots: [] };
  if (id === 'H1' || id === 'H2' || id === 'H3')
    return { computedAt: date, ...hotspotMembers(input, hotspotRule(id, plan, date)) };
  const communes = id === 'C1' ? drugFreeMembers(input, date) : transformationMembers(input, id, date);
  return { computedAt: date, communes, hotspots: [] };
}
