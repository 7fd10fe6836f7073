// First run on an empty database: load the fictional demo province (never on a database holding data).
import { generateDemoDataset } from '../data/demo/generate';
import { isDatabaseEmpty, loadDataset } from '../data/load';
import type { Database } from './db/client';

export async function seedDemoIfEmpty(database: Database, log: (m: string) => void): Promise<boolean> {
  if (!(await isDatabaseEmpty(database.db))) return false;
  const t0 = Date.now();
  const summary = await loadDataset(database.db, generateDemoDataset(), { actor: 'demo-seed' });
  log(`Seeded the demo province (fictional data): ${summary.units} units, ${summary.hotspots} hotspots in ${Date.now() - t0} ms`);
  return true;
}
