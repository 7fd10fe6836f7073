// Hotspot lifecycle: events, status as of a date, and the lifecycle rules a new event must respect.
import type { IsoDate } from './dates';

export const HOTSPOT_KINDS = ['diem', 'tu_diem'] as const;
export type HotspotKind = (typeof HOTSPOT_KINDS)[number];

export const HOTSPOT_ACTIVITIES = ['selling', 'organising_use', 'harbouring', 'using'] as const;
export type HotspotActivity = (typeof HOTSPOT_ACTIVITIES)[number];

export const HOTSPOT_EVENT_KINDS = ['detected', 'eliminated', 'reformed'] as const;
export type HotspotEventKind = (typeof HOTSPOT_EVENT_KINDS)[number];

export const HOTSPOT_STATUSES = ['active', 'eliminated'] as const;

/** Units in which operation results record seized drugs. */
export const SEIZURE_UNITS = ['g', 'kg', 'ml', 'viên', 'bánh', 'gói'] as const;
export type HotspotStatus = (typeof HOTSPOT_STATUSES)[number];

export interface HotspotEvent {
  kind: HotspotEventKind;
  date: IsoDate;
}

function statusAfter(kind: HotspotEventKind): HotspotStatus {
  return kind === 'eliminated' ? 'eliminated' : 'active';
}

/** A hotspot's status on a date and the date of the event that set it. */
export interface HotspotState {
  status: HotspotStatus;
  since: IsoDate;
}

/** Status at the end of `date` and the date of the event that set it; null before the first event. */
export function hotspotStateAt(events: readonly HotspotEvent[], date: IsoDate): HotspotState | null {
  let state: HotspotState | null = null;
  for (const e of events) {
    if (e.date > date) break;
    state = { status: statusAfter(e.kind), since: e.date };
  }
  return state;
}

/** Status at the end of `date`; null before the first event. Events must be in lifecycle order. */
export function hotspotStatusAt(events: readonly HotspotEvent[], date: IsoDate): HotspotStatus | null {
  return hotspotStateAt(events, date)?.status ?? null;
}

/**
 * Active at some moment of the days [from, to]: active at the end of the day before `from`
 * (so it was active when the period opened), or detected / re-formed within the period.
 */
export function wasActiveDuring(events: readonly HotspotEvent[], from: IsoDate, to: IsoDate): boolean {
  let status: HotspotStatus | null = null;
  for (const e of events) {
    if (e.date >= from) {
      if (status === 'active') return true;
      if (e.date > to) return false;
      if (e.kind !== 'eliminated') return true;
    }
    status = statusAfter(e.kind);
  }
  return status === 'active';
}

export type LifecycleProblem =
  'first_not_detected' | 'detected_twice' | 'not_active' | 'not_eliminated' | 'out_of_order';

/**
 * Checks a whole lifecycle: starts with `detected`, dates never go back, `eliminated` only when
 * active, `reformed` only after an elimination. Returns the index and reason of the first problem.
 */
export function checkLifecycle(events: readonly HotspotEvent[]): { index: number; problem: LifecycleProblem } | null {
  let status: HotspotStatus | null = null;
  for (let i = 0; i < events.length; i++) {
    const e = events[i]!;
    if (i > 0 && e.date < events[i - 1]!.date) return { index: i, problem: 'out_of_order' };
    if (i === 0 && e.kind !== 'detected') return { index: i, problem: 'first_not_detected' };
    if (i > 0 && e.kind === 'detected') return { index: i, problem: 'detected_twice' };
    if (e.kind === 'eliminated' && status !== 'active') return { index: i, problem: 'not_active' };
    if (e.kind === 'reformed' && status !== 'eliminated') return { index: i, problem: 'not_eliminated' };
    status = statusAfter(e.kind);
  }
  return null;
}
