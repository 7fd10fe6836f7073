// Reported indicators through the API, computed by hand from the mini province's figures (tests/fixtures): R1 counts
// a year (+5% on the previous one), R2 a quarter's share (over 90%); due 10 days after a period, locked after 30.
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as schema from '../../server/db/schema';
import { miniProvince } from '../fixtures/mini-province';
import { createTestApp, type TestApp } from '../helpers/app';
import { signIn, type Client } from '../helpers/auth';

let t: TestApp;
let leader: Client;
let editor981: Client; // Châu Thành's office
let editor982: Client; // Cầu Kè's office
let approver: Client;
let admin: Client;
const body = async (c: Client, path: string) => {
  const res = await c.get(path);
  expect(res.status, path).toBe(200);
  return res.json() as Promise<any>;
};
const pick = (list: any[], code: string) => list.find((i) => i.code === code);

/** Everyone signs in again (after the clock moves on, sessions have ended). */
async function signInAll() {
  leader = await signIn(t, 'leader');
  editor981 = await signIn(t, 'editor', ['981']);
  editor982 = await signIn(t, 'editor', ['982']);
  approver = await signIn(t, 'approver', ['98']);
  admin = await signIn(t, 'admin');
}

beforeAll(async () => {
  t = await createTestApp(miniProvince);
  await signInAll();
});
const enter = (c: Client, over: Record<string, unknown>) =>
  c.send('POST', '/api/reported/values', { plan: 'p1', code: 'R2', unit: '982', period: '2024-Q2', ...over });
const issues = async (res: Response) => ((await res.json()) as any).error.issues.map((i: any) => i.path);
afterAll(() => t.close());

describe('GET /api/reported', () => {
  it('R1 for 2023 on 30/6/2024: the province 110 + 40 = 150 against 150 × 1.05 = 157.5, behind', async () => {
    const r = await body(leader, '/api/reported?date=2024-06-30');
    const r1 = pick(r.indicators, 'R1');
    expect(r1).toMatchObject({
      periodKey: '2023',
      numerator: 150,
      value: 150,
      bar: 157.5,
      onTrack: false,
      base: { key: '2022', value: 150 },
      start: '2023-01-01',
      end: '2023-12-31',
      due: '2024-01-10',
      locked: true,
    });
    expect(r1.name).toEqual({
      vi: 'Số vụ phạm tội về ma túy được phát hiện, xử lý',
      en: 'Drug crimes detected and handled',
    });
    // By district: Châu Thành 110 against 105 (on track), Cầu Kè 40 against 52.5 (behind).
    const byDistrict = r.children.map((c: any) => [
      c.code,
      c.name,
      pick(c.indicators, 'R1').value,
      pick(c.indicators, 'R1').bar,
      pick(c.indicators, 'R1').onTrack,
    ]);
    expect(byDistrict).toEqual([
      ['981', 'Châu Thành', 110, 105, true],
      ['982', 'Cầu Kè', 40, 52.5, false],
    ]);
  });

  it('R2 for Q1 2024 on 20/4/2024: 9/10 and 18/20 are 27/30 = 90%, not over 90%; one district sent late', async () => {
    const r2 = pick((await body(leader, '/api/reported?date=2024-04-20')).indicators, 'R2');
    expect(r2).toMatchObject({
      periodKey: '2024-Q1',
      numerator: 27,
      denominator: 30,
      value: 0.9,
      bar: 0.9,
      onTrack: false,
      due: '2024-04-10',
    });
    expect(r2.completeness).toEqual({ expected: 2, approved: 2, pending: 0, missing: 0, sentLate: 1, onTime: 1 });
  });

  it('R2 for Q2 2024 on 30/6/2024: nothing approved yet, one waiting, none missing before the due day', async () => {
    const r2 = pick((await body(leader, '/api/reported?date=2024-06-30')).indicators, 'R2');
    expect(r2).toMatchObject({ periodKey: '2024-Q2', value: null, onTrack: null, locked: false });
    expect(r2.completeness).toEqual({ expected: 2, approved: 0, pending: 1, missing: 0, sentLate: 0, onTime: 1 });
  });

  it('within a district, and a year before any period has ended', async () => {
    const r = await body(leader, '/api/reported?date=2024-06-30&unit=982');
    expect(r.unit).toEqual({ code: '982', name: 'Cầu Kè', type: 'Huyện' });
    expect(pick(r.indicators, 'R1')).toMatchObject({ value: 40, bar: 52.5, onTrack: false });
    const early = await body(leader, '/api/reported?date=2021-06-30');
    expect(pick(early.indicators, 'R1')).toMatchObject({ periodKey: null, value: null, completeness: null });
  });
});

