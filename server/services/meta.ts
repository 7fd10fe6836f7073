// Installation facts in app_meta: dataset meta, and the data revision that invalidates in-memory caches.
import { eq, sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import { LOCKS, takeLock } from '../db/locks';
import { appMeta } from '../db/schema';

export interface DatasetMeta {
  name: string;
  demo: boolean;
  description: string;
}

export async function readMeta<T>(db: Db, key: string): Promise<T | null> {
  const rows = await db.select({ value: appMeta.value }).from(appMeta).where(eq(appMeta.key, key));
  return (rows[0]?.value as T | undefined) ?? null;
}

export async function writeMeta(db: Db, key: string, value: unknown): Promise<void> {
  await db.insert(appMeta).values({ key, value }).onConflictDoUpdate({ target: appMeta.key, set: { value } });
}

/** Bumped in the same transaction as every write of statuses, hotspots, plans or units; under the data-writes lock
 *  (server/db/locks.ts), so that it and the audit append are always locked in one order. */
export async function bumpRevision(db: Db): Promise<void> {
  await takeLock(db, LOCKS.DATA_WRITES);
  await db
    .insert(appMeta)
    .values({ key: 'revision', value: 1 })
    .onConflictDoUpdate({ target: appMeta.key, set: { value: sql`to_jsonb((${appMeta.value})::int + 1)` } });
}

export async function readRevision(db: Db): Promise<number> {
  return (await readMeta<number>(db, 'revision')) ?? 0;
}
