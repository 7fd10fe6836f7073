// Authorization matrix: every role × every endpoint × a commune in and out of the user's area → allow or deny,
// with list endpoints and the live stream checked for leaks.
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GRANTS, ROLES, type Permission, type Role } from '../../server/contracts/permissions';
import { STATUS_TRANSITIONS, type CommuneStatus } from '../../geo/status';
import { miniProvince } from '../fixtures/mini-province';
import { createTestApp, type TestApp } from '../helpers/app';
import { signIn, type Client } from '../helpers/auth';
import { sse, type Event } from '../helpers/sse';

type Who = Role | 'anon';
const WHO: Who[] = ['anon', 'admin', 'leader', 'police', 'editor', 'approver'];
const IN = '98102'; // district 981: the editor's and approver's area
const OUT = '98202'; // district 982

let t: TestApp;
const users = {} as Record<Role, Client>;
let maker: Client; // proposes anywhere
let cleaner: Client; // decides anywhere
let anon: Client;

beforeAll(async () => {
  t = await createTestApp(miniProvince);
  users.admin = await signIn(t, 'admin');
  users.leader = await signIn(t, 'leader');
  users.police = await signIn(t, 'police');
  users.editor = await signIn(t, 'editor', ['981']);
  users.approver = await signIn(t, 'approver', ['981']);
  maker = await signIn(t, 'editor', ['98']);
  cleaner = await signIn(t, 'approver', ['98']);
  anon = {
    ...users.leader,
    cookie: 'pcmt_sid=none',
    csrf: '',
    upload: (p, file, fields = {}) => {
      const form = new FormData();
      form.set('file', file);
      for (const [k, v] of Object.entries(fields)) form.set(k, v);
      return t.app.request(p, {
        method: 'POST',
        headers: { Origin: 'http://localhost' },
        body: form,
      }) as Promise<Response>;
    },
    get: (p) => t.app.request(p) as Promise<Response>,
    send: (m, p, b) =>
      t.app.request(p, {
        method: m,
        headers: { 'Content-Type': 'application/json', Origin: 'http://localhost' },
        body: JSON.stringify(b ?? {}),
      }) as Promise<Response>,
  };
});
afterAll(() => t.close());

const as = (who: Who) => (who === 'anon' ? anon : users[who]);

let day = 0;
async function area(code: string) {
  const all = (await (await maker.get('/api/my-area')).json()) as any;
  return all.communes.find((c: any) => c.code === code) as {
    status: CommuneStatus;
    baseChangeId: number | null;
    pendingProposalId: number | null;
  };
}
/** A valid next proposal for the commune (clearing any pending one first). */
async function nextProposal(code: string) {
  const a = await area(code);
  if (a.pendingProposalId)
    await cleaner.send('POST', `/api/proposals/${a.pendingProposalId}/reject`, { reason: 'Dọn dẹp' });
  const status = STATUS_TRANSITIONS[a.status].find((s) => s !== 'transformed')!;
  const effectiveDate = new Date(Date.UTC(2023, 9, 1) + ++day * 86_400_000).toISOString().slice(0, 10);
  return {
    commune: code,
    status,
    effectiveDate,
    documentNumber: '7/QĐ-UBND',
    documentDate: effectiveDate,
    baseChangeId: (await area(code)).baseChangeId,
  };
}
async function pending(code: string): Promise<number> {
  const res = await maker.send('POST', '/api/proposals', await nextProposal(code));
  expect(res.status, await res.clone().text()).toBe(201);
  return ((await res.json()) as any).id;
}
async function attachmentOf(code: string): Promise<string> {
  const up = await maker.upload(
    '/api/attachments',
    new File([new TextEncoder().encode('%PDF-1.4\n%%EOF\n')], 'qd.pdf'),
  );
  const { id } = (await up.json()) as any;
  const res = await maker.send('POST', '/api/proposals', { ...(await nextProposal(code)), attachmentId: id });
  expect(res.status).toBe(201);
  return id;
}

