// The plans' reported indicators (seeds 000 and 003) and the demo districts' figures for them: realistic sizes,
// two districts behind, the last month still missing in some districts (late) and one entry waiting for approval.
import { dueDate, periodRange, periodsBetween, type ReportedIndicatorDef } from '../../geo/reported';
import { addDays, minDate } from '../../geo/dates';
import type { DatasetInput } from '../format';
import type { ProvinceModel } from './admin';
import { Random } from './random';

type Value = NonNullable<DatasetInput['reportedValues']>[number];
type Plan = NonNullable<DatasetInput['plans']>[number];

export const REPORTED: ReportedIndicatorDef[] = [
  {
    code: 'R1',
    name: {
      vi: 'Số vụ phạm tội về ma túy được phát hiện, xử lý',
      en: 'Drug crimes detected and handled',
    },
    measure: 'count',
    period: 'year',
    levels: ['district'],
    target: { rule: 'growth', value: 0.05 },
  },
  {
    code: 'R2',
    name: { vi: 'Tỷ lệ vụ án ma túy được giải quyết, xét xử', en: 'Drug cases resolved and tried' },
    measure: 'share',
    period: 'quarter',
    levels: ['district'],
    target: { rule: 'gt', value: 0.9 },
  },
  {
    code: 'R3',
    name: {
      vi: 'Người nghiện, sử dụng trái phép chất ma túy có hồ sơ quản lý được tiếp cận dịch vụ tư vấn, điều trị, cai nghiện',
      en: 'Registered drug users reached by counselling, treatment or rehabilitation',
    },
    measure: 'share',
    period: 'month',
    levels: ['district'],
    target: { rule: 'gte', value: 0.8 },
  },
  {
    code: 'R4',
    name: {
      vi: 'Xã, phường, thị trấn, trường học, khu công nghiệp được tuyên truyền về phòng, chống ma túy',
      en: 'Communes, schools and industrial parks reached by drug-prevention communication',
    },
    measure: 'share',
    period: 'year',
    levels: ['district'],
    target: { rule: 'gte', value: 1 },
  },
];

const REPORTER = 'Văn phòng Thường trực phòng, chống ma túy huyện';

/** One district's reported figures over the plan's complete periods up to `until`. */
function districtValues(plan: Plan, code: string, behind: boolean, until: string, rnd: Random): Value[] {
  const out: Value[] = [];
  const users = rnd.int(80, 300);
  let cases = rnd.int(20, 60);
  const add = (def: ReportedIndicatorDef, period: string, numerator: number, denominator: number | null) => {
    // On or before the due day; districts behind are sometimes a few days late.
    const due = dueDate(def.period, period, { dueDays: plan.reportDueDays ?? 10, lockDays: 0 });
    const day = addDays(due, behind && rnd.chance(0.3) ? rnd.int(1, 5) : -rnd.int(0, 8));
    const recordedAt = `${minDate(day, until)}T08:30:00+07:00`;
    out.push({
      planId: plan.id,
      code: def.code,
      unitCode: code,
      period,
      numerator,
      denominator,
      author: REPORTER,
      recordedAt,
    });
  };
  const last = minDate(plan.end, until);
  for (const def of REPORTED)
    for (const period of periodsBetween(def.period, plan.start, last)) {
      if (periodRange(def.period, period).end >= until) continue; // not over yet
      if (def.code === 'R1') {
        cases = Math.round(cases * (behind ? rnd.range(0.95, 1.04) : rnd.range(1.06, 1.15)));
        add(def, period, cases, null);
      } else if (def.code === 'R2') {
        const tried = rnd.int(8, 30);
        add(
          def,
          period,
          Math.min(tried, Math.round(tried * (behind ? rnd.range(0.78, 0.9) : rnd.range(0.91, 1)))),
          tried,
        );
      } else if (def.code === 'R3') {
        const managed = users + rnd.int(-5, 5);
        add(def, period, Math.round(managed * (behind ? rnd.range(0.66, 0.79) : rnd.range(0.8, 0.92))), managed);
      } else {
        const places = rnd.int(15, 40);
        add(def, period, behind ? places - rnd.int(1, 4) : places, places);
      }
    }
  return out;
}

/** Every district's figures for every plan; the latest month late in two districts and waiting in one. */
export function reportedValues(model: ProvinceModel, plans: readonly Plan[], until: string, seed: number): Value[] {
  const rnd = Random.derive(seed, 'reported');
  const codes = model.districts.map((d) => d.code);
  const behind = new Set([codes[1], codes[4]]);
  const values = plans.flatMap((plan) =>
    codes.flatMap((code) => districtValues(plan, code, behind.has(code), until, rnd)),
  );
  const lastMonth = values.filter((v) => v.code === 'R3').reduce((m, v) => (v.period > m ? v.period : m), '');
  const late = new Set([codes[2], codes[5]]);
  return values
    .filter((v) => !(v.code === 'R3' && v.period === lastMonth && late.has(v.unitCode)))
    .map((v) =>
      v.code === 'R3' && v.period === lastMonth && v.unitCode === codes[0] ? { ...v, state: 'pending' as const } : v,
    );
}
