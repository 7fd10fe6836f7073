// The lock order of every write transaction. PostgreSQL runs transactions side by side and detects a cycle of
// waits as a deadlock (the request fails); PGlite runs one at a time and hides it. So every write takes its locks
// in this order, and never an earlier one after a later one:
//  1. the rows the write is about, with `select … for update` (a commune for proposals, a hotspot for its events,
//     an operation for its results);
//  2. PLACEMENT, for writes that put a hotspot at a point (create, move): the 50 m duplicate check and the write
//     it allows run under it, so that two creations at one spot cannot both pass the check;
//  3. DATA_WRITES, the data revision counter and the audit chain together: taken by bumpRevision or by appendAudit,
//     whichever a write calls first (taking it twice in one transaction is allowed), and held to the commit.
import { sql } from 'drizzle-orm';
import type { Db } from './client';

export const LOCKS = { PLACEMENT: 727002, DATA_WRITES: 727001 } as const;

/** Takes a transaction-level advisory lock: released when the surrounding transaction ends. Call it inside one. */
export async function takeLock(tx: Db, lock: (typeof LOCKS)[keyof typeof LOCKS]): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(${sql.raw(String(lock))})`);
}
