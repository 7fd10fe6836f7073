// The audit trail: one row per write, chained by SHA-256 so that an edited or deleted row is detected.
import { createHash } from 'node:crypto';
import { and, asc, desc, eq, lt, sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import { auditLog } from '../db/schema';
import { readMeta, writeMeta } from './meta';
import { spreadsheetCsv } from './csv';
import { LOCKS, takeLock } from '../db/locks';

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

/**
 * Appends a row. Called with a transaction, the row is part of the write it records; called with the database, it
 * gets its own. Either way the chain lock is taken inside a transaction (a savepoint within the caller's), so it is
 * held until that transaction ends: outside one, PostgreSQL would release it at once and two rows could chain onto
 * the same predecessor (a false "tampered"). PGlite runs one transaction at a time and hides this.
 */
export async function appendAudit(db: Db, entry: AuditEntry, at: Date = new Date()): Promise<void> {
  await db.transaction(async (txn) => {
    const tx = txn as unknown as Db;
    await takeLock(tx, LOCKS.DATA_WRITES);
    const last = await tx.select({ hash: auditLog.hash }).from(auditLog).orderBy(desc(auditLog.id)).limit(1);
    const fields = complete(entry, at.toISOString(), last[0]?.hash ?? null);
    const hash = chainHash(fields);
    const [row] = await tx.insert(auditLog).values({ ...fields, hash }).returning({ id: auditLog.id });
    // The head is kept apart from the rows, so that deleting the newest rows (which leaves a valid chain) shows too.
    await writeMeta(tx, AUDIT_HEAD, { id: row!.id, hash });
  });
}
const AUDIT_HEAD = 'audit_head';

/** Walks the chain; returns the id of the first row that does not match, or null when intact. */
export async function verifyAuditChain(db: Db): Promise<{ brokenAt: number | null; rows: number }> {
  const rows = await db.select().from(auditLog).orderBy(asc(auditLog.id));
  let prev: string | null = null;
  for (const r of rows) {
    const fields = complete(r as AuditEntry, new Date(r.at).toISOString(), prev);
    if (r.prevHash !== prev || chainHash(fields) !== r.hash) return { brokenAt: r.id, rows: rows.length };
    prev = r.hash;
  }
  const head = await readMeta<{ id: number; hash: string }>(db, AUDIT_HEAD);
  const last = rows[rows.length - 1];
  if (head && (!last || last.id !== head.id || last.hash !== head.hash)) return { brokenAt: last ? last.id : head.id, rows: rows.length };
  return { brokenAt: null, rows: rows.length };
}

export interface AuditRowDto {
  id: number;
  at: string;
  actor: string;
  address: string | null;
  action: string;
  entityType: string | null;
  entityId: string | null;
  before: unknown;
  after: unknown;
}

/** Newest first, a page at a time (`before` = the smallest id already shown). */
export async function listAudit(db: Db, q: { before?: number; limit: number; action?: string }): Promise<AuditRowDto[]> {
  const where = [];
  if (q.before) where.push(lt(auditLog.id, q.before));
  if (q.action) where.push(eq(auditLog.action, q.action));
  const rows = await db.select().from(auditLog).where(and(...where)).orderBy(desc(auditLog.id)).limit(q.limit);
  return rows.map((r) => ({
    id: r.id, at: new Date(r.at).toISOString(), actor: r.actorName, address: r.address, action: r.action,
    entityType: r.entityType, entityId: r.entityId, before: r.before, after: r.after,
  }));
}

/** The whole trail as CSV, oldest first. */
export async function auditCsv(db: Db): Promise<string> {
  const rows = await db.select().from(auditLog).orderBy(asc(auditLog.id));
  return spreadsheetCsv(
    rows.map((r) => [r.id, new Date(r.at).toISOString(), r.actorName, r.address ?? '', r.action, r.entityType ?? '', r.entityId ?? '', JSON.stringify(r.before), JSON.stringify(r.after), r.hash]),
    { header: true, columns: ['id', 'at', 'actor', 'address', 'action', 'entity_type', 'entity_id', 'before', 'after', 'hash'] },
  );
}
