// The audit trail: one row per write, chained by HMAC-SHA-256 with a key held outside the database (audit-seal.ts),
// so that an edited or deleted row is detected even by someone who can rewrite the table.
import { createHash } from 'node:crypto';
import { and, asc, desc, eq, lt } from 'drizzle-orm';
import type { Db } from '../db/client';
import { auditLog } from '../db/schema';
import { readMeta, writeMeta } from './meta';
import { spreadsheetCsv } from './csv';
import { LOCKS, takeLock } from '../db/locks';
import { anchorHead, auditSeal, headSignedBy, readAnchors, sealHex, signHead, type SignedHead } from './audit-seal';

/** Who wrote, as an audit row names them: the signed-in user and the address the request came from. */
export const auditedBy = (actor: { principal: { userId: number; username: string }; address: string | null }) => ({
  actorId: actor.principal.userId,
  actorName: actor.principal.username,
  address: actor.address,
});

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
      ? Object.fromEntries(
          Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
        )
      : v,
  );
}

const canonicalRow = (f: ChainFields) =>
  canonicalJson([
    f.prevHash,
    f.at,
    f.actorId,
    f.actorName,
    f.address,
    f.action,
    f.entityType,
    f.entityId,
    f.before,
    f.after,
  ]);

function chainHash(f: ChainFields): string {
  return sealHex(canonicalRow(f));
}

/** The unkeyed SHA-256 chain of earlier versions, read once when the trail is first sealed. */
const legacyHash = (f: ChainFields) => createHash('sha256').update(canonicalRow(f)).digest('hex');

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
    const [row] = await tx
      .insert(auditLog)
      .values({ ...fields, hash })
      .returning({ id: auditLog.id });
    // The head is kept apart from the rows, so that deleting the newest rows (which leaves a valid chain) shows too.
    await writeMeta(tx, AUDIT_HEAD, { id: row!.id, hash });
  });
}
const AUDIT_HEAD = 'audit_head';

export interface AuditVerdict {
  /** The first row that does not match, or null when intact. */
  brokenAt: number | null;
  rows: number;
  /** Why: a row or link recomputed without the key, the head (newest rows deleted), an anchored head no longer in
   *  the table, or a trail sealed with another key than the one configured. */
  reason: 'row' | 'head' | 'anchor' | 'key' | null;
  /** Signed heads checked against the table. */
  anchors: number;
}

interface ChainMeta {
  scheme: 'hmac-sha256';
  keyId: string;
}
const AUDIT_CHAIN = 'audit_chain';

/** Walks the chain with the key, then checks the head kept apart and every anchored head. */
export async function verifyAuditChain(db: Db): Promise<AuditVerdict> {
  const rows = await db.select().from(auditLog).orderBy(asc(auditLog.id));
  const verdict = (brokenAt: number | null, reason: AuditVerdict['reason'], anchors = 0): AuditVerdict => ({
    brokenAt,
    rows: rows.length,
    reason,
    anchors,
  });
  const meta = await readMeta<ChainMeta>(db, AUDIT_CHAIN);
  if (meta && meta.keyId !== auditSeal().keyId) return verdict(rows[0]?.id ?? 0, 'key');
  let prev: string | null = null;
  for (const r of rows) {
    const fields = complete(r as AuditEntry, new Date(r.at).toISOString(), prev);
    if (r.prevHash !== prev || chainHash(fields) !== r.hash) return verdict(r.id, 'row');
    prev = r.hash;
  }
  const head = await readMeta<{ id: number; hash: string }>(db, AUDIT_HEAD);
  const last = rows[rows.length - 1];
  if (head && (!last || last.id !== head.id || last.hash !== head.hash))
    return verdict(last ? last.id : head.id, 'head');
  const byId = new Map(rows.map((r) => [r.id, r.hash]));
  const trail = rows[0]?.hash;
  const anchors = readAnchors().filter((a) => a.keyId === auditSeal().keyId && a.trail === trail);
  for (const a of anchors)
    if (!headSignedBy(a) || byId.get(a.id) !== a.hash) return verdict(a.id, 'anchor', anchors.length);
  return verdict(null, null, anchors.length);
}

/**
 * Seals the trail with the configured key the first time the server or a tool runs with it: rows written by earlier
 * versions (unkeyed SHA-256) are re-chained with the key in one transaction, and a row records whether their old
 * chain was intact. Later runs do nothing (a different key is reported by verify, not re-sealed over).
 */
