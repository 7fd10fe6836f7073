// Live streams (issue 14, item 9): capped per session and per user, ended at logout at once, re-reading the user's
// role and area when an administrator changes them, and one write reaching 2,000 streams without a database query
// per stream. Before: no cap, up to a heartbeat (20 s) after logout, the role and area of the moment the stream
// opened, and a session query per stream per write (2,000 streams: 21 s for one write).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { STATUS_TRANSITIONS, type CommuneStatus } from '../../geo/status';
import { miniProvince } from '../fixtures/mini-province';
import { createTestApp, type TestApp } from '../helpers/app';
import { login, signIn, type Client } from '../helpers/auth';
import { sse } from '../helpers/sse';

const NO_HEARTBEAT = { heartbeatMs: 600_000 }; // nothing in these specs may wait for a heartbeat

let day = 0;
/** A proposal for the commune, by a maker who may propose anywhere (any pending one rejected first). */
async function propose(maker: Client, cleaner: Client, code: string): Promise<number> {
  const area = async () =>
    ((await (await maker.get('/api/my-area')).json()) as any).communes.find((c: any) => c.code === code) as {
      status: CommuneStatus;
      baseChangeId: number | null;
      pendingProposalId: number | null;
    };
  const a = await area();
  if (a.pendingProposalId)
    await cleaner.send('POST', `/api/proposals/${a.pendingProposalId}/reject`, { reason: 'Dọn dẹp' });
  const effectiveDate = new Date(Date.UTC(2024, 3, 1) + ++day * 86_400_000).toISOString().slice(0, 10);
  const res = await maker.send('POST', '/api/proposals', {
    commune: code,
    status: STATUS_TRANSITIONS[a.status].find((s) => s !== 'transformed' && s !== a.status)!,
    effectiveDate,
    documentNumber: '7/QĐ-UBND',
    documentDate: effectiveDate,
    baseChangeId: (await area()).baseChangeId,
  });
  expect(res.status, await res.clone().text()).toBe(201);
  return ((await res.json()) as any).id;
}

describe('live streams: caps, logout, changed rights', () => {
  let t: TestApp;
  let admin: Client;
  let maker: Client;
  let cleaner: Client;
  beforeAll(async () => {
    t = await createTestApp(miniProvince, undefined, { streams: { perSession: 2, perUser: 3, ...NO_HEARTBEAT } });
    admin = await signIn(t, 'admin');
    maker = await signIn(t, 'editor', ['98']);
    cleaner = await signIn(t, 'approver', ['98']);
  });
  afterAll(() => t.close());

  it('refuses a third stream of one session and a fourth of one user with 429, and frees a place when one closes', async () => {
    const leader = await signIn(t, 'leader', [], 'lanhdao.caps');
    const first = sse(await leader.get('/api/events'));
    const second = sse(await leader.get('/api/events'));
    await Promise.all([first.until((e) => e.event === 'hello'), second.until((e) => e.event === 'hello')]);
    const third = await leader.get('/api/events');
    expect(third.status).toBe(429);
    const body = (await third.json()) as any;
    expect(body.error.code).toBe('too_many_streams');
    expect(body.error.message.vi).toContain('tối đa 2 cho một phiên');
    const other = await login(t, 'lanhdao.caps');
    const fromOther = sse(await other.get('/api/events'));
    await fromOther.until((e) => e.event === 'hello');
    expect((await other.get('/api/events')).status).toBe(429); // the user's fourth
    await first.close();
    const again = sse(await other.get('/api/events'));
    await again.until((e) => e.event === 'hello');
    await Promise.all([second.close(), fromOther.close(), again.close()]);
  });

  it('ends at logout before the logout answers', async () => {
    const leader = await signIn(t, 'leader');
    const stream = sse(await leader.get('/api/events'));
    await stream.until((e) => e.event === 'hello');
    const out = await leader.send('POST', '/api/auth/logout');
    expect(out.status).toBe(200);
    const seen = await stream.ended(); // no heartbeat in this app: only the logout can end it
    expect(seen.map((e) => e.event)).toEqual(['hello']);
  });

  it('ends when an administrator deactivates the user', async () => {
    const leader = await signIn(t, 'leader', [], 'lanhdao.khoa');
    const stream = sse(await leader.get('/api/events'));
    await stream.until((e) => e.event === 'hello');
    const { users } = (await (await admin.get('/api/users')).json()) as any;
    const id = users.find((u: any) => u.username === 'lanhdao.khoa').id;
    expect((await admin.send('PATCH', `/api/users/${id}`, { active: false })).status).toBe(200);
    await stream.ended();
  });

  it('an editor moved to another district hears that district’s proposals and no longer the old one’s', async () => {
    const editor = await signIn(t, 'editor', ['981'], 'canbo.chuyen');
    const stream = sse(await editor.get('/api/events'));
    await stream.until((e) => e.event === 'hello');
    const { users } = (await (await admin.get('/api/users')).json()) as any;
    const id = users.find((u: any) => u.username === 'canbo.chuyen').id;
    expect((await admin.send('PATCH', `/api/users/${id}`, { scopes: ['982'] })).status).toBe(200);
    const oldDistrict = await propose(maker, cleaner, '98102');
    const newDistrict = await propose(maker, cleaner, '98202');
    const seen = await stream.until((e) => e.event === 'proposal' && e.data.proposalId === newDistrict);
    expect(seen.some((e) => e.event === 'proposal' && e.data.proposalId === oldDistrict)).toBe(false);
    await stream.close();
  });
});

describe('live streams: one write, 2,000 streams', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(miniProvince, undefined, { streams: { perSession: 5000, perUser: 5000, ...NO_HEARTBEAT } });
  });
  afterAll(() => t.close());

  it('reaches every stream with the sessions table locked: no stream queries the database to deliver', async () => {
    const admin = await signIn(t, 'admin');
    const maker = await signIn(t, 'editor', ['98']);
    const cleaner = await signIn(t, 'approver', ['98']);
    expect((await admin.get('/api/statuses')).status).toBe(200); // the snapshot is loaded before the lock
    const streams: ReturnType<typeof sse>[] = [];
    for (let i = 0; i < 2000; i++) streams.push(sse(await admin.get('/api/events')));
    await Promise.all(streams.map((s) => s.until((e) => e.event === 'hello')));
    const id = await propose(maker, cleaner, '98101');
    await t.database.db.transaction(async (tx) => {
      await tx.execute(sql`LOCK TABLE sessions IN ACCESS EXCLUSIVE MODE`);
      await Promise.all(streams.map((s) => s.until((e) => e.event === 'proposal' && e.data.proposalId === id)));
    });
    await Promise.all(streams.map((s) => s.close()));
  }, 180_000);
});
