// First run on an empty database: load the fictional demo province (never on a database holding data).
import { generateDemoDataset } from '../data/demo/generate';
import { isDatabaseEmpty, loadDataset } from '../data/load';
import type { Role } from './auth/access';
import type { Database, Db } from './db/client';
import { readMeta, type DatasetMeta } from './services/meta';
import { countUsers, createUser } from './services/users';

export async function seedDemoIfEmpty(database: Database, log: (m: string) => void): Promise<boolean> {
  if (!(await isDatabaseEmpty(database.db))) return false;
  const t0 = Date.now();
  const summary = await loadDataset(database.db, generateDemoDataset(), { actor: 'demo-seed' });
  log(`Seeded the demo province (fictional data): ${summary.units} units, ${summary.hotspots} hotspots in ${Date.now() - t0} ms`);
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
  for (const u of DEMO_USERS) await createUser(db, { ...u, scopes: [...u.scopes], password: DEMO_PASSWORD }, actor);
  log(`Demo users (password ${DEMO_PASSWORD}): ${DEMO_USERS.map((u) => `${u.username} (${u.role})`).join(', ')}`);
  return true;
}
