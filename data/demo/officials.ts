// The demo communes' leaders (accountability, seed 004): a party secretary and a chairman of the people's committee
// per commune, each for the 2020–2025 term and the term after, with generated (fictional) names.
import type { DatasetInput } from '../format';
import type { ProvinceModel } from './admin';
import { Random } from './random';

type Official = NonNullable<DatasetInput['officials']>[number];

const FAMILY = [
  'Nguyễn',
  'Trần',
  'Lê',
  'Phạm',
  'Huỳnh',
  'Võ',
  'Phan',
  'Trương',
  'Đặng',
  'Bùi',
  'Đỗ',
  'Hồ',
  'Ngô',
  'Dương',
];
const MIDDLE = ['Văn', 'Thị', 'Hữu', 'Minh', 'Thanh', 'Quốc', 'Ngọc', 'Đức', 'Hoàng', 'Kim'];
const GIVEN = [
  'An',
  'Bình',
  'Cường',
  'Dũng',
  'Giang',
  'Hải',
  'Hòa',
  'Khánh',
  'Lâm',
  'Long',
  'Mai',
  'Nam',
  'Phúc',
  'Quang',
  'Sơn',
  'Tâm',
  'Thảo',
  'Trung',
  'Tuấn',
  'Vinh',
  'Yến',
];

/** Terms of the 2020–2025 party congress and the one after (a few leaders changed mid-term). */
const TERMS: [string, string | null][] = [
  ['2020-09-01', '2025-06-30'],
  ['2025-07-01', null],
];

export function demoOfficials(model: ProvinceModel, seed: number): Official[] {
  const rnd = Random.derive(seed, 'officials');
  const person = () => `${rnd.pick(FAMILY)} ${rnd.pick(MIDDLE)} ${rnd.pick(GIVEN)}`;
  return model.communes.flatMap((c) =>
    (['party_secretary', 'chairman'] as const).flatMap((role) =>
      TERMS.map(([from, to]) => ({ unitCode: c.code, role, name: person(), from, to })),
    ),
  );
}
