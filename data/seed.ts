// First run on an empty database: load the fictional demo province (never on a database holding data).
import { generateDemoDataset } from './demo/generate';
import { isDatabaseEmpty, loadDataset } from './load';
import type { Role } from '../server/contracts/permissions';
import type { Database, Db } from '../server/db/client';
import { readMeta, type DatasetMeta } from '../server/services/meta';
import { eq, inArray, or } from 'drizzle-orm';
import { verifyPassword } from '../server/auth/passwords';
import * as t from '../server/db/schema';
import { appendAudit } from '../server/services/audit';
import { countUsers, createUser } from '../server/services/users';

export async function seedDemoIfEmpty(database: Database, log: (m: string) => void): Promise<boolean> {
  if (!(await isDatabaseEmpty(database.db))) return false;
  const t0 = Date.now();
  const summary = await loadDataset(database.db, generateDemoDataset(), { actor: 'demo-seed' });
  log(
    `Seeded the demo province (fictional data): ${summary.units} units, ${summary.hotspots} hotspots in ${Date.now() - t0} ms`,
  );
  return true;
}

/** One user per role, for the demo province only (never on real data); listed in the README. */
export const DEMO_PASSWORD = 'MinhHoa@2026';
export const DEMO_USERS = [
  { username: 'quantri', displayName: 'Quản trị hệ thống', role: 'admin', scopes: [] },
  { username: 'lanhdao', displayName: 'Lãnh đạo UBND tỉnh', role: 'leader', scopes: [] },
  { username: 'congan', displayName: 'Phòng Cảnh sát điều tra tội phạm về ma túy', role: 'police', scopes: [] },
  { username: 'bientap', displayName: 'Cán bộ huyện Cầu Mây', role: 'editor', scopes: ['993'] },
  { username: 'pheduyet', displayName: 'Ban Chỉ đạo tỉnh', role: 'approver', scopes: ['99'] },
] as const satisfies readonly { username: string; displayName: string; role: Role; scopes: readonly string[] }[];

export async function seedDemoUsers(db: Db, log: (m: string) => void): Promise<boolean> {
  const meta = await readMeta<DatasetMeta>(db, 'dataset');
  if (!meta?.demo || (await countUsers(db)) > 0) return false;
  const actor = { actorId: null, actorName: 'demo-seed', address: null };
  for (const u of DEMO_USERS)
    await createUser(db, { ...u, scopes: [...u.scopes], password: DEMO_PASSWORD, demo: true }, actor);
  log(`Demo users (password ${DEMO_PASSWORD}): ${DEMO_USERS.map((u) => `${u.username} (${u.role})`).join(', ')}`);
  return true;
}

/**
 * A database that is not the demo never holds the demo's accounts: those marked demo, and (installations that replaced
 * the demo before accounts were marked) a demo username still signing in with the published password. Removed with
 * their sessions, audited. Returns the usernames removed.
 */
export async function retireDemoAccounts(db: Db, log: (m: string) => void): Promise<string[]> {
  const meta = await readMeta<DatasetMeta>(db, 'dataset');
  if (meta?.demo) return [];
  const names = DEMO_USERS.map((u) => u.username);
  const candidates = await db
    .select({ id: t.users.id, username: t.users.username, demo: t.users.demo, passwordHash: t.users.passwordHash })
    .from(t.users)
    .where(or(eq(t.users.demo, true), inArray(t.users.username, names)))
    .orderBy(t.users.username);
  const doomed: typeof candidates = [];
  for (const u of candidates) if (u.demo || (await verifyPassword(u.passwordHash, DEMO_PASSWORD))) doomed.push(u);
  if (!doomed.length) return [];
  await db.transaction(async (txn) => {
    const tx = txn as unknown as Db;
    const ids = doomed.map((u) => u.id);
    await tx.delete(t.attachments).where(inArray(t.attachments.uploadedBy, ids));
    await tx.delete(t.users).where(inArray(t.users.id, ids));
    await appendAudit(tx, {
      actorName: 'system',
      action: 'demo_accounts.remove',
      entityType: 'user',
      after: { usernames: doomed.map((u) => u.username) },
    });
  });
  const removed = doomed.map((u) => u.username);
  log(`Demo accounts removed (the database does not hold the demo) / Đã xóa tài khoản mẫu: ${removed.join(', ')}`);
  return removed;
}
