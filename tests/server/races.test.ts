// Parallel writers, 16 per case, through the API: on PostgreSQL (the suite's second run) they run side by side
// and every lock order, check-then-write and unique rule is put to the test; on PGlite they run one at a time and
// the same outcomes must hold. No 500, nothing written twice, the audit chain intact.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq, like } from 'drizzle-orm';
import * as t from '../../server/db/schema';
import { verifyAuditChain } from '../../server/services/audit';
import { miniProvince } from '../fixtures/mini-province';
import { createTestApp, type TestApp } from '../helpers/app';
import { signIn, type Client } from '../helpers/auth';

const N = 16;
let app: TestApp;
let police: Client;
let admin: Client;
beforeAll(async () => {
  app = await createTestApp(miniProvince);
  police = await signIn(app, 'police');
  admin = await signIn(app, 'admin');
});
afterAll(() => app.close());

const statuses = (responses: Response[]) => responses.map((r) => r.status).sort();
const hotspot = (location: [number, number], address: string, acknowledgeDuplicates = false) =>
  police.send('POST', '/api/hotspots', {
    location,
    address,
    kind: 'diem',
    activities: ['selling'],
    detectedOn: '2024-06-01',
    note: '',
    acknowledgeDuplicates,
  });

describe(`${N} parallel writers`, () => {
  it('create hotspots that raise relapse signals beside others that do not: all saved, no deadlock', async () => {
    // Tân An (98101) is transformed on 1/6/2024: each detection raises a signal (audit before the revision);
    // Phước Hưng (98201) is complex: none (revision before the audit). Before the lock order: 500 "deadlock detected".
    const responses = await Promise.all([
      ...Array.from({ length: N }, (_, i) => hotspot([106.01 + i * 0.005, 10.03], `Tân An ${i}`)),
      ...Array.from({ length: N }, (_, i) => hotspot([106.01 + i * 0.005, 10.13], `Phước Hưng ${i}`)),
    ]);
    expect(statuses(responses)).toEqual(Array(2 * N).fill(201));
    const flags = await app.database.db.select().from(t.reviewFlags).where(eq(t.reviewFlags.eventKind, 'detected'));
    expect(flags).toHaveLength(N);
    expect(await verifyAuditChain(app.database.db)).toMatchObject({ brokenAt: null });
  });

  it('create hotspots at one spot: one is saved, the others are told it is a likely duplicate', async () => {
    const spot: [number, number] = [106.17, 10.03]; // Hòa Lợi, 2 km from its only hotspot
    const responses = await Promise.all(
      Array.from({ length: N }, (_, i) => hotspot([spot[0] + i * 1e-5, spot[1]], `Cùng chỗ ${i}`)),
    );
    expect(statuses(responses)).toEqual([201, ...Array(N - 1).fill(409)]);
    const rows = await app.database.db.select().from(t.hotspots).where(like(t.hotspots.address, 'Cùng chỗ %'));
    expect(rows).toHaveLength(1);
  });

  it('record the results of one operation: one is accepted, the others are told they are recorded', async () => {
    const created = await police.send('POST', '/api/operations', {
      name: 'Đợt song song',
      startDate: '2024-06-01',
      endDate: '2024-06-30',
      area: { type: 'circle', center: [106.15, 10.05], radiusM: 3000 },
      units: ['Công an huyện'],
      targetHotspotIds: [],
    });
    expect(created.status).toBe(201);
    const { id } = (await created.json()) as { id: number };
    const responses = await Promise.all(
      Array.from({ length: N }, (_, i) =>
        police.send('POST', `/api/operations/${id}/results`, { arrested: i, cases: 1, seizures: [], eliminated: [] }),
      ),
    );
    expect(statuses(responses)).toEqual([200, ...Array(N - 1).fill(409)]);
    const audited = await app.database.db.select().from(t.auditLog).where(eq(t.auditLog.action, 'operation_results'));
    expect(audited).toHaveLength(1);
  });

  it('create one username: one account, the others get 409 naming it', async () => {
    const responses = await Promise.all(
      Array.from({ length: N }, () =>
        admin.send('POST', '/api/users', {
          username: 'trung.ten',
          displayName: 'Trùng tên',
          role: 'leader',
          password: 'Mat-khau-dai-2024',
          scopes: [],
        }),
      ),
    );
    expect(statuses(responses)).toEqual([201, ...Array(N - 1).fill(409)]);
    const refused = (await responses.find((r) => r.status === 409)!.json()) as {
      error: { code: string; message: { en: string } };
    };
    expect(refused.error).toMatchObject({ code: 'username_taken', message: { en: 'Username "trung.ten" is taken' } });
    expect(await verifyAuditChain(app.database.db)).toMatchObject({ brokenAt: null });
  });

  it("enter one district's figures for one period, then approve them twice over: one entry, one approval", async () => {
    const editor = await signIn(app, 'editor', ['982']);
    const approvers = await Promise.all([signIn(app, 'approver', ['98']), signIn(app, 'approver', ['98'])]);
    const entry = { plan: 'p1', code: 'R1', unit: '982', period: '2024', numerator: 41 };
    const responses = await Promise.all(
      Array.from({ length: N }, () => editor.send('POST', '/api/reported/values', entry)),
    );
    expect(statuses(responses)).toEqual([201, ...Array(N - 1).fill(409)]);
    const [created] = await Promise.all(responses.filter((r) => r.status === 201).map((r) => r.json() as Promise<any>));
    const decisions = await Promise.all(
      Array.from({ length: N }, (_, i) =>
        approvers[i % 2]!.send('POST', `/api/reported/values/${created.id}/decision`, { decision: 'approve' }),
      ),
    );
    expect(statuses(decisions)).toEqual([200, ...Array(N - 1).fill(409)]);
    const rows = await app.database.db.select().from(t.reportedValues).where(eq(t.reportedValues.periodKey, '2024'));
    expect(rows.map((r) => [r.numerator, r.state])).toEqual([[41, 'approved']]);
    expect(await verifyAuditChain(app.database.db)).toMatchObject({ brokenAt: null });
  });
});
