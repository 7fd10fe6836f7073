// Users' areas across a boundary change: a scope on a unit that closes extends to the new communes its old communes
// became (by the crosswalk links), so district and commune staff keep their territory without being given more
// than what their old communes became. The old scope stays, for dates before the change.
import { inArray } from 'drizzle-orm';
import type { Db } from '../db/client';
import * as t from '../db/schema';

interface ClosedUnit {
  id: number;
  level: string;
  parentId: number | null;
}

/** Adds the new communes to every scope on a closed unit; returns how many scopes were added. */
export async function carryScopes(
  tx: Db,
  closed: ClosedUnit[],
  links: { oldId: number; newId: number }[],
): Promise<number> {
  if (!closed.length || !links.length) return 0;
  const scopes = await tx
    .select()
    .from(t.userScopes)
    .where(
      inArray(
        t.userScopes.unitId,
        closed.map((u) => u.id),
      ),
    );
  if (!scopes.length) return 0;
  const childrenOf = new Map<number, number[]>();
  for (const u of closed)
    if (u.parentId !== null) childrenOf.set(u.parentId, [...(childrenOf.get(u.parentId) ?? []), u.id]);
  const newOf = new Map<number, number[]>();
  for (const l of links) newOf.set(l.oldId, [...(newOf.get(l.oldId) ?? []), l.newId]);
  // The new communes of a unit: those of each old commune in its subtree.
  const newCommunes = (id: number): number[] => [
    ...(newOf.get(id) ?? []),
    ...(childrenOf.get(id) ?? []).flatMap(newCommunes),
  ];
  const rows = new Map<string, { userId: number; unitId: number }>();
  for (const s of scopes)
    for (const unitId of newCommunes(s.unitId)) rows.set(`${s.userId}|${unitId}`, { userId: s.userId, unitId });
  if (!rows.size) return 0;
  const added = await tx
    .insert(t.userScopes)
    .values([...rows.values()])
    .onConflictDoNothing()
    .returning({ userId: t.userScopes.userId });
  return added.length;
}