export async function sealAuditTrail(db: Db, log: (m: string) => void = () => {}): Promise<void> {
  if (await readMeta<ChainMeta>(db, AUDIT_CHAIN)) return;
  await db.transaction(async (txn) => {
    const tx = txn as unknown as Db;
    await takeLock(tx, LOCKS.DATA_WRITES);
    if (await readMeta<ChainMeta>(tx, AUDIT_CHAIN)) return;
    const rows = await tx.select().from(auditLog).orderBy(asc(auditLog.id));
    let legacy: string | null = null;
    let legacyBrokenAt: number | null = null;
    let prev: string | null = null;
    for (const r of rows) {
      const at = new Date(r.at).toISOString();
      if (
        legacyBrokenAt === null &&
        (r.prevHash !== legacy || legacyHash(complete(r as AuditEntry, at, legacy)) !== r.hash)
      )
        legacyBrokenAt = r.id;
      legacy = r.hash;
      const hash = chainHash(complete(r as AuditEntry, at, prev));
      await tx.update(auditLog).set({ prevHash: prev, hash }).where(eq(auditLog.id, r.id));
      prev = hash;
    }
    const last = rows.at(-1);
    if (last) await writeMeta(tx, AUDIT_HEAD, { id: last.id, hash: prev });
    await writeMeta(tx, AUDIT_CHAIN, { scheme: 'hmac-sha256', keyId: auditSeal().keyId } satisfies ChainMeta);
    if (rows.length) {
      log(
        `Audit trail sealed with the configured key: ${rows.length} rows${legacyBrokenAt === null ? '' : `; the old chain was broken at row ${legacyBrokenAt}`}`,
      );
      await appendAudit(tx, {
        actorName: 'system',
        action: 'audit_sealed',
        entityType: 'audit_log',
        after: { rows: rows.length, legacyIntact: legacyBrokenAt === null, legacyBrokenAt },
      });
    }
  });
}

/** The newest row, signed with the key and appended to the anchor file (if it is not already the last anchor). */
export async function anchorAuditHead(db: Db, now: Date = new Date()): Promise<SignedHead | null> {
  const [last] = await db
    .select({ id: auditLog.id, hash: auditLog.hash })
    .from(auditLog)
    .orderBy(desc(auditLog.id))
    .limit(1);
  const [first] = await db.select({ hash: auditLog.hash }).from(auditLog).orderBy(asc(auditLog.id)).limit(1);
  if (!last || !first) return null;
  const head = { id: last.id, hash: last.hash, at: now.toISOString(), trail: first.hash };
  return anchorHead(head) ?? signHead(head);
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
export async function listAudit(
  db: Db,
  q: { before?: number; limit: number; action?: string },
): Promise<AuditRowDto[]> {
  const where = [];
  if (q.before) where.push(lt(auditLog.id, q.before));
  if (q.action) where.push(eq(auditLog.action, q.action));
  const rows = await db
    .select()
    .from(auditLog)
    .where(and(...where))
    .orderBy(desc(auditLog.id))
    .limit(q.limit);
  return rows.map((r) => ({
    id: r.id,
    at: new Date(r.at).toISOString(),
    actor: r.actorName,
    address: r.address,
    action: r.action,
    entityType: r.entityType,
    entityId: r.entityId,
    before: r.before,
    after: r.after,
  }));
}

/** The whole trail as CSV, oldest first, ending with the signed head (also anchored): a printed or filed copy
 *  can later be checked against the table. */
export async function auditCsv(db: Db, now: Date = new Date()): Promise<string> {
  const rows = await db.select().from(auditLog).orderBy(asc(auditLog.id));
  const head = await anchorAuditHead(db, now);
  const headRow = head
    ? [
        [
          'signed_head',
          head.at,
          '',
          '',
          'audit_head',
          'audit_log',
          String(head.id),
          '',
          JSON.stringify({ keyId: head.keyId, trail: head.trail, signature: head.signature }),
          head.hash,
        ],
      ]
    : [];
  return spreadsheetCsv(
    [
      ...rows.map((r) => [
        r.id,
        new Date(r.at).toISOString(),
        r.actorName,
        r.address ?? '',
        r.action,
        r.entityType ?? '',
        r.entityId ?? '',
        JSON.stringify(r.before),
        JSON.stringify(r.after),
        r.hash,
      ]),
      ...headRow,
    ],
    {
      header: true,
      columns: ['id', 'at', 'actor', 'address', 'action', 'entity_type', 'entity_id', 'before', 'after', 'hash'],
    },
  );
}
