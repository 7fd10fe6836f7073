// Administrative unit vocabulary: Vietnamese unit types and the level each belongs to.
export const UNIT_LEVELS = ['province', 'district', 'commune'] as const;
export type UnitLevel = (typeof UNIT_LEVELS)[number];

/** How an old unit went into a new one at a reform: whole, or a part of it. */
export const UNIT_LINK_KINDS = ['full', 'partial'] as const;
export type UnitLinkKind = (typeof UNIT_LINK_KINDS)[number];

/** Vietnamese unit types (with diacritics, as written in official names) and their level. */
export const UNIT_TYPE_LEVEL = {
  Tỉnh: 'province',
  'Thành phố trực thuộc trung ương': 'province',
  Huyện: 'district',
  Quận: 'district',
  'Thị xã': 'district',
  'Thành phố': 'district',
  Xã: 'commune',
  Phường: 'commune',
  'Thị trấn': 'commune',
  'Đặc khu': 'commune',
} as const satisfies Record<string, UnitLevel>;

export type UnitType = keyof typeof UNIT_TYPE_LEVEL;
export const UNIT_TYPES = Object.keys(UNIT_TYPE_LEVEL) as [UnitType, ...UnitType[]];

export function levelOfType(type: UnitType): UnitLevel {
  return UNIT_TYPE_LEVEL[type];
}
