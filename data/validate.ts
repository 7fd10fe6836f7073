// Cross-record checks of a parsed dataset (references, transitions, lifecycles, hotspot locations).
import { checkLifecycle } from '../geo/hotspots';
import { bboxOf, locatePoint, type LocatableArea } from '../geo/spatial';
import { checkTransition, effectiveHistory, type CommuneStatus } from '../geo/status';
import { levelOfType, type UnitLevel } from '../geo/units';
import type { Dataset } from './format';
import { checkReportedValues } from './validate-reported';

export interface DatasetProblem {
  path: string;
  message: string;
}

export interface ResolvedDataset {
  data: Dataset;
  /** Level of each unit, by index in data.units. */
  levels: UnitLevel[];
  /** Parent index of each unit, or null. */
  parents: (number | null)[];
  selectionUnits: number[];
  statusUnits: number[];
  hotspotUnits: number[];
  reportedUnits: number[];
  officialUnits: number[];
}

const TRANSITION_MESSAGES = {
  not_allowed: 'transition not allowed / chuyển trạng thái không được phép',
  not_selected: 'commune not selected for transformation on that date / xã chưa được lựa chọn chuyển hóa tại ngày đó',
  unchanged: 'status unchanged / trạng thái không đổi',
} as const;

function validOn(unit: Dataset['units'][number], date: string): boolean {
  return unit.validFrom <= date && (unit.validTo === null || date < unit.validTo);
}

class UnitIndex {
  private byCode = new Map<string, number[]>();
  constructor(private units: Dataset['units']) {
    units.forEach((u, i) => this.byCode.set(u.code, [...(this.byCode.get(u.code) ?? []), i]));
  }
  /** The unit with this code valid on `date` (or the only one with the code when no date). */
  find(code: string, date?: string): number | null {
    const candidates = this.byCode.get(code) ?? [];
    if (!date) return candidates.length === 1 ? candidates[0]! : null;
    return candidates.find((i) => validOn(this.units[i]!, date)) ?? null;
  }
  all(code: string): number[] {
    return this.byCode.get(code) ?? [];
  }
}

function checkUnits(data: Dataset, index: UnitIndex, problems: DatasetProblem[]) {
  const parents: (number | null)[] = [];
  const levels: UnitLevel[] = [];
  data.units.forEach((u, i) => {
    const path = `units[${i}] (${u.code})`;
    if (index.all(u.code).filter((j) => data.units[j]!.validFrom === u.validFrom).length > 1)
      problems.push({ path: `${path}.code`, message: 'duplicate code and validFrom / trùng mã và ngày hiệu lực' });
    if (u.validTo !== null && u.validTo <= u.validFrom)
      problems.push({
        path: `${path}.validTo`,
        message: 'validTo must be after validFrom / ngày hết hiệu lực phải sau ngày hiệu lực',
      });
    const parent = u.parentCode === null ? null : (index.find(u.parentCode, u.validFrom) ?? index.find(u.parentCode));
    if (u.parentCode !== null && parent === null)
      problems.push({
        path: `${path}.parentCode`,
        message: `no unit ${u.parentCode} / không có đơn vị ${u.parentCode}`,
      });
    parents.push(parent);
    levels.push(u.parentCode === null ? 'province' : levelOfType(u.type));
  });
  return { parents, levels };
}

function communeAt(
  index: UnitIndex,
  levels: UnitLevel[],
  code: string,
  date: string,
  path: string,
  problems: DatasetProblem[],
) {
  const i = index.find(code, date);
  if (i === null || levels[i] !== 'commune') {
    problems.push({
      path,
      message: `no commune ${code} valid on ${date} / không có xã ${code} còn hiệu lực ngày ${date}`,
    });
    return -1;
  }
  return i;
}

function checkPlansAndSelections(data: Dataset, index: UnitIndex, levels: UnitLevel[], problems: DatasetProblem[]) {
  const planIds = new Set<string>();
  data.plans.forEach((p, i) => {
    if (planIds.has(p.id))
      problems.push({ path: `plans[${i}].id`, message: `duplicate plan ${p.id} / trùng kế hoạch` });
    planIds.add(p.id);
    if (p.end <= p.start)
      problems.push({
        path: `plans[${i}].end`,
        message: 'end must be after start / ngày kết thúc phải sau ngày bắt đầu',
      });
  });
  const seen = new Set<string>();
  return data.selections.map((s, i) => {
    const path = `selections[${i}]`;
    if (!planIds.has(s.planId))
      problems.push({ path: `${path}.planId`, message: `no plan ${s.planId} / không có kế hoạch` });
    const key = `${s.planId}/${s.communeCode}`;
    if (seen.has(key))
      problems.push({ path: `${path}.communeCode`, message: 'selected twice under this plan / bị chọn hai lần' });
    seen.add(key);
    return communeAt(index, levels, s.communeCode, s.selectedOn, `${path}.communeCode`, problems);
  });
}

