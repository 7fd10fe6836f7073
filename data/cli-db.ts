// Opens the configured database for a command-line tool, with the same lock and migrations as the server.
import { applyMigrations, openPglite, openPostgres, type Database } from '../server/db/client';
import { lockDataDir } from '../server/db/lock';
import { readEnv } from '../server/env';
import { sealAuditTrail } from '../server/services/audit';
import { loadAuditSeal, useAuditSeal } from '../server/services/audit-seal';

export async function withCliDatabase<T>(run: (database: Database) => Promise<T>): Promise<T> {
  const env = readEnv();
  useAuditSeal(loadAuditSeal(env));
  const release = env.DATABASE_URL ? () => {} : lockDataDir(env.DATA_DIR);
  try {
    const database = env.DATABASE_URL ? await openPostgres(env.DATABASE_URL) : await openPglite(env.DATA_DIR);
    try {
      await applyMigrations(database);
      await sealAuditTrail(database.db, (m) => console.log(m));
      return await run(database);
    } finally {
      await database.close();
    }
  } finally {
    release();
  }
}

export function fail(e: unknown): never {
  console.error(e instanceof Error ? e.message : String(e));
  process.exit(1);
}
