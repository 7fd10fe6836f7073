// An audit trail an insider with SQL access cannot quietly rewrite (issue 14, item 7). The chain is keyed (HMAC with a
// key outside the database) and signed heads are anchored in a file: recomputing the chain the unkeyed way, or
// deleting the newest rows together with the head kept in the database, is told apart from an intact trail.
// Before: both read "intact".
import { createHash, createHmac } from 'node:crypto';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { parse } from 'csv-parse/sync';
import { queryRows } from '../../server/db/client';
import { anchorAuditHead, appendAudit, sealAuditTrail, verifyAuditChain } from '../../server/services/audit';
import { auditSeal, sealFromKey, useAuditSeal, type AuditSeal } from '../../server/services/audit-seal';
import { miniProvince } from '../fixtures/mini-province';
import { createTestApp, type TestApp } from '../helpers/app';
import { signIn } from '../helpers/auth';

const KEY = 'một-khóa-bí-mật-chỉ-máy-chủ-đọc-được-2026';
/** The app rows() and rechainWithoutKey() work on: the first one, then the earlier-version one. */
let t: TestApp;
let main: TestApp;
let saved: AuditSeal;
let anchorFile: string;
/** One anchor file per database, as on a server. */
const anchorHere = () => {
  anchorFile = join(mkdtempSync(join(tmpdir(), 'pcmt-anchor-')), 'anchors.jsonl');
  useAuditSeal(sealFromKey(Buffer.from(KEY), anchorFile));
};

beforeAll(async () => {
  saved = auditSeal();
  anchorHere();
  main = t = await createTestApp(miniProvince);
  for (let i = 0; i < 10; i++)
    await appendAudit(t.database.db, { actorName: `cán bộ ${i}`, action: 'test_write', after: { i } });
});
afterAll(async () => {
  useAuditSeal(saved);
  await main.close();
});

type Row = {
  id: number;
  at: string;
  actor_id: number | null;
  actor_name: string;
  address: string | null;
  action: string;
  entity_type: string | null;
  entity_id: string | null;
  before: unknown;
  after: unknown;
  prev_hash: string | null;
  hash: string;
};
// PostgreSQL returns a bigserial as text to a raw query: ids are read as numbers, as the app does.
const rows = async () =>
  (
    await queryRows<Row>(
      t.database.db,
      sql`select id, at, actor_id, actor_name, address, action, entity_type, entity_id, before, after, prev_hash, hash from audit_log order by id`,
    )
  ).map((r) => ({ ...r, id: Number(r.id) }));
/** What an insider can compute without the key: the row's fields, keys sorted, hashed with SHA-256. */
const sorted = (v: unknown): unknown =>
  v && typeof v === 'object' && !Array.isArray(v)
    ? Object.fromEntries(
        Object.entries(v)
          .sort(([a], [b]) => (a < b ? -1 : 1))
          .map(([k, x]) => [k, sorted(x)]),
      )
    : v;
const unkeyed = (r: Row, prev: string | null) =>
  createHash('sha256')
    .update(
      JSON.stringify([
        prev,
        new Date(r.at).toISOString(),
        r.actor_id,
        r.actor_name,
        r.address,
        r.action,
        r.entity_type,
        r.entity_id,
        sorted(r.before),
        sorted(r.after),
      ]),
    )
    .digest('hex');

/** Recomputes every link from the first row on, the unkeyed way, and moves the head kept in the database. */
async function rechainWithoutKey() {
  let prev: string | null = null;
  let last: Row | undefined;
  for (const r of await rows()) {
    const hash = unkeyed(r, prev);
    await t.database.db.execute(sql`update audit_log set prev_hash = ${prev}, hash = ${hash} where id = ${r.id}`);
    prev = hash;
    last = r;
  }
  await t.database.db.execute(
    sql`update app_meta set value = ${JSON.stringify({ id: last!.id, hash: prev })}::jsonb where key = 'audit_head'`,
  );
}

