// Opens the configured database (PostgreSQL at DATABASE_URL, else PGlite in DATA_DIR under its lock) with the audit
// key in use, for the server and the command-line tools alike.
import { applyMigrations, openPglite, openPostgres, type Database } from './client';
import { lockDataDir } from './lock';
import { readEnv, type Env } from '../env';
import { sealAuditTrail } from '../services/audit';
import { loadAuditSeal, useAuditSeal } from '../services/audit-seal';

export interface OpenDatabase {
  database: Database;
  /** Releases the data-directory lock (nothing on PostgreSQL); after database.close(). */
  release: () => void;
}

/** Opens, migrates and seals the audit trail; the lock is released again if any step fails. */
export async function openConfiguredDatabase(env: Env, log: (m: string) => void = console.log): Promise<OpenDatabase> {
  useAuditSeal(loadAuditSeal(env));
  const release = env.DATABASE_URL ? () => {} : lockDataDir(env.DATA_DIR);
  let database: Database | null = null;
  try {
    database = env.DATABASE_URL ? await openPostgres(env.DATABASE_URL) : await openPglite(env.DATA_DIR);
    await applyMigrations(database);
    await sealAuditTrail(database.db, log);
    return { database, release };
  } catch (e) {
    await database?.close();
    release();
    throw e;
  }
}

/** A command-line tool's run on the configured database, closed and unlocked afterwards. */
export async function withCliDatabase<T>(run: (database: Database) => Promise<T>): Promise<T> {
  const { database, release } = await openConfiguredDatabase(readEnv());
  try {
    return await run(database);
  } finally {
    await database.close();
    release();
  }
}

export function fail(e: unknown): never {
  console.error(e instanceof Error ? e.message : String(e));
  process.exit(1);
}
