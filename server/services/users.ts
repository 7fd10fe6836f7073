// User administration, shared by the admin API and the command line: create, update, reset password, list.
import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Role } from '../contracts/permissions';
import { hashPassword, passwordProblem } from '../auth/passwords';
import { deleteUserSessions } from '../auth/sessions';
import type { Db } from '../db/client';
import * as t from '../db/schema';
import { HttpError, notFound } from '../http/errors';
import { appendAudit } from './audit';

export interface AuditActor {
  actorId: number | null;
  actorName: string;
  address: string | null;
}

export interface UserDto {
  id: number;
  username: string;
  displayName: string;
  role: Role;
  active: boolean;
  scopes: string[];
  createdAt: string;
}

const badPassword = (p: { vi: string; en: string }) => new HttpError(400, 'weak_password', p.vi, p.en);

async function unitIdsFor(db: Db, codes: string[]): Promise<number[]> {
  if (!codes.length) return [];
  const rows = await db
    .select({ id: t.adminUnits.id, code: t.adminUnits.code })
    .from(t.adminUnits)
    .where(inArray(t.adminUnits.code, codes));
  const missing = codes.filter((c) => !rows.some((r) => r.code === c));
  if (missing.length)
    throw new HttpError(
      400,
      'unknown_unit',
      `Không có đơn vị: ${missing.join(', ')}`,
      `Unknown units: ${missing.join(', ')}`,
    );
  return rows.map((r) => r.id); // every boundary vintage of a code: a scope survives the 2025 reform where codes stay
}

/** The units a user holds, with their codes (one code may stand for units of several vintages). */
function scopeRows(db: Db, userId: number) {
  return db
    .select({ unitId: t.userScopes.unitId, code: t.adminUnits.code })
    .from(t.userScopes)
    .innerJoin(t.adminUnits, eq(t.adminUnits.id, t.userScopes.unitId))
    .where(eq(t.userScopes.userId, userId));
}

async function scopesOf(db: Db, userId: number): Promise<string[]> {
  return [...new Set((await scopeRows(db, userId)).map((r) => r.code))].sort();
}

async function toDto(db: Db, u: typeof t.users.$inferSelect): Promise<UserDto> {
  return {
    id: u.id,
    username: u.username,
    displayName: u.displayName,
    role: u.role as Role,
    active: u.active,
    scopes: await scopesOf(db, u.id),
    createdAt: new Date(u.createdAt).toISOString(),
  };
}

export async function listUsers(db: Db): Promise<UserDto[]> {
  const rows = await db.select().from(t.users).orderBy(asc(t.users.username));
  return Promise.all(rows.map((u) => toDto(db, u)));
}

export async function countUsers(db: Db): Promise<number> {
  return db.$count(t.users);
}

export async function createUser(
  db: Db,
  input: { username: string; displayName: string; role: Role; password: string; scopes: string[]; demo?: boolean },
  actor: AuditActor,
): Promise<UserDto> {
  const problem = passwordProblem(input.password, input.username);
  if (problem) throw badPassword(problem);
  const passwordHash = await hashPassword(input.password);
  return db.transaction(async (tx) => {
    const unitIds = await unitIdsFor(tx, input.scopes);
    // The unique index decides between parallel creations of one name: the one that does not insert gets a 409.
    const [u] = await tx
      .insert(t.users)
      .values({
        username: input.username,
        displayName: input.displayName,
        role: input.role,
        passwordHash,
        demo: input.demo ?? false,
      })
      .onConflictDoNothing({ target: t.users.username })
      .returning();
    if (!u)
      throw new HttpError(
        409,
        'username_taken',
        `Tên đăng nhập "${input.username}" đã có`,
        `Username "${input.username}" is taken`,
      );
    for (const unitId of unitIds) await tx.insert(t.userScopes).values({ userId: u!.id, unitId });
    const dto = await toDto(tx, u!);
    await appendAudit(tx, { ...actor, action: 'user_create', entityType: 'user', entityId: String(u!.id), after: dto });
    return dto;
  });
}

