// The unit tree one level at a time, for the breadcrumb and district lists.
import type { UnitSummary } from '../contracts/api';
import { notFound } from '../http/errors';
import type { Snapshot } from './snapshot';
import { childrenOf, communesWithin, findUnit, parentCode } from './units';

export function unitChildren(s: Snapshot, parent: string | undefined, date: string): UnitSummary[] {
  let parentId: number | null = null;
  if (parent !== undefined) {
    const unit = findUnit(s, parent, date);
    if (!unit) throw notFound({ vi: `Không có đơn vị ${parent}`, en: `No unit ${parent}` });
    parentId = unit.id;
  }
  return childrenOf(s, parentId, date).map((u) => ({
    code: u.code,
    name: u.name,
    type: u.type,
    level: u.level,
    parentCode: parentCode(s, u),
    communeCount: communesWithin(s, u.id, date).size,
    hasChildren: childrenOf(s, u.id, date).length > 0,
  }));
}
