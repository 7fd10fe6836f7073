// The status workflow through the API: every allowed and forbidden transition, concurrency, approval's effect on
// the map and indicators, corrections, rejections, and the audit chain catching direct database edits.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { COMMUNE_STATUSES, STATUS_TRANSITIONS, type CommuneStatus } from '../../geo/status';
import { verifyAuditChain } from '../../server/services/audit';
import { miniProvince } from '../fixtures/mini-province';
import { createTestApp, type TestApp } from '../helpers/app';
import { signIn, type Client } from '../helpers/auth';

let t: TestApp;
let editor: Client;
let approver: Client;

beforeAll(async () => {
  t = await createTestApp(miniProvince);
  editor = await signIn(t, 'editor', ['981', '982']);
  approver = await signIn(t, 'approver', ['98']);
});
afterAll(() => t.close());

async function current(code: string) {
  const res = await editor.get('/api/my-area');
  const area = (await res.json()) as {
    communes: { code: string; status: CommuneStatus | null; baseChangeId: number | null }[];
  };
  return area.communes.find((c) => c.code === code)!;
}

let day = 0;
/** Distinct effective dates after every fixture record and before "today" (30/06/2024). */
const nextDate = () => {
  const d = new Date(Date.UTC(2024, 2, 1) + ++day * 86_400_000);
  return d.toISOString().slice(0, 10);
};

const body = (
  commune: string,
  status: CommuneStatus,
  baseChangeId: number | null,
  extra: Record<string, unknown> = {},
) => ({
  commune,
  status,
  effectiveDate: nextDate(),
  documentNumber: '15/QĐ-UBND',
  documentDate: '2024-02-03',
  note: 'Theo kết quả rà soát',
  baseChangeId,
  ...extra,
});

async function propose(code: string, status: CommuneStatus, extra: Record<string, unknown> = {}) {
  const base = (await current(code)).baseChangeId;
  return editor.send('POST', '/api/proposals', body(code, status, base, extra));
}

async function moveTo(code: string, status: CommuneStatus) {
  const res = await propose(code, status);
  expect(res.status, await res.clone().text()).toBe(201);
  const { id } = (await res.json()) as { id: number };
  const ok = await approver.send('POST', `/api/proposals/${id}/approve`);
  expect(ok.status, await ok.clone().text()).toBe(200);
  expect((await current(code)).status).toBe(status);
}

