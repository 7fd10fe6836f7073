// Builds the app on a fresh test database loaded with a dataset, with a clock the test can move.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApp, type AppOptions } from '../../server/app';
import type { Database } from '../../server/db/client';
import { loadDataset } from '../../data/load';
import { createTestDatabase } from './db';

export interface TestApp {
  app: ReturnType<typeof createApp>;
  database: Database;
  logs: string[];
  attachmentsDir: string;
  /** Moves the clock (ISO instant). */
  setNow(iso: string): void;
  close(): Promise<void>;
}

export async function createTestApp(
  dataset: unknown | null,
  now = '2024-06-30T05:00:00Z',
  options: Partial<AppOptions> = {},
): Promise<TestApp> {
  const database = await createTestDatabase();
  if (dataset !== null) await loadDataset(database.db, dataset);
  const logs: string[] = [];
  let current = new Date(now);
  const attachmentsDir = mkdtempSync(join(tmpdir(), 'pcmt-att-'));
  const app = createApp({ database, clock: () => current, log: (m) => logs.push(m), attachmentsDir, ...options });
  return {
    app,
    database,
    logs,
    attachmentsDir,
    setNow: (iso) => (current = new Date(iso)),
    close: () => database.close(),
  };
}