/** Reported figures: the district of the area (981) and another (982); R1 2024 is open on 30/6/2024. */
const DISTRICT = { [IN]: '981', [OUT]: '982' } as Record<string, string>;
const R1_2023 = { '981': 110, '982': 40 } as Record<string, number>;
async function clearReported(unit: string) {
  const { values } = (await (await cleaner.get(`/api/reported/values?state=pending&unit=${unit}`)).json()) as any;
  for (const v of values)
    await cleaner.send('POST', `/api/reported/values/${v.id}/decision`, { decision: 'reject', reason: 'Dọn dẹp' });
}
/** Figures for R1 2024 within 50% of 2023 (no note needed). */
const figures = (unit: string) => ({ plan: 'p1', code: 'R1', unit, period: '2024', numerator: R1_2023[unit]! + 1 });
async function pendingReported(unit: string): Promise<number> {
  await clearReported(unit);
  const res = await maker.send('POST', '/api/reported/values', figures(unit));
  expect(res.status, await res.clone().text()).toBe(201);
  return ((await res.json()) as any).id;
}

/** A filled template of R1 2024 for one district (the columns the template names). */
async function r1File(unit: string): Promise<File> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('Số liệu');
  sheet.addRow(['Số liệu báo cáo']);
  sheet.addRow(['']);
  sheet.addRow(['Mã đơn vị', 'Đơn vị', 'R1 – Số lượng', 'Ghi chú']);
  sheet.addRow([unit, '', figures(unit).numerator, '']);
  return new File([new Uint8Array(await book.xlsx.writeBuffer())], 'r1.xlsx');
}

type Row = [name: string, run: (c: Client, who: Who) => Promise<Response>, allowed: Partial<Record<Who, number>>];
/** The roles the grants table (checked against PRODUCT.md in permissions.test.ts) lets through, with the answer. */
const needs = (permission: Permission, status = 200): Partial<Record<Who, number>> =>
  Object.fromEntries(ROLES.filter((r) => GRANTS[r].includes(permission)).map((r) => [r, status]));

const READS: Row[] = [
  ...[
    '/api/statuses',
    '/api/communes',
    `/api/communes/${IN}`,
    `/api/communes/${OUT}`,
    '/api/boundaries',
    '/api/indicators',
    '/api/indicators/ranking',
    '/api/indicators/trend',
    '/api/units',
    '/api/plans',
    '/api/reported',
    '/api/accountability',
  ].map((path): Row => [`GET ${path}`, (c) => c.get(path), needs('read_map')]),
  ['GET /api/hotspots', (c) => c.get('/api/hotspots'), needs('read_hotspot_details')],
  ['GET /api/hotspots/1', (c) => c.get('/api/hotspots/1'), needs('read_hotspot_details')],
  [
    'GET /api/hotspots/nearby',
    (c) => c.get('/api/hotspots/nearby?lng=106.05&lat=10.05'),
    needs('read_hotspot_details'),
  ],
  ['GET /api/hotspots/counts', (c) => c.get('/api/hotspots/counts'), needs('read_map')],
  ['GET /api/flags', (c) => c.get('/api/flags'), needs('read_map')],
  ['GET /api/operations', (c) => c.get('/api/operations'), needs('read_hotspot_details')],
  [
    'POST /api/areas/query',
    (c) => c.send('POST', '/api/areas/query', { area: { type: 'circle', center: [106.1, 10.1], radiusM: 500 } }),
    needs('read_hotspot_details'),
  ],
  ['GET /api/proposals', (c) => c.get('/api/proposals'), needs('read_proposals')],
  ['GET /api/reported/values', (c) => c.get('/api/reported/values'), needs('read_proposals')],
  ['GET /api/reported/template', (c) => c.get('/api/reported/template?plan=p1&period=2024'), needs('propose')],
  ['GET /api/my-area', (c) => c.get('/api/my-area'), needs('propose')],
  ['GET /api/users', (c) => c.get('/api/users'), needs('admin_users')],
  ['GET /api/audit', (c) => c.get('/api/audit'), needs('read_audit')],
  ['GET /api/audit/verify', (c) => c.get('/api/audit/verify'), needs('read_audit')],
  ['GET /api/audit/export.csv', (c) => c.get('/api/audit/export.csv'), needs('read_audit')],
];

