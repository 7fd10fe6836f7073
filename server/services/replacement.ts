// Replacing the dataset (a dataset load with --replace, or real boundaries replacing the demo): what happens to the
// people. The demo's published accounts go with the demo, in the same transaction, with their sessions. Every other
// user keeps the parts of their area whose unit codes exist in the new data; the rest is reported by user, before the
// replacement is confirmed and in its result, so that nobody silently loses their territory.
import { eq, inArray } from 'drizzle-orm';
import type { Db } from '../db/client';
import { clearDataset } from '../db/clear';
import * as t from '../db/schema';

export interface UserArea {
  username: string;
  /** Unit codes kept (they exist in the new data). */
  kept: string[];
  /** Unit codes dropped (no unit has them in the new data). */
  dropped: string[];
}

export interface AreaReport {
  /** Demo accounts removed with the demo (their sessions end). */
  demoAccountsRemoved: string[];
  /** Users whose area lost at least one unit code; those who kept all of it are not listed. */
  dropped: UserArea[];
  /** Scope codes carried over, over all users. */
  carried: number;
}

interface HeldScope {
  userId: number;
  username: string;
  demo: boolean;
  code: string;
}

async function heldScopes(db: Db): Promise<HeldScope[]> {
  const rows = await db
    .selectDistinct({ userId: t.users.id, username: t.users.username, demo: t.users.demo, code: t.adminUnits.code })
    .from(t.userScopes)
    .innerJoin(t.users, eq(t.users.id, t.userScopes.userId))
    .innerJoin(t.adminUnits, eq(t.adminUnits.id, t.userScopes.unitId));
  return rows;
}

async function demoAccounts(db: Db): Promise<{ id: number; username: string }[]> {
  return db
    .select({ id: t.users.id, username: t.users.username })
    .from(t.users)
    .where(eq(t.users.demo, true))
    .orderBy(t.users.username);
}

function plan(
  scopes: HeldScope[],
  demo: { username: string }[],
  removeDemo: boolean,
  newCodes: ReadonlySet<string>,
): AreaReport {
  const byUser = new Map<string, UserArea>();
  for (const s of scopes) {
    if (removeDemo && s.demo) continue;
    const area = byUser.get(s.username) ?? { username: s.username, kept: [], dropped: [] };
    (newCodes.has(s.code) ? area.kept : area.dropped).push(s.code);
    byUser.set(s.username, area);
  }
  const areas = [...byUser.values()]
    .map((a) => ({ ...a, kept: a.kept.sort(), dropped: a.dropped.sort() }))
    .sort((a, b) => a.username.localeCompare(b.username));
  return {
    demoAccountsRemoved: removeDemo ? demo.map((u) => u.username) : [],
    dropped: areas.filter((a) => a.dropped.length),
    carried: areas.reduce((n, a) => n + a.kept.length, 0),
  };
}

/** What a replacement by units with `newCodes` would do to users, writing nothing. */
export async function previewReplacement(
  db: Db,
  newCodes: ReadonlySet<string>,
  options: { removeDemoAccounts: boolean },
): Promise<AreaReport> {
  return plan(await heldScopes(db), await demoAccounts(db), options.removeDemoAccounts, newCodes);
}

export interface ClearedDataset {
  scopes: HeldScope[];
  demo: { id: number; username: string }[];
  removeDemoAccounts: boolean;
}

/** Inside the replacing transaction: remembers users' areas by code, empties the dataset, removes demo accounts. */
export async function clearForReplacement(tx: Db, options: { removeDemoAccounts: boolean }): Promise<ClearedDataset> {
  const scopes = await heldScopes(tx);
  const demo = options.removeDemoAccounts ? await demoAccounts(tx) : [];
  await clearDataset(tx);
  if (demo.length) {
    const ids = demo.map((u) => u.id);
    // Their uploads belonged to demo proposals, which the clear emptied; sessions and scopes go by cascade.
    await tx.delete(t.attachments).where(inArray(t.attachments.uploadedBy, ids));
    await tx.delete(t.users).where(inArray(t.users.id, ids));
  }
  return { scopes, demo, removeDemoAccounts: options.removeDemoAccounts };
}

/** After the new units are written: users' areas back on every unit holding a kept code; the report. */
export async function restoreAreas(tx: Db, cleared: ClearedDataset): Promise<AreaReport> {
  const kept = cleared.scopes.filter((s) => !(cleared.removeDemoAccounts && s.demo));
  const codes = [...new Set(kept.map((s) => s.code))];
  const units = codes.length
    ? await tx
        .select({ id: t.adminUnits.id, code: t.adminUnits.code })
        .from(t.adminUnits)
        .where(inArray(t.adminUnits.code, codes))
    : [];
  const unitsOf = new Map<string, number[]>();
  for (const u of units) unitsOf.set(u.code, [...(unitsOf.get(u.code) ?? []), u.id]);
  // Every vintage of a code, as saving a user does.
  const rows = kept.flatMap((s) => (unitsOf.get(s.code) ?? []).map((unitId) => ({ userId: s.userId, unitId })));
  for (let i = 0; i < rows.length; i += 1000)
    await tx
      .insert(t.userScopes)
      .values(rows.slice(i, i + 1000))
      .onConflictDoNothing();
  return plan(cleared.scopes, cleared.demo, cleared.removeDemoAccounts, new Set(unitsOf.keys()));
}

/** The report in both languages, a line per user (CLI and logs). */
export function formatAreaReport(r: AreaReport): string[] {
  return [
    r.demoAccountsRemoved.length
      ? `Tài khoản mẫu bị xóa / demo accounts removed: ${r.demoAccountsRemoved.join(', ')}`
      : 'Không có tài khoản mẫu / no demo accounts',
    `Địa bàn giữ theo mã / area codes carried over: ${r.carried}`,
    ...(r.dropped.length
      ? [
          `Người dùng mất một phần địa bàn / users whose area is dropped (${r.dropped.length}):`,
          ...r.dropped.map(
            (a) =>
              `  ${a.username}: mất / dropped ${a.dropped.join(', ')}${a.kept.length ? `; giữ / kept ${a.kept.join(', ')}` : ''}`,
          ),
        ]
      : ['Không người dùng nào mất địa bàn / no user loses any area']),
  ];
}