/** Refuses to demote or deactivate the last active administrator (nobody could manage users after it). The active
 *  administrators are locked, so that two of them demoting each other at once cannot both pass. */
async function keepAnAdministrator(tx: Db, leaving: number) {
  const admins = await tx
    .select({ id: t.users.id })
    .from(t.users)
    .where(and(eq(t.users.role, 'admin'), eq(t.users.active, true)))
    .orderBy(t.users.id)
    .for('update');
  if (!admins.some((a) => a.id !== leaving))
    throw new HttpError(
      409,
      'last_admin',
      'Đây là quản trị viên cuối cùng đang hoạt động: hãy tạo hoặc kích hoạt quản trị viên khác trước',
      'This is the last active administrator: create or activate another administrator first',
    );
}

export async function updateUser(
  db: Db,
  id: number,
  patch: Partial<{ displayName: string; role: Role; active: boolean; scopes: string[] }>,
  actor: AuditActor,
): Promise<UserDto> {
  return db.transaction(async (tx) => {
    const [u] = await tx.select().from(t.users).where(eq(t.users.id, id));
    if (!u) throw notFound({ vi: `Không có người dùng #${id}`, en: `No user #${id}` });
    if (u.role === 'admin' && u.active && ((patch.role && patch.role !== 'admin') || patch.active === false))
      await keepAnAdministrator(tx, id);
    const before = await toDto(tx, u);
    const { scopes, ...fields } = patch;
    if (Object.keys(fields).length) await tx.update(t.users).set(fields).where(eq(t.users.id, id));
    if (scopes) {
      // Units already held under a code still listed stay exactly as they are (a scope carried to a new commune must
      // not widen to an older unit that once had its code); a newly listed code gets every vintage of that code.
      const held = await scopeRows(tx, id);
      const heldCodes = new Set(held.map((h) => h.code));
      const kept = held.filter((h) => scopes.includes(h.code)).map((h) => h.unitId);
      const added = await unitIdsFor(
        tx,
        scopes.filter((c) => !heldCodes.has(c)),
      );
      await tx.delete(t.userScopes).where(eq(t.userScopes.userId, id));
      for (const unitId of new Set([...kept, ...added])) await tx.insert(t.userScopes).values({ userId: id, unitId });
    }
    if (patch.active === false || patch.role) await deleteUserSessions(tx, id); // new rights take effect at next sign-in
    const [after] = await tx.select().from(t.users).where(eq(t.users.id, id));
    const dto = await toDto(tx, after!);
    await appendAudit(tx, {
      ...actor,
      action: 'user_update',
      entityType: 'user',
      entityId: String(id),
      before,
      after: dto,
    });
    return dto;
  });
}

/** Sets a new password (admin reset or the user's own change) and ends the user's other sessions. */
export async function setPassword(
  db: Db,
  id: number,
  password: string,
  actor: AuditActor,
  keepSession?: string,
  action = 'password_reset',
): Promise<void> {
  const [u] = await db.select().from(t.users).where(eq(t.users.id, id));
  if (!u) throw notFound({ vi: `Không có người dùng #${id}`, en: `No user #${id}` });
  const problem = passwordProblem(password, u.username);
  if (problem) throw badPassword(problem);
  const passwordHash = await hashPassword(password);
  await db.transaction(async (tx) => {
    await tx
      .update(t.users)
      .set({ passwordHash, passwordChangedAt: new Date().toISOString() })
      .where(eq(t.users.id, id));
    await deleteUserSessions(tx, id, keepSession);
    await appendAudit(tx, {
      ...actor,
      action,
      entityType: 'user',
      entityId: String(id),
      after: { username: u.username },
    });
  });
}

export async function findUserByName(db: Db, username: string) {
  const [u] = await db.select().from(t.users).where(eq(t.users.username, username));
  return u ?? null;
}