describe('entering reported figures (today 30/6/2024, then later)', () => {
  it('refuses a share over 100%, a negative count and another district, naming the field', async () => {
    const over = await enter(editor982, { numerator: 11, denominator: 10 });
    expect(over.status).toBe(400);
    expect(await issues(over)).toEqual(['numerator']);
    const negative = await enter(editor982, { numerator: -1, denominator: 10 });
    expect(negative.status).toBe(400);
    expect(JSON.stringify(await negative.json())).toContain('numerator');
    expect((await enter(editor981, { numerator: 9, denominator: 10 })).status).toBe(403); // 982 is not theirs
    expect((await enter(editor981, { unit: '981', numerator: 9, denominator: 10 })).status).toBe(409); // one waits
    expect((await enter(editor982, { unit: '98201', numerator: 9, denominator: 10 })).status).toBe(422); // communes do not report
  });

  it('asks a note to confirm a jump over 50% from the previous year (110 → 200 cases)', async () => {
    const jump = { code: 'R1', unit: '981', period: '2024', numerator: 200, denominator: null };
    const refused = await enter(editor981, jump);
    expect(refused.status).toBe(400);
    expect(await issues(refused)).toEqual(['note']);
    const confirmed = await enter(editor981, { ...jump, note: 'Đợt cao điểm tháng 5 phát hiện nhiều vụ' });
    expect(confirmed.status, await confirmed.clone().text()).toBe(201);
  });

  it('an approver of the area approves; the figures count; own figures and a second decision are refused', async () => {
    const { values } = (await (
      await approver.get('/api/reported/values?code=R2&period=2024-Q2&state=pending')
    ).json()) as any;
    expect(values.map((v: any) => [v.unit.code, v.numerator, v.denominator, v.author])).toEqual([
      ['981', 10, 10, 'Văn phòng Thường trực huyện'],
    ]);
    const id = values[0].id;
    const ok = await approver.send('POST', `/api/reported/values/${id}/decision`, { decision: 'approve' });
    expect(ok.status, await ok.clone().text()).toBe(200);
    expect((await approver.send('POST', `/api/reported/values/${id}/decision`, { decision: 'approve' })).status).toBe(
      409,
    );
    const r2 = pick((await body(leader, '/api/reported?date=2024-06-30')).indicators, 'R2');
    expect(r2).toMatchObject({ numerator: 10, denominator: 10, value: 1, onTrack: true });
    const own = (await (
      await editor982.send('POST', '/api/reported/values', {
        plan: 'p1',
        code: 'R2',
        unit: '982',
        period: '2024-Q2',
        numerator: 17,
        denominator: 20,
      })
    ).json()) as any;
    // An administrator may enter and decide, but not on their own figures.
    const mine = (await (
      await enter(admin, { code: 'R1', period: '2024', numerator: 42, denominator: null })
    ).json()) as any;
    expect((await admin.send('POST', `/api/reported/values/${mine.id}/decision`, { decision: 'approve' })).status).toBe(
      403,
    );
    expect(
      (await approver.send('POST', `/api/reported/values/${mine.id}/decision`, { decision: 'approve' })).status,
    ).toBe(200);
    const rows = await t.database.db.select().from(schema.reportedValues).where(eq(schema.reportedValues.id, own.id));
    expect(rows[0]!.state).toBe('pending');
    const audit = await t.database.db
      .select()
      .from(schema.auditLog)
      .where(eq(schema.auditLog.entityType, 'reported_value'));
    expect(audit.map((a) => a.action).sort()).toEqual([
      'reported_approve',
      'reported_approve',
      'reported_submit',
      'reported_submit',
      'reported_submit',
    ]);
  });

  it('after the due day a district without figures is missing; figures sent then are late', async () => {
    t.setNow('2024-07-15T03:00:00Z');
    await signInAll();
    const r1 = pick((await body(leader, '/api/reported?date=2024-06-30')).indicators, 'R2');
    // 981 approved on time; 982 sent on 30/6 (pending, on time): none missing.
    expect(r1.completeness).toEqual({ expected: 2, approved: 1, pending: 1, missing: 0, sentLate: 0, onTime: 2 });
    const { values } = (await (
      await approver.get('/api/reported/values?code=R2&period=2024-Q2&state=pending')
    ).json()) as any;
    await approver.send('POST', `/api/reported/values/${values[0].id}/decision`, {
      decision: 'reject',
      reason: 'Sai mẫu số',
    });
    const after = pick((await body(leader, '/api/reported?date=2024-06-30')).indicators, 'R2');
    expect(after.completeness).toMatchObject({ approved: 1, pending: 0, missing: 1 });
    expect((await enter(editor982, { numerator: 18, denominator: 20 })).status).toBe(201);
    const late = pick((await body(leader, '/api/reported?date=2024-06-30')).indicators, 'R2');
    expect(late.completeness).toMatchObject({ pending: 1, missing: 0, sentLate: 1, onTime: 1 });
  });

  it('a locked period refuses figures with 409 until an administrator reopens it, audited', async () => {
    t.setNow('2024-08-05T03:00:00Z'); // Q2 locked from 31/7
    await signInAll();
    const locked = await enter(editor982, {
      code: 'R2',
      unit: '982',
      period: '2024-Q2',
      numerator: 19,
      denominator: 20,
    });
    expect(locked.status).toBe(409);
    expect(((await locked.json()) as any).error.code).toBe('period_locked');
    const reopen = {
      plan: 'p1',
      period: 'quarter',
      key: '2024-Q2',
      until: '2024-08-10',
      reason: 'Bổ sung số liệu quý II',
    };
    expect((await leader.send('POST', '/api/reported/reopenings', reopen)).status).toBe(403);
    expect((await approver.send('POST', '/api/reported/reopenings', reopen)).status).toBe(403);
    const opened = await admin.send('POST', '/api/reported/reopenings', reopen);
    expect(opened.status, await opened.clone().text()).toBe(201);
    const { values } = (await (
      await approver.get('/api/reported/values?code=R2&period=2024-Q2&state=pending')
    ).json()) as any;
    expect(
      (await approver.send('POST', `/api/reported/values/${values[0].id}/decision`, { decision: 'approve' })).status,
    ).toBe(200);
    t.setNow('2024-08-11T03:00:00Z');
    await signInAll();
    expect((await enter(editor982, { numerator: 19, denominator: 20 })).status).toBe(409);
    const audit = await t.database.db
      .select()
      .from(schema.auditLog)
      .where(eq(schema.auditLog.action, 'reporting_reopen'));
    expect(audit.map((a) => [a.entityId, (a.after as any).until])).toEqual([['p1/quarter/2024-Q2', '2024-08-10']]);
  });
});
