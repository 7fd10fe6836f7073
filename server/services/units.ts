// Unit tree lookups over the snapshot: by code and date, children, the communes of a subtree.
import type { Snapshot, UnitNode } from './snapshot';

export function validOn(unit: Pick<UnitNode, 'validFrom' | 'validTo'>, date: string): boolean {
  return unit.validFrom <= date && (unit.validTo === null || date < unit.validTo);
}

/** The unit with `code` valid on `date`, else its latest vintage, else null. */
export function findUnit(s: Snapshot, code: string, date: string): UnitNode | null {
  let latest: UnitNode | null = null;
  for (const u of s.units.values()) {
    if (u.code !== code) continue;
    if (validOn(u, date)) return u;
    if (!latest || u.validFrom > latest.validFrom) latest = u;
  }
  return latest;
}

export function childrenOf(s: Snapshot, parentId: number | null, date: string): UnitNode[] {
  return (s.children.get(parentId) ?? []).map((id) => s.units.get(id)!).filter((u) => validOn(u, date));
}

/** Ids of the communes valid on `date` in the subtree of `rootId` (the whole dataset when null). */
export function communesWithin(s: Snapshot, rootId: number | null, date: string): Set<number> {
  const out = new Set<number>();
  const stack = rootId === null ? [...(s.children.get(null) ?? [])] : [rootId];
  while (stack.length) {
    const id = stack.pop()!;
    const unit = s.units.get(id)!;
    if (unit.level === 'commune') {
      if (validOn(unit, date)) out.add(id);
      continue;
    }
    stack.push(...(s.children.get(id) ?? []));
  }
  return out;
}

export function parentCode(s: Snapshot, unit: UnitNode): string | null {
  return unit.parentId === null ? null : s.units.get(unit.parentId)!.code;
}

/** Ancestors from the root down to the unit's parent. */
export function ancestors(s: Snapshot, unit: UnitNode): UnitNode[] {
  const chain: UnitNode[] = [];
  for (let p = unit.parentId; p !== null; p = s.units.get(p)!.parentId) chain.unshift(s.units.get(p)!);
  return chain;
}

/** A unit named as lists show it: code, name and type, with its parent's (a commune and its district). */
export function unitWithParent(s: Snapshot, id: number) {
  const u = s.units.get(id)!;
  const parent = u.parentId === null ? null : s.units.get(u.parentId)!;
  return {
    code: u.code,
    name: u.name,
    type: u.type,
    parent: parent && { code: parent.code, name: parent.name, type: parent.type },
  };
}
