// The official list of administrative units (GSO codes) and the matching of imported boundaries to it: by code,
// else by name inside the parent unit; unmatched and ambiguous units are reported, never guessed.
import { bareName, nameKey } from '../../geo/unit-names';
import { z } from '../contracts/messages';

export interface OfficialUnit {
  code: string;
  name: string;
  type: string;
  level: 1 | 2 | 3;
  parentCode: string | null;
}

// The shape of dvhcvn.json (provinces → districts → communes, before 1 July 2025) and of the 2025 two-level list
// (provinces → communes), as published by the dvhcvn project from the GSO list.
const leaf = z.object({ name: z.string(), type: z.string().optional() });
const level3 = leaf.extend({ level3_id: z.string() });
const level2 = leaf.extend({ level2_id: z.string(), level3s: z.array(level3).optional() });
const level1 = leaf.extend({ level1_id: z.string(), level2s: z.array(level2) });
export const codeListFile = z.object({ data: z.array(level1).min(1) });

/** GADM writes "ĐịnhAn(Thịtrấn)", "DuyênHải(Thịxã)": a type in brackets after the name. */
function withType(name: string, type?: string | null): { name: string; type: string | null } {
  const m = /^(.*?)\s*\(([^()]+)\)\s*$/.exec(name);
  return m ? { name: m[1]!, type: type ?? m[2]! } : { name, type: type ?? null };
}

const typeOf = (name: string, given?: string) =>
  given ?? (name.slice(0, name.length - bareName(name).length).trim() || '');

/** Flattens an official list; codes are kept as strings with their leading zeros. */
export function parseCodeList(json: unknown): OfficialUnit[] {
  const { data } = codeListFile.parse(json);
  const out: OfficialUnit[] = [];
  for (const p of data) {
    out.push({
      code: p.level1_id,
      name: p.name.normalize('NFC').trim(),
      type: typeOf(p.name, p.type),
      level: 1,
      parentCode: null,
    });
    for (const d of p.level2s) {
      out.push({
        code: d.level2_id,
        name: d.name.normalize('NFC').trim(),
        type: typeOf(d.name, d.type),
        level: 2,
        parentCode: p.level1_id,
      });
      for (const c of d.level3s ?? [])
        out.push({
          code: c.level3_id,
          name: c.name.normalize('NFC').trim(),
          type: typeOf(c.name, c.type),
          level: 3,
          parentCode: d.level2_id,
        });
    }
  }
  return out;
}

export interface UnitToMatch {
  code?: string | null;
  name?: string | null;
  /** The parent unit by code or by name (district before 2025, province after). */
  parent?: string | null;
  /** Xã, Phường, Thị trấn… when given apart from the name; a type word at the start of the name counts too. */
  type?: string | null;
}

export type MatchResult =
  | { status: 'matched'; by: 'code' | 'name_in_parent'; unit: OfficialUnit; nameDiffers: boolean }
  | { status: 'ambiguous'; candidates: OfficialUnit[] }
  | { status: 'unmatched'; elsewhere: OfficialUnit[] };

/** Matching inside one province (its code), against its lowest level of units unless `level` says otherwise. */
export function unitMatcher(list: OfficialUnit[], provinceCode: string, level?: 2 | 3) {
  const byCode = new Map(list.map((u) => [u.code, u]));
  // The list runs parent before child, so one pass collects the province's units level by level.
  const inProvince = new Set([provinceCode]);
  const units = list.filter((u) => u.parentCode !== null && inProvince.has(u.parentCode) && inProvince.add(u.code));
  const bottom = level ?? (Math.max(...units.map((u) => u.level)) as 2 | 3);
  const leaves = units.filter((u) => u.level === bottom);
  // Parents by name are looked up one level up only: "Thành phố Trà Vinh" is the district, not "Tỉnh Trà Vinh".
  const parents = units.filter((u) => u.level === bottom - 1);
  const width = leaves[0]?.code.length ?? 5;
  const normCode = (c: string) => (/^\d+$/.test(c) ? c.padStart(width, '0') : c);

  /** The parent units a reference can mean: one by code, or all of that name (and type, when given). */
  const parentsOf = (ref: string | null | undefined): OfficialUnit[] | null => {
    // Units right under the province: the province is the parent, whatever the file calls it.
    if (bottom === 2) return [byCode.get(provinceCode)!].filter(Boolean);
    if (!ref) return null;
    const byC = parents.find((u) => u.code === ref || u.code === ref.padStart(3, '0'));
    if (byC) return [byC];
    const p = withType(ref, typeOf(ref) || null);
    const named = parents.filter((u) => nameKey(u.name) === nameKey(p.name));
    const typed = p.type ? named.filter((u) => nameKey(u.type) === nameKey(p.type!)) : named;
    return typed.length ? typed : named;
  };

  return (input: UnitToMatch): MatchResult => {
    const x = { ...input, ...(input.name ? withType(input.name, input.type) : {}) };
    if (x.code && x.code.trim()) {
      const u = byCode.get(normCode(x.code.trim()));
      if (u && leaves.includes(u))
        return { status: 'matched', by: 'code', unit: u, nameDiffers: !!x.name && nameKey(x.name) !== nameKey(u.name) };
    }
    if (!x.name) return { status: 'unmatched', elsewhere: [] };
    const key = nameKey(x.name);
    const sameName = leaves.filter((u) => nameKey(u.name) === key);
    // Two districts of one name (GADM's "DuyênHải" is both the huyện and the thị xã): the commune is looked for in
    // each; found in exactly one, it is that one.
    const within = parentsOf(x.parent);
    const inParent = within
      ? sameName.filter((u) => within.some((p) => p.code === u.parentCode))
      : bottom === 2
        ? sameName
        : [];
    // Same name twice in one parent ("Xã Định An", "Thị trấn Định An"): the type tells them apart, when known.
    const type = nameKey(x.type ?? typeOf(x.name));
    const typed = inParent.length > 1 && type ? inParent.filter((u) => nameKey(u.type) === type) : inParent;
    if (typed.length === 1) return { status: 'matched', by: 'name_in_parent', unit: typed[0]!, nameDiffers: false };
    if (typed.length > 1 || inParent.length > 1) return { status: 'ambiguous', candidates: inParent };
    return { status: 'unmatched', elsewhere: sameName };
  };
}
