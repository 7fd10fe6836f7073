// The audit chain under concurrent writers. On PostgreSQL requests run in parallel connections: every append must
// hold the chain lock inside a transaction, or two rows chain onto the same predecessor and the trail reads as
// tampered although nobody touched it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { miniProvince } from '../fixtures/mini-province';
import { createTestApp, type TestApp } from '../helpers/app';
import { signIn, type Client } from '../helpers/auth';
import { queryRows } from '../../server/db/client';
import { appendAudit, verifyAuditChain } from '../../server/services/audit';

let t: TestApp;
let police: Client;

beforeAll(async () => {
  t = await createTestApp(miniProvince);
  police = await signIn(t, 'police');
});
afterAll(() => t.close());

const exportsAudited = async () =>
  Number(
    (
      await queryRows<{ n: number }>(
        t.database.db,
        sql`select count(*)::int as n from audit_log where action = 'export'`,
      )
    )[0]!.n,
  );

describe('audit chain with concurrent writers', () => {
  it('stays one chain when 50 requests append at once (exports, each audited outside any other write)', async () => {
    const before = await exportsAudited();
    const responses = await Promise.all(
      Array.from({ length: 50 }, () => police.get('/api/hotspots/export?format=geojson&date=2024-06-30')),
    );
    expect(responses.map((r) => r.status)).toEqual(Array.from({ length: 50 }, () => 200));
    expect(await exportsAudited()).toBe(before + 50);
    const verdict = await verifyAuditChain(t.database.db);
    expect(verdict.brokenAt).toBeNull();
  });

  it('stays one chain when 50 appends run at once, both on their own and inside other transactions', async () => {
    const db = t.database.db;
    const { rows: before } = await verifyAuditChain(db);
    await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        i % 2
          ? appendAudit(db, { actorName: `người ${i}`, action: 'test_append' })
          : db.transaction((tx) => appendAudit(tx as never, { actorName: `người ${i}`, action: 'test_append' })),
      ),
    );
    expect(await verifyAuditChain(db)).toMatchObject({ brokenAt: null, rows: before + 50 });
  });
});
