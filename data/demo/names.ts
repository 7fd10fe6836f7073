// Fictional Vietnamese place names (with diacritics) for the demo province, its districts and communes.
import { unitInlineName } from '../../geo/unit-names';
import type { Random } from './random';

export const PROVINCE_NAME = 'Sông Ngọc';
export const CITY_NAME = 'Sông Ngọc';
export const TOWN_NAME = 'Phú Ngọc';
export const RURAL_DISTRICT_NAMES = [
  'Châu Thành',
  'Cầu Mây',
  'Tân Điền',
  'Vĩnh Xuân',
  'Bến Sậy',
  'Hòa Lộc',
  'Mỹ Khánh',
];

const FIRST = [
  'Tân',
  'Long',
  'Phước',
  'Hòa',
  'An',
  'Mỹ',
  'Vĩnh',
  'Bình',
  'Thạnh',
  'Hưng',
  'Lương',
  'Đại',
  'Phú',
  'Thới',
  'Nhơn',
  'Song',
  'Trung',
  'Đông',
  'Hiệp',
  'Lộc',
  'Thuận',
  'Châu',
  'Định',
  'Khánh',
  'Nhị',
  'Tam',
  'Ngãi',
  'Hựu',
  'Quới',
  'Thanh',
  'Xuân',
  'Kim',
  'Hậu',
  'Đức',
  'Giao',
  'Ninh',
];
const SECOND = [
  'An',
  'Hòa',
  'Lợi',
  'Phú',
  'Thạnh',
  'Hưng',
  'Bình',
  'Long',
  'Mỹ',
  'Thuận',
  'Định',
  'Lộc',
  'Hiệp',
  'Đông',
  'Tây',
  'Trung',
  'Phước',
  'Xuân',
  'Điền',
  'Thành',
  'Khánh',
  'Quới',
  'Ninh',
  'Sơn',
  'Hải',
  'Tiến',
  'Nghĩa',
  'Tín',
  'Đức',
  'Hậu',
];
const SUFFIX = ['A', 'B', 'Đông', 'Tây', 'Nam', 'Bắc'];

/** Hands out unique commune names, never reusing a district name. */
export class NamePool {
  private readonly used = new Set<string>([CITY_NAME, TOWN_NAME, ...RURAL_DISTRICT_NAMES]);

  constructor(private readonly rng: Random) {}

  next(): string {
    for (;;) {
      const first = this.rng.pick(FIRST);
      const second = this.rng.pick(SECOND);
      if (first === second) continue;
      const base = `${first} ${second}`;
      const name = this.rng.chance(0.1) ? `${base} ${this.rng.pick(SUFFIX)}` : base;
      if (this.used.has(name)) continue;
      this.used.add(name);
      return name;
    }
  }
}

/** "huyện Châu Thành", "thành phố Sông Ngọc", "xã Tân An", "phường 1": the display rule, type word in lower case
 *  as used inside addresses and titles. */
export function unitLabel(type: string, name: string): string {
  return unitInlineName({ type, name });
}