describe.each(WHO)('as %s', (who) => {
  it.each(READS)('%s', async (_name, run, allowed) => {
    const res = await run(as(who), who);
    const expected = who === 'anon' ? 401 : (allowed[who] ?? 403);
    expect(res.status).toBe(expected);
  });

  it.each([
    ['in scope', IN, { admin: 200, leader: 200, editor: 200, approver: 200 }],
    ['out of scope', OUT, { admin: 200, leader: 200, editor: 404, approver: 404 }],
  ] as const)('GET /api/proposals/:id %s', async (_n, code, allowed) => {
    const id = await pending(code);
    const res = await as(who).get(`/api/proposals/${id}`);
    expect(res.status).toBe(who === 'anon' ? 401 : ((allowed as Record<string, number>)[who] ?? 403));
  });

  it.each([
    ['in scope', IN, { admin: 200, leader: 200, editor: 200, approver: 200 }],
    ['out of scope', OUT, { admin: 200, leader: 200 }],
  ] as const)('GET /api/attachments/:id %s', async (_n, code, allowed) => {
    const id = await attachmentOf(code);
    const res = await as(who).get(`/api/attachments/${id}`);
    expect(res.status).toBe(who === 'anon' ? 401 : ((allowed as Record<string, number>)[who] ?? 404));
  });

  it('POST /api/hotspots', async () => {
    const res = await as(who).send('POST', '/api/hotspots', {
      location: [106.15, 10.15],
      address: 'Khu phố 9',
      kind: 'diem',
      activities: ['selling'],
      detectedOn: '2024-06-01',
      acknowledgeDuplicates: true,
    });
    expect(res.status).toBe(who === 'anon' ? 401 : who === 'admin' || who === 'police' ? 201 : 403);
    // An event that is valid for the hotspot (a fresh one, detected 01/06/2024, eliminated 29/06/2024): only the role
    // decides the answer, and a refusal writes nothing.
    const fresh = await users.police.send('POST', '/api/hotspots', {
      location: [106.16, 10.16],
      address: `Khu phố 9, tổ ${who}`,
      kind: 'diem',
      activities: ['selling'],
      detectedOn: '2024-06-01',
      acknowledgeDuplicates: true,
    });
    expect(fresh.status, await fresh.clone().text()).toBe(201);
    const id = ((await fresh.json()) as any).id;
    const event = await as(who).send('POST', `/api/hotspots/${id}/events`, { kind: 'eliminated', date: '2024-06-29' });
    const allowed = who === 'admin' || who === 'police';
    expect(event.status, await event.clone().text()).toBe(who === 'anon' ? 401 : allowed ? 201 : 403);
    const detail = (await (await users.police.get(`/api/hotspots/${id}`)).json()) as any;
    expect(detail.events.map((e: any) => [e.kind, e.date])).toEqual(
      allowed
        ? [
            ['detected', '2024-06-01'],
            ['eliminated', '2024-06-29'],
          ]
        : [['detected', '2024-06-01']],
    );
  });

  it.each([
    ['in scope', IN, { admin: 201, editor: 201 }],
    ['out of scope', OUT, { admin: 201 }],
  ] as const)('POST /api/proposals %s', async (_n, code, allowed) => {
    const body = await nextProposal(code);
    const res = await as(who).send('POST', '/api/proposals', body);
    expect(res.status).toBe(who === 'anon' ? 401 : ((allowed as Record<string, number>)[who] ?? 403));
    if (res.status !== 201) expect((await area(code)).pendingProposalId).toBeNull(); // nothing written
  });

  it.each([
    ['approve', 'in scope', IN, { admin: 200, approver: 200 }],
    ['approve', 'out of scope', OUT, { admin: 200 }],
    ['reject', 'in scope', IN, { admin: 200, approver: 200 }],
    ['reject', 'out of scope', OUT, { admin: 200 }],
  ] as const)('POST /api/proposals/:id/%s %s', async (action, _n, code, allowed) => {
    const id = await pending(code);
    const before = (await area(code)).status;
    const res = await as(who).send(
      'POST',
      `/api/proposals/${id}/${action}`,
      action === 'reject' ? { reason: 'Không đủ căn cứ' } : undefined,
    );
    const expected = who === 'anon' ? 401 : ((allowed as Record<string, number>)[who] ?? 403);
    expect(res.status).toBe(expected);
    if (expected !== 200) expect(await area(code)).toMatchObject({ status: before, pendingProposalId: id });
  });

  it.each([
    ['in scope', IN, { admin: 201, editor: 201 }],
    ['out of scope', OUT, { admin: 201 }],
  ] as const)('POST /api/reported/values %s', async (_n, code, allowed) => {
    const unit = DISTRICT[code]!;
    await clearReported(unit);
    const res = await as(who).send('POST', '/api/reported/values', figures(unit));
    expect(res.status).toBe(who === 'anon' ? 401 : ((allowed as Record<string, number>)[who] ?? 403));
    const { values } = (await (await cleaner.get(`/api/reported/values?state=pending&unit=${unit}`)).json()) as any;
    expect(values).toHaveLength(res.status === 201 ? 1 : 0); // a refusal writes nothing
  });

  it.each([
    ['in scope', IN, { admin: 200, approver: 200 }],
    ['out of scope', OUT, { admin: 200 }],
  ] as const)('POST /api/reported/values/:id/decision %s', async (_n, code, allowed) => {
    const id = await pendingReported(DISTRICT[code]!);
    const res = await as(who).send('POST', `/api/reported/values/${id}/decision`, { decision: 'approve' });
    const expected = who === 'anon' ? 401 : ((allowed as Record<string, number>)[who] ?? 403);
    expect(res.status).toBe(expected);
    const { values } = (await (await cleaner.get(`/api/reported/values?unit=${DISTRICT[code]}`)).json()) as any;
    expect(values.find((v: any) => v.id === id).state).toBe(expected === 200 ? 'approved' : 'pending');
  });

  it.each([
    ['in scope', IN, { admin: 201, editor: 201 }],
    ['out of scope', OUT, { admin: 201, editor: 400 }],
  ] as const)('POST /api/reported/upload %s', async (_n, code, allowed) => {
    const unit = DISTRICT[code]!;
    await clearReported(unit);
    const res = await as(who).upload('/api/reported/upload', await r1File(unit), { plan: 'p1', period: '2024' });
    expect(res.status).toBe(who === 'anon' ? 401 : ((allowed as Record<string, number>)[who] ?? 403));
    if (res.status === 400) expect(JSON.stringify(await res.json())).toContain('ngoài địa bàn'); // named at its cell
    const { values } = (await (await cleaner.get(`/api/reported/values?state=pending&unit=${unit}`)).json()) as any;
    expect(values).toHaveLength(res.status === 201 ? 1 : 0);
  });

  it('POST /api/reported/reopenings', async () => {
    const res = await as(who).send('POST', '/api/reported/reopenings', {
      plan: 'p1',
      period: 'year',
      key: '2023',
      until: '2024-07-10',
      reason: 'Bổ sung số liệu năm 2023',
    });
    expect(res.status).toBe(who === 'anon' ? 401 : who === 'admin' ? 201 : 403);
  });

  it('POST /api/users, PATCH /api/users/:id, POST /api/users/:id/password', async () => {
    const c = as(who);
    const created = await c.send('POST', '/api/users', {
      username: `moi-${who}`,
      displayName: 'Người mới',
      role: 'leader',
      password: 'Mat-khau-dai-2024',
      scopes: [],
    });
    expect(created.status).toBe(who === 'anon' ? 401 : who === 'admin' ? 201 : 403);
    const target = users.leader;
    const id = ((await (await users.admin.get('/api/users')).json()) as any).users.find(
      (u: any) => u.username === target.username,
    ).id;
    expect((await c.send('PATCH', `/api/users/${id}`, { displayName: 'Đổi tên' })).status).toBe(
      who === 'anon' ? 401 : who === 'admin' ? 200 : 403,
    );
    const reset = await c.send('POST', `/api/users/${id}/password`, { password: 'Mat-khau-dat-lai-1' });
    expect(reset.status).toBe(who === 'anon' ? 401 : who === 'admin' ? 200 : 403);
    if (reset.status === 200) users.leader = await signIn(t, 'leader'); // the reset ended the leader's sessions
  });
});

