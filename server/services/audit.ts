// The audit trail: one row per write, chained by SHA-256 so that an edited or deleted row is detected.
import { createHash } from 'node:crypto';
import { asc, desc, sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import { auditLog } from '../db/schema';

export interface AuditEntry {
  actorId?: number | null;
  actorName: string;
  address?: string | null;
  action: string;
  entityType?: string | null;
  entityId?: string | null;
  before?: unknown;
  after?: unknown;
}

type ChainFields = Required<AuditEntry> & { at: string; prevHash: string | null };

/** JSON with object keys sorted: jsonb does not keep key order, the hash must not depend on it. */
function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  );
}

function chainHash(f: ChainFields): string {
  const canonical = canonicalJson([
    f.prevHash, f.at, f.actorId, f.actorName, f.address, f.action, f.entityType, f.entityId, f.before, f.after,
  ]);
  return createHash('sha256').update(canonical).digest('hex');
}

function complete(entry: AuditEntry, at: string, prevHash: string | null): ChainFields {
  return {
    actorId: entry.actorId ?? null,
    actorName: entry.actorName,
    address: entry.address ?? null,
    action: entry.action,
    entityType: entry.entityType ?? null,
    entityId: entry.entityId ?? null,
    before: entry.before ?? null,
    after: entry.after ?? null,
    at,
    prevHash,
  };
}

/** Appends a row; call inside the transaction of the write it records. */
export async function appendAudit(db: Db, entry: AuditEntry, at: Date = new Date()): Promise<void> {
  // Serialises writers so two rows never chain onto the same predecessor.
  await db.execute(sql`select pg_advisory_xact_lock(727001)`);
  const last = await db.select({ hash: auditLog.hash }).from(auditLog).orderBy(desc(auditLog.id)).limit(1);
  const fields = complete(entry, at.toISOString(), last[0]?.hash ?? null);
  await db.insert(auditLog).values({ ...fields, hash: chainHash(fields) });
}

/** Walks the chain; returns the id of the first row that does not match, or null when intact. */
export async function verifyAuditChain(db: Db): Promise<{ brokenAt: number | null; rows: number }> {
  const rows = await db.select().from(auditLog).orderBy(asc(auditLog.id));
  let prev: string | null = null;
  for (const r of rows) {
    const fields = complete(r as AuditEntry, new Date(r.at).toISOString(), prev);
    if (r.prevHash !== prev || chainHash(fields) !== r.hash) return { brokenAt: r.id, rows: rows.length };
    prev = r.hash;
  }
  return { brokenAt: null, rows: rows.length };
}
