// Which attributes of an imported file hold the code, name, type and parent of each unit (guessed from the
// attribute names, editable), and the units they describe, matched to the official code list.
import { bareName, nameKey, unitDisplayName } from '../../geo/unit-names';
import { UNIT_TYPES, type UnitLevel, type UnitType } from '../../geo/units';
import type { AttributeMapping } from '../contracts/imports';
import { unitMatcher, type OfficialUnit } from './code-list';

export type { AttributeMapping };

// Attribute names seen in Vietnamese sources (GSO-based lists, GADM, land-office shapefiles), most telling first.
const CANDIDATES: Record<AttributeMapping['level'], Record<'code' | 'name' | 'type' | 'parent', string[]>> = {
  commune: {
    code: ['code', 'ma', 'ma_xa', 'maxa', 'ma_dvhc', 'madvhc', 'level3_id', 'commune_code', 'ma_phuong_xa'],
    name: ['name', 'ten', 'ten_xa', 'tenxa', 'ten_dvhc', 'name_3', 'commune_vn', 'full_name', 'fullname'],
    type: ['type', 'loai', 'loai_dvhc', 'type_3', 'cap'],
    parent: [
      'district_code',
      'ma_huyen',
      'mahuyen',
      'level2_id',
      'district_name',
      'ten_huyen',
      'tenhuyen',
      'name_2',
      'district_vn',
      'huyen',
    ],
  },
  district: {
    code: ['district_code', 'level2_id', 'ma_huyen', 'mahuyen', 'code', 'ma'],
    name: ['district_name', 'ten_huyen', 'tenhuyen', 'name_2', 'name', 'ten'],
    type: ['district_type', 'loai', 'type_2', 'type'],
    parent: ['province_code', 'ma_tinh', 'matinh', 'province_name', 'ten_tinh', 'name_1', 'tinh'],
  },
};
const PROVINCE_ATTRIBUTES = [
  'province_code',
  'ma_tinh',
  'matinh',
  'level1_id',
  'province_name',
  'ten_tinh',
  'name_1',
  'province_vn',
  'tinh',
];
const DISTRICT_SIGNS = ['district_type', 'level2_id'];
const COMMUNE_SIGNS = ['level3_id', 'name_3', 'commune_vn', 'ma_xa', 'ten_xa', 'commune_code'];

function pick(names: string[], candidates: string[]): string | null {
  const lower = new Map(names.map((n) => [n.toLowerCase(), n]));
  for (const c of candidates) if (lower.has(c)) return lower.get(c)!;
  return null;
}

/** A first guess from the attribute names: district polygons carry district keys and no commune keys. */
export function guessMapping(names: string[]): AttributeMapping {
  const has = (list: string[]) => pick(names, list) !== null;
  const level = has(DISTRICT_SIGNS) && !has(COMMUNE_SIGNS) ? 'district' : 'commune';
  const c = CANDIDATES[level];
  return {
    level,
    code: pick(names, c.code),
    name: pick(names, c.name),
    type: pick(names, c.type),
    parent: pick(names, c.parent),
  };
}

const text = (v: unknown): string | null =>
  v === null || v === undefined || v === 'NA' ? null : String(v).normalize('NFC').trim() || null;

/** The official spelling of a type word ("Thành phố Trung ương" in the GSO list is the centrally-run city). */
export function unitTypeOf(raw: string | null): UnitType | null {
  if (!raw) return null;
  const key = nameKey(raw.replace(/\s+/g, ' '));
  if (key === nameKey('Thành phố Trung ương')) return 'Thành phố trực thuộc trung ương';
  return UNIT_TYPES.find((t) => nameKey(t) === key) ?? null;
}

/** The province the file is about: a province attribute (code or name), else the province of most matched codes. */
export function guessProvince(
  list: OfficialUnit[],
  rows: Record<string, unknown>[],
  mapping: AttributeMapping,
): string | null {
  const provinces = list.filter((u) => u.level === 1);
  const byCode = new Map(list.map((u) => [u.code, u]));
  const votes = new Map<string, number>();
  const vote = (code: string | undefined) => code && votes.set(code, (votes.get(code) ?? 0) + 1);
  const names = rows.length ? Object.keys(rows[0]!) : [];
  const attr = pick(names, PROVINCE_ATTRIBUTES);
  for (const row of rows) {
    const p = text(attr ? row[attr] : null);
    if (p)
      vote(
        provinces.find((u) => u.code === p || u.code === p.padStart(2, '0') || nameKey(u.name) === nameKey(p))?.code,
      );
    else {
      let u = byCode.get(text(mapping.code ? row[mapping.code] : null) ?? '');
      while (u && u.parentCode) u = byCode.get(u.parentCode);
      vote(u?.code);
    }
  }
  return [...votes].sort((a, b) => b[1] - a[1])[0]?.[0] ?? null;
}