describe('list endpoints leak nothing outside the area', () => {
  it('an editor and an approver list only reported figures of their area', async () => {
    const outId = await pendingReported('982');
    const inId = await pendingReported('981');
    for (const who of ['editor', 'approver'] as const) {
      const { values } = (await (await users[who].get('/api/reported/values')).json()) as any;
      const ids = values.map((v: any) => v.id);
      expect(ids, who).toContain(inId);
      expect(ids, who).not.toContain(outId);
      for (const v of values) expect(v.unit.code, `${who} #${v.id}`).toMatch(/^981/);
    }
  });
  it('an editor and an approver list only proposals of their area; my-area holds only their communes', async () => {
    const outId = await pending(OUT);
    const inId = await pending(IN);
    for (const who of ['editor', 'approver'] as const) {
      const { proposals } = (await (await users[who].get('/api/proposals')).json()) as any;
      const ids = proposals.map((p: any) => p.id);
      expect(ids, who).toContain(inId);
      expect(ids, who).not.toContain(outId);
      for (const p of proposals) expect(p.commune.code, `${who} #${p.id}`).toMatch(/^981\d\d$/);
      const filtered = (await (await users[who].get(`/api/proposals?commune=${OUT}`)).json()) as any;
      expect(filtered.proposals).toEqual([]);
    }
    const mine = (await (await users.editor.get('/api/my-area')).json()) as any;
    expect(mine.communes.map((c: any) => c.code).sort()).toEqual(['98101', '98102']);
    const { proposals } = (await (await users.leader.get('/api/proposals')).json()) as any;
    expect(proposals.map((p: any) => p.id)).toEqual(expect.arrayContaining([inId, outId]));
  });
});

