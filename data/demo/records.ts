// Turns simulated status steps into recorded status changes: legal basis, author, recording time, refs,
// plus a few corrections (a recorded fix that points at an earlier record, never a silent edit).
import { addDays, formatVnDate, type IsoDate } from '../../geo/dates';
import type { CommuneStatus } from '../../geo/status';
import type { DatasetInput } from '../format';
import type { ProvinceModel } from './admin';
import { unitLabel } from './names';
import type { Random } from './random';
import type { StatusDraft } from './timeline';

type StatusChangeInput = NonNullable<DatasetInput['statusChanges']>[number];

/** Since 1 July 2025 districts are gone and communes record their own changes. */
const DISTRICTS_ABOLISHED = '2025-07-01';
const CORRECTIONS = 3;

const NOTES: Record<CommuneStatus, string> = {
  complex: 'Xác định địa bàn trọng điểm, phức tạp về ma túy',
  drug_free: 'Công nhận xã, phường, thị trấn không có tệ nạn ma túy',
  transformed: 'Công nhận hoàn thành chuyển hóa địa bàn',
  relapsed: 'Địa bàn tái phức tạp sau chuyển hóa',
};

interface Recorded extends StatusChangeInput {
  commune: number;
  /** Date of the decision cited in the legal basis (on or before the effective date). */
  decided: IsoDate;
  /** The record this one corrects. */
  corrects: Recorded | null;
}

function timeOfDay(rng: Random): string {
  return `T${String(rng.int(7, 17)).padStart(2, '0')}:${String(rng.int(0, 59)).padStart(2, '0')}:00+07:00`;
}

function legalBasis(number: number, date: IsoDate): string {
  return `${number}/QĐ-UBND ngày ${formatVnDate(date)}`;
}

function author(model: ProvinceModel, commune: number, date: IsoDate): string {
  const c = model.communes[commune]!;
  if (date >= DISTRICTS_ABOLISHED) return `UBND ${unitLabel(c.type, c.name)}`;
  const d = model.districts[c.district]!;
  return `Ban Chỉ đạo ${unitLabel(d.type, d.name)}`;
}

function record(model: ProvinceModel, draft: StatusDraft, until: IsoDate, rng: Random): Recorded {
  const decided = addDays(draft.date, -rng.int(0, 9));
  const recorded = addDays(draft.date, rng.int(1, 12));
  return {
    ref: '',
    commune: draft.commune,
    decided,
    corrects: null,
    communeCode: model.communes[draft.commune]!.code,
    status: draft.status,
    effectiveDate: draft.date,
    legalBasis: legalBasis(rng.int(12, 980), decided),
    note: draft.initial
      ? `Rà soát, phân loại địa bàn đầu kỳ: ${NOTES[draft.status].toLowerCase()}`
      : NOTES[draft.status],
    author: author(model, draft.commune, draft.date),
    recordedAt: `${recorded <= until ? recorded : until}${timeOfDay(rng)}`,
    correctsRef: null,
  };
}

/** A later record fixing `original`: its effective date moved a few days later (before the next step) or its decision number. */
function correction(
  original: Recorded,
  next: Recorded | undefined,
  until: IsoDate,
  rng: Random,
  moveDate: boolean,
): Recorded | null {
  const shifted = addDays(original.effectiveDate, rng.int(3, 12));
  const recordedDate = addDays(original.recordedAt.slice(0, 10), rng.int(20, 90));
  if (recordedDate > until) return null;
  if (moveDate && ((next && shifted >= next.effectiveDate) || shifted > until)) return null;
  return {
    ...original,
    effectiveDate: moveDate ? shifted : original.effectiveDate,
    legalBasis: moveDate ? original.legalBasis : legalBasis(rng.int(12, 980), original.decided),
    note: moveDate ? 'Đính chính ngày hiệu lực theo quyết định gốc' : 'Đính chính số quyết định ghi nhầm',
    recordedAt: `${recordedDate}${timeOfDay(rng)}`,
    corrects: original,
  };
}

function byRecording(a: Recorded, b: Recorded): number {
  if (a.recordedAt !== b.recordedAt) return a.recordedAt < b.recordedAt ? -1 : 1;
  return a.communeCode.localeCompare(b.communeCode) || a.effectiveDate.localeCompare(b.effectiveDate);
}

/** The next step of the same commune after `r`, by effective date. */
function nextStep(records: readonly Recorded[], r: Recorded): Recorded | undefined {
  const later = records.filter((x) => x.commune === r.commune && x.effectiveDate > r.effectiveDate);
  return later.sort((a, b) => a.effectiveDate.localeCompare(b.effectiveDate))[0];
}

/** A few corrections of non-initial records, at most one per commune. */
function corrections(
  records: readonly Recorded[],
  drafts: readonly StatusDraft[],
  until: IsoDate,
  rng: Random,
): Recorded[] {
  const isInitial = (r: Recorded) =>
    drafts.some((d) => d.initial && d.commune === r.commune && d.date === r.effectiveDate);
  const fixes: Recorded[] = [];
  for (const original of rng.shuffle(records.filter((r) => !isInitial(r)))) {
    if (fixes.length === CORRECTIONS) break;
    if (fixes.some((f) => f.commune === original.commune)) continue;
    const fix = correction(original, nextStep(records, original), until, rng, fixes.length % 2 === 0);
    if (fix) fixes.push(fix);
  }
  return fixes;
}

/** Recorded changes in recording order with refs "sc-0001"…; corrections are recorded later and point back. */
export function recordStatuses(
  model: ProvinceModel,
  drafts: readonly StatusDraft[],
  until: IsoDate,
  rng: Random,
): StatusChangeInput[] {
  const records = drafts.map((d) => record(model, d, until, rng));
  const all = [...records, ...corrections(records, drafts, until, rng)].sort(byRecording);
  all.forEach((r, k) => (r.ref = `sc-${String(k + 1).padStart(4, '0')}`));
  return all.map(({ commune: _c, decided: _d, corrects, ...r }) => ({ ...r, correctsRef: corrects?.ref ?? null }));
}