describe('transitions', () => {
  it('allows exactly the transitions of PRODUCT.md and refuses every other one with 422, writing nothing', async () => {
    // Long Đức (98202), selected for transformation, drug-free since 01/06/2023: a walk through all seven allowed steps.
    const walk: CommuneStatus[] = [
      'complex',
      'transformed',
      'relapsed',
      'transformed',
      'drug_free',
      'complex',
      'drug_free',
      'complex',
      'transformed',
      'relapsed',
      'complex',
    ];
    const seen = new Set<string>();
    for (const next of walk) {
      const from = (await current('98202')).status!;
      for (const to of COMMUNE_STATUSES) {
        if (STATUS_TRANSITIONS[from].includes(to)) continue;
        const before = await (await approver.get('/api/proposals?commune=98202')).json();
        const res = await propose('98202', to);
        expect(res.status, `${from} → ${to}`).toBe(422);
        const err = (await res.json()) as { error: { code: string; message: { vi: string; en: string } } };
        expect(err.error.code).toBe('transition');
        expect(err.error.message.vi).toMatch(/"/);
        expect(await (await approver.get('/api/proposals?commune=98202')).json()).toEqual(before);
      }
      await moveTo('98202', next);
      seen.add(`${from}>${next}`);
    }
    const allowed = Object.entries(STATUS_TRANSITIONS).flatMap(([f, tos]) => tos.map((to) => `${f}>${to}`));
    expect([...seen].sort()).toEqual(allowed.sort());
  });

  it('refuses "transformed" for a commune not yet selected for transformation', async () => {
    // Phước Hưng (98201) is selected only from 01/08/2024.
    const res = await propose('98201', 'transformed', { effectiveDate: '2024-06-01' });
    expect(res.status).toBe(422);
    expect(((await res.json()) as any).error.message.en).toMatch(/selected for transformation/);
  });
});

describe('concurrency', () => {
  it('accepts exactly one of ten parallel proposals from the same base; the others get 409', async () => {
    const base = (await current('98101')).baseChangeId;
    const results = await Promise.all(
      Array.from({ length: 10 }, () => editor.send('POST', '/api/proposals', body('98101', 'relapsed', base))),
    );
    const codes = results.map((r) => r.status).sort();
    expect(codes).toEqual([201, ...Array(9).fill(409)]);
    const { proposals } = (await (await approver.get('/api/proposals?commune=98101&state=pending')).json()) as {
      proposals: unknown[];
    };
    expect(proposals).toHaveLength(1);
    const refused = (await results.find((r) => r.status === 409)!.json()) as any;
    expect(refused.error.message.vi).toMatch(/đang chờ duyệt/);
  });

  it('refuses with 409 a proposal made against a status that has meanwhile changed, and says what it is now', async () => {
    const stale = (await current('98102')).baseChangeId;
    await moveTo('98102', 'complex');
    const res = await editor.send('POST', '/api/proposals', body('98102', 'complex', stale));
    expect(res.status).toBe(409);
    const err = (await res.json()) as any;
    expect(err.error.code).toBe('status_changed');
    expect(err.error.message.vi).toContain('Trọng điểm, phức tạp');
    expect(err.error.message.en).toContain('"Complex" since');
  });
});

describe('approval', () => {
  it('counts only once approved: statuses and indicators follow the approval, not the proposal', async () => {
    const date = '2024-06-30';
    const statuses = async () => ((await (await approver.get(`/api/statuses?date=${date}`)).json()) as any).statuses;
    const report = async () => ((await (await approver.get(`/api/indicators?date=${date}`)).json()) as any).indicators;
    const t2 = async () => (await report()).find((i: any) => i.id === 'T2');
    // Tân An (98101), transformed since 01/02/2024 and counted in T2; first clear the proposal left by the concurrency test.
    const { proposals } = (await (await approver.get('/api/proposals?commune=98101&state=pending')).json()) as any;
    for (const p of proposals) await approver.send('POST', `/api/proposals/${p.id}/reject`, { reason: 'Trùng lặp' });
    const before = { status: (await statuses())['98101'], report: await report(), t2: await t2() };
    const res = await editor.send(
      'POST',
      '/api/proposals',
      body('98101', 'relapsed', (await current('98101')).baseChangeId, { effectiveDate: '2024-06-20' }),
    );
    expect(res.status, await res.clone().text()).toBe(201);
    const { id } = (await res.json()) as { id: number };
    expect((await statuses())['98101']).toEqual(before.status);
    expect(await report()).toEqual(before.report);
    expect((await approver.send('POST', `/api/proposals/${id}/approve`)).status).toBe(200);
    expect((await statuses())['98101']).toEqual({ status: 'relapsed', since: '2024-06-20' });
    expect((await t2()).numerator).toBe(before.t2.numerator - 1);
    const detail = (await (await approver.get('/api/communes/98101')).json()) as any;
    expect(detail.history.at(-1)).toMatchObject({
      status: 'relapsed',
      legalBasis: '15/QĐ-UBND ngày 03/02/2024',
      effectiveDate: '2024-06-20',
    });
  });

  it('does not let anyone decide on their own proposal, nor decide twice', async () => {
    const self = await signIn(t, 'admin');
    const base = (await current('98102')).baseChangeId;
    const res = await self.send('POST', '/api/proposals', body('98102', 'drug_free', base));
    expect(res.status).toBe(201);
    const { id } = (await res.json()) as { id: number };
    expect((await self.send('POST', `/api/proposals/${id}/approve`)).status).toBe(403);
    expect((await approver.send('POST', `/api/proposals/${id}/reject`, { reason: 'Thiếu văn bản' })).status).toBe(200);
    expect((await approver.send('POST', `/api/proposals/${id}/approve`)).status).toBe(409);
  });

  it('rejects only with a reason, and a rejection changes nothing on the map', async () => {
    const base = (await current('98102')).baseChangeId;
    const { id } = (await (await editor.send('POST', '/api/proposals', body('98102', 'drug_free', base))).json()) as {
      id: number;
    };
    const missing = await approver.send('POST', `/api/proposals/${id}/reject`, {});
    expect(missing.status).toBe(400);
    expect(((await missing.json()) as any).error.issues[0].path).toBe('json.reason');
    const ok = await approver.send('POST', `/api/proposals/${id}/reject`, { reason: 'Văn bản chưa đúng thẩm quyền' });
    expect((await ok.json()) as any).toMatchObject({ state: 'rejected', reason: 'Văn bản chưa đúng thẩm quyền' });
    expect((await current('98102')).status).toBe('complex');
  });

  it('corrects an approved change with a new linked record, never an edit in place', async () => {
    const { baseChangeId } = await current('98102');
    const wrong = (await (await approver.get('/api/communes/98102')).json()) as any;
    const target = wrong.history.find((h: any) => h.id === baseChangeId);
    const res = await editor.send('POST', '/api/proposals', {
      ...body('98102', 'complex', baseChangeId),
      effectiveDate: '2024-06-25',
      correctsId: baseChangeId,
    });
    expect(res.status, await res.clone().text()).toBe(201);
    const { id } = (await res.json()) as { id: number };
    expect((await approver.send('POST', `/api/proposals/${id}/approve`)).status).toBe(200);
    const detail = (await (await approver.get('/api/communes/98102')).json()) as any;
    const old = detail.history.find((h: any) => h.id === baseChangeId);
    expect(old).toMatchObject({ corrected: true, effectiveDate: target.effectiveDate, status: target.status });
    expect(detail.history.find((h: any) => h.correctsId === baseChangeId)).toMatchObject({
      status: 'complex',
      effectiveDate: '2024-06-25',
    });
  });
});

describe('audit trail', () => {
  it('records proposals and decisions, and detects a row edited or deleted directly in the database', async () => {
    const db = t.database.db;
    expect((await verifyAuditChain(db)).brokenAt).toBeNull();
    const rows = ((await (await (await signIn(t, 'admin')).get('/api/audit?limit=500')).json()) as any).rows as any[];
    const actions = new Set(rows.map((r) => r.action));
    for (const a of [
      'login',
      'proposal_create',
      'proposal_approve',
      'proposal_reject',
      'correction_propose',
      'correction_approve',
      'user_create',
    ])
      expect(actions).toContain(a);
    const approval = rows.find((r) => r.action === 'proposal_approve');
    expect(approval.before).toHaveProperty('status');
    expect(approval.after).toHaveProperty('changeId');

    const victim = rows.find((r) => r.action === 'proposal_create').id as number;
    await db.execute(sql`update audit_log set actor_name = 'nguoi-khac' where id = ${victim}`);
    expect((await verifyAuditChain(db)).brokenAt).toBe(victim);
    await db.execute(sql`delete from audit_log where id = ${victim}`);
    expect((await verifyAuditChain(db)).brokenAt).toBe(victim + 1);
  });

  it('detects the newest rows being deleted', async () => {
    const t2 = await createTestApp(miniProvince);
    try {
      await signIn(t2, 'leader');
      await signIn(t2, 'leader');
      expect((await verifyAuditChain(t2.database.db)).brokenAt).toBeNull();
      await t2.database.db.execute(sql`delete from audit_log where id = (select max(id) from audit_log)`);
      expect((await verifyAuditChain(t2.database.db)).brokenAt).not.toBeNull();
    } finally {
      await t2.close();
    }
  });
});