describe('a keyed, anchored audit trail', () => {
  it('is intact as written, and its export ends with a head signed with the key', async () => {
    expect(await verifyAuditChain(t.database.db)).toMatchObject({ brokenAt: null, reason: null });
    const admin = await signIn(t, 'admin');
    const res = await admin.get('/api/audit/export.csv');
    expect(res.status).toBe(200);
    const table = parse((await res.text()).replace(/^\uFEFF/, ''), { columns: true }) as Record<string, string>[];
    const head = table.at(-1)!;
    expect(head.id).toBe('signed_head');
    const last = (await rows()).at(-1)!;
    expect([Number(head.entity_id), head.hash]).toEqual([last.id, last.hash]);
    const { signature, trail } = JSON.parse(head.after!) as { signature: string; trail: string };
    const first = (await rows())[0]!;
    expect(trail).toBe(first.hash);
    expect(signature).toBe(
      createHmac('sha256', KEY)
        .update(`pcmt-audit-head:${first.hash}:${last.id}:${last.hash}:${head.at}`)
        .digest('hex'),
    );
    const anchored = readFileSync(anchorFile, 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(anchored.at(-1)).toMatchObject({ id: last.id, hash: last.hash, trail, signature });
    expect((await verifyAuditChain(t.database.db)).anchors).toBeGreaterThanOrEqual(1);
  });

  it('tells a row edited and the whole chain recomputed without the key', async () => {
    const target = (await rows())[5]!;
    await t.database.db.execute(sql`update audit_log set actor_name = 'người khác' where id = ${target.id}`);
    await rechainWithoutKey();
    const verdict = await verifyAuditChain(t.database.db);
    expect(verdict.reason).toBe('row');
    expect(verdict.brokenAt).toBe((await rows())[0]!.id); // the first link recomputed without the key
  });
});

describe('deleting the newest rows and the head', () => {
  let u: TestApp;
  beforeAll(async () => {
    anchorHere();
    u = await createTestApp(miniProvince);
    for (let i = 0; i < 5; i++) await appendAudit(u.database.db, { actorName: `cán bộ ${i}`, action: 'test_write' });
  });
  afterAll(() => u.close());

  it('shows against the last signed head anchored outside the database', async () => {
    const anchored = await anchorAuditHead(u.database.db);
    expect(anchored).not.toBeNull();
    const list = await queryRows<{ id: string; hash: string }>(
      u.database.db,
      sql`select id, hash from audit_log order by id`,
    );
    const keep = { id: Number(list.at(-4)!.id), hash: list.at(-4)!.hash };
    await u.database.db.execute(sql`delete from audit_log where id > ${keep.id}`);
    await u.database.db.execute(
      sql`update app_meta set value = ${JSON.stringify({ id: keep.id, hash: keep.hash })}::jsonb where key = 'audit_head'`,
    );
    expect(await verifyAuditChain(u.database.db)).toMatchObject({ brokenAt: anchored!.id, reason: 'anchor' });
  });
});

describe('two databases anchored in one file with one key', () => {
  // As on a host with several PostgreSQL databases and one DATA_DIR: each trail is checked against its own anchors.
  it('checks each trail against its own anchors only, and still tells the newest rows deleted in one of them', async () => {
    anchorHere();
    const a = await createTestApp(miniProvince);
    const b = await createTestApp(miniProvince);
    try {
      for (let i = 0; i < 3; i++) {
        await appendAudit(a.database.db, { actorName: `cán bộ A${i}`, action: 'test_write' });
        await appendAudit(b.database.db, { actorName: `cán bộ B${i}`, action: 'test_write' });
        await anchorAuditHead(a.database.db);
        await anchorAuditHead(b.database.db);
      }
      expect(readFileSync(anchorFile, 'utf8').trim().split('\n').length).toBeGreaterThanOrEqual(6);
      expect(await verifyAuditChain(a.database.db)).toMatchObject({ brokenAt: null, reason: null, anchors: 3 });
      expect(await verifyAuditChain(b.database.db)).toMatchObject({ brokenAt: null, reason: null, anchors: 3 });
      const list = await queryRows<{ id: string; hash: string }>(
        b.database.db,
        sql`select id, hash from audit_log order by id`,
      );
      const keep = list.at(-2)!;
      await b.database.db.execute(sql`delete from audit_log where id > ${keep.id}`);
      await b.database.db.execute(
        sql`update app_meta set value = ${JSON.stringify({ id: Number(keep.id), hash: keep.hash })}::jsonb where key = 'audit_head'`,
      );
      expect(await verifyAuditChain(b.database.db)).toMatchObject({
        brokenAt: Number(list.at(-1)!.id),
        reason: 'anchor',
      });
      expect(await verifyAuditChain(a.database.db)).toMatchObject({ brokenAt: null, reason: null });
    } finally {
      await a.close();
      await b.close();
    }
  });
});

describe('sealing a trail written by an earlier version', () => {
  let v: TestApp;
  beforeAll(async () => {
    anchorHere();
    v = await createTestApp(miniProvince);
    t = v; // rechainWithoutKey and rows() work on this app now
    await rechainWithoutKey(); // as the unkeyed SHA-256 version wrote it
  });
  afterAll(() => v.close());

  it('re-chains it with the key once, recording that the old chain was intact; another key is then reported as such', async () => {
    const before = (await rows()).length;
    await sealAuditTrail(v.database.db);
    await sealAuditTrail(v.database.db); // the second run does nothing
    const after = await rows();
    expect(after.length).toBe(before + 1);
    expect(after.at(-1)).toMatchObject({
      action: 'audit_sealed',
      after: { rows: before, legacyIntact: true, legacyBrokenAt: null },
    });
    expect(await verifyAuditChain(v.database.db)).toMatchObject({ brokenAt: null, reason: null, rows: before + 1 });
    const mine = auditSeal();
    useAuditSeal(sealFromKey(Buffer.from('một-khóa-khác-không-phải-khóa-đã-niêm-phong'), null));
    try {
      expect(await verifyAuditChain(v.database.db)).toMatchObject({ reason: 'key' });
    } finally {
      useAuditSeal(mine);
    }
  });
});
