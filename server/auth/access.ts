// Who may do what, where: roles, their permissions, and the unit subtrees (scopes) a user acts in.
import { eq } from 'drizzle-orm';
import type { Db } from '../db/client';
import { userScopes, users } from '../db/schema';
import { HttpError } from '../http/errors';
import type { Snapshot } from '../services/snapshot';
import { GRANTS, type Permission, type Role } from '../contracts/permissions';

/** Roles whose proposal reads and writes are limited to their scopes; the others see the whole province. */
const SCOPED: readonly Role[] = ['editor', 'approver'];

export interface Principal {
  userId: number;
  username: string;
  displayName: string;
  role: Role;
  /** Unit ids of the subtrees the user acts in. */
  scopeUnitIds: ReadonlySet<number>;
}

export function can(p: Principal, permission: Permission): boolean {
  return GRANTS[p.role].includes(permission);
}

export function demand(p: Principal, permission: Permission): void {
  if (!can(p, permission)) throw forbidden();
}

export const forbidden = () =>
  new HttpError(403, 'forbidden', 'Bạn không có quyền thực hiện thao tác này', 'You are not allowed to do this');

/** Whether the commune lies in one of the user's subtrees (any unit for unscoped roles). */
export function inScope(s: Snapshot, p: Principal, communeId: number): boolean {
  if (!SCOPED.includes(p.role)) return true;
  for (let id: number | null = communeId; id !== null; id = s.units.get(id)?.parentId ?? null)
    if (p.scopeUnitIds.has(id)) return true;
  return false;
}

export function demandScope(s: Snapshot, p: Principal, communeId: number): void {
  if (!inScope(s, p, communeId))
    throw new HttpError(
      403,
      'out_of_scope',
      'Xã này nằm ngoài địa bàn được phân công cho bạn',
      'This commune is outside your assigned area',
    );
}

export async function loadPrincipal(db: Db, userId: number): Promise<Principal | null> {
  const rows = await db.select().from(users).where(eq(users.id, userId));
  const u = rows[0];
  if (!u || !u.active) return null;
  const scopes = await db.select({ unitId: userScopes.unitId }).from(userScopes).where(eq(userScopes.userId, userId));
  return {
    userId: u.id,
    username: u.username,
    displayName: u.displayName,
    role: u.role as Role,
    scopeUnitIds: new Set(scopes.map((x) => x.unitId)),
  };
}