function checkStatusChanges(data: Dataset, index: UnitIndex, levels: UnitLevel[], problems: DatasetProblem[]) {
  const refIndex = new Map<string, number>();
  const units = data.statusChanges.map((c, i) => {
    const path = `statusChanges[${i}] (${c.ref})`;
    if (refIndex.has(c.ref)) problems.push({ path: `${path}.ref`, message: 'duplicate ref / trùng mã bản ghi' });
    if (c.correctsRef !== null) {
      const target = refIndex.get(c.correctsRef);
      if (target === undefined)
        problems.push({
          path: `${path}.correctsRef`,
          message: 'must name an earlier record / phải trỏ tới bản ghi trước đó',
        });
      else if (data.statusChanges[target]!.communeCode !== c.communeCode)
        problems.push({
          path: `${path}.correctsRef`,
          message: 'corrects a record of another commune / sửa bản ghi của xã khác',
        });
    }
    refIndex.set(c.ref, i);
    return communeAt(index, levels, c.communeCode, c.effectiveDate, `${path}.communeCode`, problems);
  });
  checkTransitions(data, units, refIndex, problems);
  return units;
}

function checkTransitions(data: Dataset, units: number[], refIndex: Map<string, number>, problems: DatasetProblem[]) {
  const byUnit = new Map<number, number[]>();
  units.forEach((u, i) => u >= 0 && byUnit.set(u, [...(byUnit.get(u) ?? []), i]));
  for (const [unit, indices] of byUnit) {
    const code = data.units[unit]!.code;
    const selectedOn = data.selections
      .filter((s) => s.communeCode === code)
      .map((s) => s.selectedOn)
      .sort()[0];
    const records = indices.map((i) => {
      const c = data.statusChanges[i]!;
      return {
        id: i,
        status: c.status,
        effectiveDate: c.effectiveDate,
        correctsId: c.correctsRef === null ? null : (refIndex.get(c.correctsRef) ?? null),
      };
    });
    let previous: CommuneStatus | null = null;
    for (const step of effectiveHistory(records)) {
      const selected = selectedOn !== undefined && selectedOn <= step.effectiveDate;
      const check = checkTransition(previous, step.status, selected);
      if (!check.ok) {
        const c = data.statusChanges[step.id]!;
        problems.push({
          path: `statusChanges[${step.id}] (${c.ref}).status`,
          message: `${previous ?? '∅'} → ${c.status}: ${TRANSITION_MESSAGES[check.reason]}`,
        });
      }
      previous = step.status;
    }
  }
}

const LIFECYCLE_MESSAGES = {
  first_not_detected: 'the first event must be detected / sự kiện đầu tiên phải là phát hiện',
  detected_twice: 'detected only once; use reformed / chỉ phát hiện một lần, dùng tái hình thành',
  not_active: 'eliminated while not active / triệt xóa khi không hoạt động',
  not_eliminated: 'reformed without an elimination / tái hình thành khi chưa bị triệt xóa',
  out_of_order: 'event dates go backwards / ngày sự kiện không theo thứ tự',
} as const;

function checkHotspots(data: Dataset, levels: UnitLevel[], problems: DatasetProblem[]) {
  // Current-vintage communes first: a hotspot belongs to the commune that holds it today.
  const communes: LocatableArea<number>[] = data.units
    .map((u, i) => ({
      key: i,
      code: u.code,
      bbox: bboxOf(u.geometry),
      geometry: u.geometry,
      current: u.validTo === null,
    }))
    .filter((a) => levels[a.key] === 'commune')
    .sort((a, b) => Number(b.current) - Number(a.current));
  const current = communes.filter((c) => data.units[c.key]!.validTo === null);
  const refs = new Set<string>();
  return data.hotspots.map((h, i) => {
    const path = `hotspots[${i}] (${h.ref})`;
    if (refs.has(h.ref)) problems.push({ path: `${path}.ref`, message: 'duplicate ref / trùng mã bản ghi' });
    refs.add(h.ref);
    const lifecycle = checkLifecycle(h.events);
    if (lifecycle)
      problems.push({ path: `${path}.events[${lifecycle.index}]`, message: LIFECYCLE_MESSAGES[lifecycle.problem] });
    const found = locatePoint(current, h.location) ?? locatePoint(communes, h.location);
    if (!found) problems.push({ path: `${path}.location`, message: 'outside every commune / nằm ngoài mọi xã' });
    return found ? found.key : -1;
  });
}

/** Checks everything the schema cannot; `problems` empty means the dataset can be written. */
export function resolveDataset(data: Dataset): { resolved: ResolvedDataset; problems: DatasetProblem[] } {
  const problems: DatasetProblem[] = [];
  const index = new UnitIndex(data.units);
  const { parents, levels } = checkUnits(data, index, problems);
  const selectionUnits = checkPlansAndSelections(data, index, levels, problems);
  const statusUnits = checkStatusChanges(data, index, levels, problems);
  const hotspotUnits = checkHotspots(data, levels, problems);
  const reportedUnits = checkReportedValues(data, (code, date) => index.find(code, date), levels, problems);
  const officialUnits = data.officials.map((o, i) => {
    if (o.to !== null && o.to < o.from)
      problems.push({ path: `officials[${i}].to`, message: 'before from / trước ngày bắt đầu' });
    const unit = index.find(o.unitCode, o.from) ?? index.find(o.unitCode);
    if (unit === null)
      problems.push({ path: `officials[${i}].unitCode`, message: `no unit ${o.unitCode} / không có đơn vị` });
    return unit ?? -1;
  });
  const resolved = { data, levels, parents, selectionUnits, statusUnits, hotspotUnits, reportedUnits, officialUnits };
  return { resolved, problems };
}
