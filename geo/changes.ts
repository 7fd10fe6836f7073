// What changed in a period: the status steps that took effect in it (with the status before), and the hotspot
// events dated in it. Pure: the server adds names and legal bases.
import type { IsoDate } from './dates';
import type { HotspotEvent, HotspotEventKind } from './hotspots';
import { statusAt, type CommuneStatus, type StatusStep } from './status';

/** How a meeting reads a change: by the status the commune reached. */
export const CHANGE_GROUPS = ['became_complex', 'transformed', 'relapsed', 'became_drug_free'] as const;
export type ChangeGroup = (typeof CHANGE_GROUPS)[number];

export const GROUP_OF_STATUS: Readonly<Record<CommuneStatus, ChangeGroup>> = {
  complex: 'became_complex',
  transformed: 'transformed',
  relapsed: 'relapsed',
  drug_free: 'became_drug_free',
};

export interface StatusChangeInPeriod {
  step: StatusStep;
  previous: CommuneStatus | null;
}

/** Steps effective on a day of [from, to] that changed the status (a step repeating the status is not a change). */
export function statusChangesIn(history: readonly StatusStep[], from: IsoDate, to: IsoDate): StatusChangeInPeriod[] {
  const out: StatusChangeInPeriod[] = [];
  let previous: CommuneStatus | null = null;
  for (const step of history) {
    if (step.effectiveDate > to) break;
    if (step.effectiveDate >= from && step.status !== previous) out.push({ step, previous });
    previous = step.status;
  }
  return out;
}

export type HotspotEventCounts = Record<HotspotEventKind, number>;

/** Events of one hotspot dated on a day of [from, to], counted by kind. */
export function hotspotEventsIn(events: readonly HotspotEvent[], from: IsoDate, to: IsoDate): HotspotEventCounts {
  const counts: HotspotEventCounts = { detected: 0, eliminated: 0, reformed: 0 };
  for (const e of events) if (e.date >= from && e.date <= to) counts[e.kind]++;
  return counts;
}

export interface StatusPair {
  before: CommuneStatus | null;
  after: CommuneStatus | null;
}

/** A commune's status on two days (earlier first), when it differs; null when it is the same on both. */
export function statusBetween(history: readonly StatusStep[], earlier: IsoDate, later: IsoDate): StatusPair | null {
  const before = statusAt(history, earlier)?.status ?? null;
  const after = statusAt(history, later)?.status ?? null;
  return before === after ? null : { before, after };
}