describe('the live stream', () => {
  it('delivers status changes to every role, and proposals only to roles and areas that may see them', async () => {
    expect((await anon.get('/api/events')).status).toBe(401);
    const roles = ['admin', 'leader', 'police', 'editor', 'approver'] as const;
    const streams = Object.fromEntries(
      await Promise.all(roles.map(async (who) => [who, sse(await users[who].get('/api/events'))] as const)),
    );
    try {
      // Each stream has subscribed once it says hello: from then on it hears every event in the order published.
      for (const who of roles)
        expect((await streams[who]!.until((e) => e.event === 'hello')).at(-1)!.data).toEqual({ role: who });
      const inId = await pending(IN);
      const outId = await pending(OUT);
      expect((await cleaner.send('POST', `/api/proposals/${inId}/approve`)).status).toBe(200);
      expect((await cleaner.send('POST', `/api/proposals/${outId}/approve`)).status).toBe(200);
      const made = await users.police.send('POST', '/api/hotspots', {
        location: [106.07, 10.03],
        address: 'Ấp Mới',
        kind: 'diem',
        activities: ['using'],
        detectedOn: '2024-06-01',
        acknowledgeDuplicates: true,
      });
      expect(made.status).toBe(201);
      // Last, a change every role hears (one more status of OUT, known by its date): whatever a stream was to get of
      // the events above arrives before it, so reading up to it shows also what a role did not get.
      const mark = await nextProposal(OUT);
      const marked = await maker.send('POST', '/api/proposals', mark);
      expect(marked.status, await marked.clone().text()).toBe(201);
      expect((await cleaner.send('POST', `/api/proposals/${((await marked.json()) as any).id}/approve`)).status).toBe(
        200,
      );
      const isMark = (e: Event) =>
        e.event === 'status' && e.data.commune === OUT && e.data.effectiveDate === mark.effectiveDate;
      const got = {} as Record<(typeof roles)[number], Event[]>;
      for (const who of roles) got[who] = await streams[who]!.until(isMark);
      const seen = (who: Role, type: string, code: string) =>
        got[who]!.some((e) => e.event === type && e.data.commune === code);
      for (const who of roles) {
        expect(seen(who, 'status', IN), `${who} status in`).toBe(true);
        expect(seen(who, 'status', OUT), `${who} status out`).toBe(true);
        expect(got[who]!.every((e) => !('communeId' in (e.data ?? {})))).toBe(true);
      }
      for (const who of ['admin', 'leader'] as const) expect(seen(who, 'proposal', OUT), who).toBe(true);
      for (const who of ['editor', 'approver'] as const) {
        expect(seen(who, 'proposal', IN), who).toBe(true);
        expect(seen(who, 'proposal', OUT), `${who} must not see proposals outside its area`).toBe(false);
      }
      expect(got.police!.some((e) => e.event === 'proposal')).toBe(false);
      for (const who of ['admin', 'police'] as const)
        expect(
          got[who]!.some((e) => e.event === 'hotspot'),
          who,
        ).toBe(true);
      for (const who of ['leader', 'editor', 'approver'] as const)
        expect(
          got[who]!.some((e) => e.event === 'hotspot'),
          `${who} must not hear of hotspots`,
        ).toBe(false);
    } finally {
      await Promise.all(roles.map((who) => streams[who]!.close()));
    }
  });
});
