// Builds the app on a fresh test database loaded with a dataset, with a fixed clock.
import { createApp } from '../../server/app';
import type { Database } from '../../server/db/client';
import { loadDataset } from '../../data/load';
import { createTestDatabase } from './db';

export interface TestApp {
  app: ReturnType<typeof createApp>;
  database: Database;
  logs: string[];
  close(): Promise<void>;
}

export async function createTestApp(dataset: unknown | null, now = '2024-06-30T05:00:00Z'): Promise<TestApp> {
  const database = await createTestDatabase();
  if (dataset !== null) await loadDataset(database.db, dataset);
  const logs: string[] = [];
  const app = createApp({ database, clock: () => new Date(now), log: (m) => logs.push(m) });
  return { app, database, logs, close: () => database.close() };
}
