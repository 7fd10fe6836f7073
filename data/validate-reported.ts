// Cross-record checks of a dataset's reported figures: the plan and indicator exist, the period key fits the
// indicator, the unit reports at that level and exists at the period's end, the numbers are a valid entry, and no
// unit has two approved (or two waiting) entries for one period.
import { entryProblems, isPeriodKey, PERIOD_EXAMPLE, periodRange, type ReportedIndicatorDef } from '../geo/reported';
import type { UnitLevel } from '../geo/units';
import type { Dataset } from './format';

/** For each reported value, the index of its unit in data.units (-1 where a problem was found). */
export function checkReportedValues(
  data: Dataset,
  find: (code: string, date: string) => number | null,
  levels: UnitLevel[],
  problems: { path: string; message: string }[],
): number[] {
  const defs = new Map<string, ReportedIndicatorDef>();
  for (const p of data.plans) for (const r of p.reported) defs.set(`${p.id}/${r.code}`, r);
  const seen = new Set<string>();
  return data.reportedValues.map((v, i) => {
    const path = `reportedValues[${i}]`;
    const def = defs.get(`${v.planId}/${v.code}`);
    if (!def) {
      problems.push({
        path: `${path}.code`,
        message: `no reported indicator ${v.code} in plan ${v.planId} / không có chỉ tiêu báo cáo`,
      });
      return -1;
    }
    if (!isPeriodKey(def.period, v.period)) {
      problems.push({
        path: `${path}.period`,
        message: `not a ${def.period} like ${PERIOD_EXAMPLE[def.period]} / sai kỳ báo cáo`,
      });
      return -1;
    }
    const span = periodRange(def.period, v.period);
    const plan = data.plans.find((p) => p.id === v.planId)!;
    if (span.start < plan.start || span.end > plan.end) {
      problems.push({ path: `${path}.period`, message: `${v.period} is outside the plan / kỳ nằm ngoài kế hoạch` });
      return -1;
    }
    const unit = find(v.unitCode, span.end);
    if (unit === null || !def.levels.includes(levels[unit]!)) {
      problems.push({
        path: `${path}.unitCode`,
        message: `no reporting unit ${v.unitCode} at the end of ${v.period} / không có đơn vị báo cáo`,
      });
      return -1;
    }
    for (const e of entryProblems(
      def.measure,
      { numerator: v.numerator, denominator: v.denominator, note: v.note },
      null,
    ))
      problems.push({ path: `${path}.${e.path}`, message: `${e.en} / ${e.vi}` });
    const key = `${v.planId}/${v.code}/${v.unitCode}/${v.period}/${v.state}`;
    if (seen.has(key))
      problems.push({ path, message: `a second ${v.state} entry for this unit and period / trùng số liệu` });
    seen.add(key);
    return unit;
  });
}
