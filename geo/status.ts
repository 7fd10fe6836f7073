// Commune status vocabulary, the allowed transitions and "status as of a date" over an append-only history.
import type { IsoDate } from './dates';

export const COMMUNE_STATUSES = ['drug_free', 'complex', 'transformed', 'relapsed'] as const;
export type CommuneStatus = (typeof COMMUNE_STATUSES)[number];

/** Allowed transitions (PRODUCT.md). The first status of a commune may be any of the four. */
export const STATUS_TRANSITIONS: Readonly<Record<CommuneStatus, readonly CommuneStatus[]>> = {
  drug_free: ['complex'],
  complex: ['drug_free', 'transformed'],
  transformed: ['relapsed', 'drug_free'],
  relapsed: ['transformed', 'complex'],
};

export type TransitionCheck = { ok: true } | { ok: false; reason: 'not_allowed' | 'not_selected' | 'unchanged' };

/** Checks one step; `complex → transformed` also needs the commune to be selected for transformation. */
export function checkTransition(
  from: CommuneStatus | null,
  to: CommuneStatus,
  selectedForTransformation: boolean,
): TransitionCheck {
  if (from === to) return { ok: false, reason: 'unchanged' };
  if (to === 'transformed' && !selectedForTransformation) return { ok: false, reason: 'not_selected' };
  if (from === null) return { ok: true };
  return STATUS_TRANSITIONS[from].includes(to) ? { ok: true } : { ok: false, reason: 'not_allowed' };
}

export interface StatusRecord {
  id: number;
  status: CommuneStatus;
  effectiveDate: IsoDate;
  /** The record this one corrects; the corrected record no longer counts. */
  correctsId: number | null;
}

export interface StatusStep {
  id: number;
  status: CommuneStatus;
  effectiveDate: IsoDate;
}

/**
 * The history that counts: records not superseded by a correction, ordered by effective date,
 * ties broken by recording order (id). Input may be in any order.
 */
export function effectiveHistory(records: readonly StatusRecord[]): StatusStep[] {
  const corrected = new Set<number>();
  for (const r of records) if (r.correctsId !== null) corrected.add(r.correctsId);
  return records
    .filter((r) => !corrected.has(r.id))
    .map(({ id, status, effectiveDate }) => ({ id, status, effectiveDate }))
    .sort((a, b) => (a.effectiveDate < b.effectiveDate ? -1 : a.effectiveDate > b.effectiveDate ? 1 : a.id - b.id));
}

/** Index of the last step effective on or before `date`, or -1. `steps` must be sorted. */
export function lastStepIndex(steps: readonly { effectiveDate: IsoDate }[], date: IsoDate): number {
  let lo = 0;
  let hi = steps.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (steps[mid]!.effectiveDate <= date) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}

/** Status as of `date`: the latest step effective on or before it; null when none. */
export function statusAt(steps: readonly StatusStep[], date: IsoDate): StatusStep | null {
  const i = lastStepIndex(steps, date);
  return i < 0 ? null : steps[i]!;
}

/**
 * Gravity of a status when communes merge: relapsed (a transformation failed) before complex (drug problems) before
 * transformed (a programme still to hold) before drug-free. The merged commune starts from its gravest part.
 */
export const STATUS_GRAVITY: Readonly<Record<CommuneStatus, number>> = {
  drug_free: 0,
  transformed: 1,
  complex: 2,
  relapsed: 3,
};

export function gravest(statuses: readonly (CommuneStatus | null | undefined)[]): CommuneStatus | null {
  let worst: CommuneStatus | null = null;
  for (const s of statuses) if (s && (worst === null || STATUS_GRAVITY[s] > STATUS_GRAVITY[worst])) worst = s;
  return worst;
}

/**
 * The history of a unit made of `parts` (old communes), before `until`: at each date any part changed, the gravest
 * status of the parts then. A step keeps the id of the part's record that made it.
 */
export function gravestOfParts(parts: readonly (readonly StatusStep[])[], until: IsoDate): StatusStep[] {
  const changes = parts
    .flatMap((steps) => steps.filter((s) => s.effectiveDate < until))
    .sort((a, b) => (a.effectiveDate < b.effectiveDate ? -1 : a.effectiveDate > b.effectiveDate ? 1 : a.id - b.id));
  const out: StatusStep[] = [];
  for (const change of changes) {
    const status = gravest(parts.map((steps) => statusAt(steps, change.effectiveDate)?.status));
    if (!status) continue;
    const last = out[out.length - 1];
    if (last?.effectiveDate === change.effectiveDate) out.pop();
    if (out[out.length - 1]?.status !== status)
      out.push({ id: change.id, status, effectiveDate: change.effectiveDate });
  }
  return out;
}

/** Status names as the plans write them, for messages in both languages. */
export const STATUS_NAMES: Readonly<Record<CommuneStatus, { vi: string; en: string }>> = {
  drug_free: { vi: 'Không có tệ nạn ma túy', en: 'drug-free' },
  complex: { vi: 'Trọng điểm, phức tạp', en: 'complex' },
  transformed: { vi: 'Đã chuyển hóa', en: 'transformed' },
  relapsed: { vi: 'Tái phức tạp', en: 'relapsed' },
};

export interface BadStep {
  from: StatusStep | null;
  to: StatusStep;
  reason: 'not_allowed' | 'not_selected' | 'unchanged';
}

/**
 * Checks the steps a change creates: every pair of consecutive steps in `after` that was not already consecutive in
 * `before` (the new step against its neighbours, and those a correction brings together). Older data is not judged
 * again. `selectedOn(date)` tells whether the commune was selected for transformation by that date.
 */
export function checkNewSteps(
  before: readonly StatusRecord[],
  after: readonly StatusRecord[],
  selectedOn: (date: IsoDate) => boolean,
): BadStep | null {
  const old = effectiveHistory(before);
  const pairs = new Set(old.map((s, i) => `${i === 0 ? '' : old[i - 1]!.id}>${s.id}`));
  const steps = effectiveHistory(after);
  for (let i = 0; i < steps.length; i++) {
    const from = i === 0 ? null : steps[i - 1]!;
    const to = steps[i]!;
    if (pairs.has(`${from?.id ?? ''}>${to.id}`)) continue;
    const check = checkTransition(from?.status ?? null, to.status, selectedOn(to.effectiveDate));
    if (!check.ok) return { from, to, reason: check.reason };
  }
  return null;
}
