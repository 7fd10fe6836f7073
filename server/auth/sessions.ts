// Server-side sessions: created at login, refused after an idle period or an absolute lifetime, deleted at logout.
import { and, eq, inArray, lt, ne } from 'drizzle-orm';
import type { Db } from '../db/client';
import { sessions, users } from '../db/schema';
import { randomToken, sha256Hex } from './tokens';

export interface SessionPolicy {
  idleMs: number;
  absoluteMs: number;
}

export const DEFAULT_SESSION_POLICY: SessionPolicy = { idleMs: 30 * 60_000, absoluteMs: 12 * 3600_000 };

/** Writing last_seen on every request would make every read a write: once a minute is precise enough for idle expiry. */
export const TOUCH_EVERY_MS = 60_000;

export interface SessionRecord {
  tokenHash: string;
  userId: number;
  csrfToken: string;
  expiresAt: Date;
  /** When the session was last seen as recorded (after this request's touch). */
  lastSeenAt: Date;
}

export async function createSession(db: Db, userId: number, address: string | null, now: Date, policy: SessionPolicy) {
  const token = randomToken();
  const csrfToken = randomToken();
  const expiresAt = new Date(now.getTime() + policy.absoluteMs);
  await db.insert(sessions).values({
    tokenHash: sha256Hex(token),
    userId,
    csrfToken,
    address,
    createdAt: now.toISOString(),
    lastSeenAt: now.toISOString(),
    expiresAt: expiresAt.toISOString(),
  });
  return { token, csrfToken, expiresAt };
}

/** The live session for a cookie token, or null (unknown, expired, idle too long, or its user deactivated). */
export async function findSession(
  db: Db,
  token: string,
  now: Date,
  policy: SessionPolicy,
): Promise<SessionRecord | null> {
  const tokenHash = sha256Hex(token);
  const rows = await db
    .select({ s: sessions, active: users.active })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(eq(sessions.tokenHash, tokenHash));
  const row = rows[0];
  if (!row) return null;
  const lastSeen = new Date(row.s.lastSeenAt).getTime();
  const expired = now.getTime() >= new Date(row.s.expiresAt).getTime() || now.getTime() - lastSeen >= policy.idleMs;
  if (expired || !row.active) {
    await db.delete(sessions).where(eq(sessions.tokenHash, tokenHash));
    return null;
  }
  const touch = now.getTime() - lastSeen >= TOUCH_EVERY_MS;
  if (touch) await db.update(sessions).set({ lastSeenAt: now.toISOString() }).where(eq(sessions.tokenHash, tokenHash));
  return {
    tokenHash,
    userId: row.s.userId,
    csrfToken: row.s.csrfToken,
    expiresAt: new Date(row.s.expiresAt),
    lastSeenAt: touch ? now : new Date(lastSeen),
  };
}

export async function deleteSession(db: Db, tokenHash: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.tokenHash, tokenHash));
}

/** After a password change or reset: every other session of the user ends. */
export async function deleteUserSessions(db: Db, userId: number, except?: string): Promise<void> {
  await db
    .delete(sessions)
    .where(and(eq(sessions.userId, userId), except ? ne(sessions.tokenHash, except) : undefined));
}

export async function purgeExpiredSessions(db: Db, now: Date): Promise<void> {
  await db.delete(sessions).where(lt(sessions.expiresAt, now.toISOString()));
}

/** For long-lived streams: which of these sessions still exist within their idle and absolute limits, with their user. */
export async function liveSessionsAmong(
  db: Db,
  tokenHashes: string[],
  now: Date,
  policy: SessionPolicy,
): Promise<Map<string, number>> {
  const live = new Map<string, number>();
  if (!tokenHashes.length) return live;
  const rows = await db
    .select({
      tokenHash: sessions.tokenHash,
      userId: sessions.userId,
      lastSeenAt: sessions.lastSeenAt,
      expiresAt: sessions.expiresAt,
      active: users.active,
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(inArray(sessions.tokenHash, tokenHashes));
  for (const r of rows)
    if (
      r.active &&
      now.getTime() < new Date(r.expiresAt).getTime() &&
      now.getTime() - new Date(r.lastSeenAt).getTime() < policy.idleMs
    )
      live.set(r.tokenHash, r.userId);
  return live;
}