export interface MappedUnit {
  index: number;
  code: string;
  name: string;
  type: UnitType;
  level: UnitLevel;
  /** The official parent (district before 2025, province after). */
  parentCode: string | null;
}

export type MatchFinding =
  | { kind: 'unmatched'; feature: number; elsewhere: string[] }
  | { kind: 'ambiguous'; feature: number; candidates: string[] }
  | { kind: 'duplicate_code'; feature: number; others: number[]; code: string }
  | { kind: 'name_differs'; feature: number; official: string };

export interface MatchSummary {
  byCode: number;
  byName: number;
  unmatched: number;
  ambiguous: number;
}

/** Fallback type when neither the list nor the file says: the commonest unit of the level. */
const defaultType = (level: AttributeMapping['level']): UnitType => (level === 'district' ? 'Huyện' : 'Xã');

/** Every feature holding a code that another feature holds too. */
function duplicateCodes(byCode: Map<string, number[]>): MatchFinding[] {
  return [...byCode].flatMap(([code, indexes]) =>
    indexes.length > 1
      ? indexes.map((i) => ({
          kind: 'duplicate_code' as const,
          feature: i,
          others: indexes.filter((j) => j !== i),
          code,
        }))
      : [],
  );
}

/** Each row matched to the official list of `provinceCode` (by code, else by name inside its parent). */
export function matchRows(
  list: OfficialUnit[],
  provinceCode: string,
  rows: Record<string, unknown>[],
  mapping: AttributeMapping,
) {
  const match = unitMatcher(list, provinceCode, mapping.level === 'district' ? 2 : undefined);
  const get = (row: Record<string, unknown>, key: string | null) => text(key ? row[key] : null);
  const units: MappedUnit[] = [];
  const findings: MatchFinding[] = [];
  const summary: MatchSummary = { byCode: 0, byName: 0, unmatched: 0, ambiguous: 0 };
  const byCode = new Map<string, number[]>();
  rows.forEach((row, index) => {
    const r = match({
      code: get(row, mapping.code),
      name: get(row, mapping.name),
      type: get(row, mapping.type),
      parent: get(row, mapping.parent),
    });
    if (r.status === 'unmatched') {
      summary.unmatched++;
      findings.push({
        kind: 'unmatched',
        feature: index,
        elsewhere: r.elsewhere.map((u) => `${u.code} ${unitDisplayName(u)}`),
      });
      return;
    }
    if (r.status === 'ambiguous') {
      summary.ambiguous++;
      findings.push({
        kind: 'ambiguous',
        feature: index,
        candidates: r.candidates.map((u) => `${u.code} ${unitDisplayName(u)}`),
      });
      return;
    }
    // A code whose unit has another name (beyond tone-mark placement, type words, spacing) is not taken: codes were
    // reused across the 2025 reform, so an old file checked against the new list would land on other communes.
    if (r.nameDiffers) {
      summary.unmatched++;
      findings.push({ kind: 'name_differs', feature: index, official: `${r.unit.code} ${unitDisplayName(r.unit)}` });
      return;
    }
    summary[r.by === 'code' ? 'byCode' : 'byName']++;
    const u = r.unit;
    byCode.set(u.code, [...(byCode.get(u.code) ?? []), index]);
    units.push({
      index,
      code: u.code,
      name: bareName(u.name),
      type: unitTypeOf(u.type) ?? defaultType(mapping.level),
      level: mapping.level,
      parentCode: u.parentCode,
    });
  });
  return { units, findings: [...findings, ...duplicateCodes(byCode)], summary };
}

const CODE_DIGITS: Record<AttributeMapping['level'], number> = { commune: 5, district: 3 };

/** Without an official list: the code, name, type and parent as the file gives them; a unit without a code is unmatched. */
export function unitsFromAttributes(rows: Record<string, unknown>[], mapping: AttributeMapping) {
  const digits = CODE_DIGITS[mapping.level];
  const asCode = (v: string | null, n: number) => (v && /^\d+$/.test(v) && v.length <= n ? v.padStart(n, '0') : null);
  const units: MappedUnit[] = [];
  const findings: MatchFinding[] = [];
  const byCode = new Map<string, number[]>();
  rows.forEach((row, index) => {
    const get = (key: string | null) => text(key ? row[key] : null);
    const code = asCode(get(mapping.code), digits);
    const name = get(mapping.name);
    if (!code || !name) return void findings.push({ kind: 'unmatched', feature: index, elsewhere: [] });
    byCode.set(code, [...(byCode.get(code) ?? []), index]);
    const type =
      unitTypeOf(get(mapping.type)) ??
      unitTypeOf(name.slice(0, name.length - bareName(name).length)) ??
      defaultType(mapping.level);
    units.push({
      index,
      code,
      name: bareName(name),
      type,
      level: mapping.level,
      parentCode: asCode(get(mapping.parent), digits === 5 ? 3 : 2),
    });
  });
  return { units, findings: [...findings, ...duplicateCodes(byCode)], summary: null };
}
