// Per-commune sorted event dates, so hotspot indicators cost a few binary searches per commune, not a pass over every hotspot.
import { addDays, type IsoDate } from './dates';
import { hotspotStatusAt, type HotspotEvent } from './hotspots';

export interface IndexedHotspot {
  communeId: number;
  events: readonly HotspotEvent[];
}

interface CommuneHotspots {
  /** Dates a hotspot became active (detected or re-formed), sorted. */
  starts: IsoDate[];
  /** Elimination dates, sorted. */
  ends: IsoDate[];
  reformed: IsoDate[];
  lifecycles: (readonly HotspotEvent[])[];
  /** Per period start: sorted first dates at which each hotspot counts as "active during [start, ·]". */
  firstActive: Map<IsoDate, IsoDate[]>;
}

export interface HotspotCounts {
  byCommune: Map<number, CommuneHotspots>;
}

/** Number of sorted dates ≤ `date`. */
function countUpTo(sorted: readonly IsoDate[], date: IsoDate): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid]! <= date) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export function indexHotspots(hotspots: readonly IndexedHotspot[]): HotspotCounts {
  const byCommune = new Map<number, CommuneHotspots>();
  for (const h of hotspots) {
    let c = byCommune.get(h.communeId);
    if (!c)
      byCommune.set(h.communeId, (c = { starts: [], ends: [], reformed: [], lifecycles: [], firstActive: new Map() }));
    c.lifecycles.push(h.events);
    for (const e of h.events) {
      if (e.kind === 'eliminated') c.ends.push(e.date);
      else c.starts.push(e.date);
      if (e.kind === 'reformed') c.reformed.push(e.date);
    }
  }
  for (const c of byCommune.values()) [c.starts, c.ends, c.reformed].forEach((a) => a.sort());
  return { byCommune };
}

/** Hotspots of the commune active at the end of `date` (lifecycles alternate, so starts − ends). */
export function activeCount(index: HotspotCounts, communeId: number, date: IsoDate): number {
  const c = index.byCommune.get(communeId);
  return c ? countUpTo(c.starts, date) - countUpTo(c.ends, date) : 0;
}

export function reformedCount(index: HotspotCounts, communeId: number, from: IsoDate, to: IsoDate): number {
  const c = index.byCommune.get(communeId);
  return c ? countUpTo(c.reformed, to) - countUpTo(c.reformed, addDays(from, -1)) : 0;
}

/** First day d ≥ start such that the hotspot was active at some moment of [start, d]; null if never. */
function firstActiveDate(events: readonly HotspotEvent[], start: IsoDate): IsoDate | null {
  if (hotspotStatusAt(events, addDays(start, -1)) === 'active') return start;
  return events.find((e) => e.date >= start && e.kind !== 'eliminated')?.date ?? null;
}

/** Hotspots of the commune active at some moment of [start, to]. */
export function activeDuringCount(index: HotspotCounts, communeId: number, start: IsoDate, to: IsoDate): number {
  const c = index.byCommune.get(communeId);
  if (!c) return 0;
  let dates = c.firstActive.get(start);
  if (!dates) {
    dates = c.lifecycles
      .map((e) => firstActiveDate(e, start))
      .filter((d): d is IsoDate => d !== null)
      .sort();
    c.firstActive.set(start, dates);
  }
  return countUpTo(dates, to);
}
