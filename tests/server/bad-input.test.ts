// Well-formed requests with bad values, as an attacker or a broken client sends them: each is a 400 naming the field,
// never a 500, and nothing is written.
import { readdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as t from '../../server/db/schema';
import { miniProvince } from '../fixtures/mini-province';
import { createTestApp, type TestApp } from '../helpers/app';
import { loginRequest, signIn, type Client } from '../helpers/auth';

let app: TestApp;
let police: Client;
let admin: Client;
beforeAll(async () => {
  app = await createTestApp(miniProvince);
  police = await signIn(app, 'police');
  admin = await signIn(app, 'admin');
});
afterAll(() => app.close());

async function fieldsAtFault(res: Response): Promise<string[]> {
  expect(res.status).toBe(400);
  return ((await res.json()) as { error: { issues: { path: string }[] } }).error.issues.map((i) => i.path);
}
const counts = async () => ({
  hotspots: (await app.database.db.select().from(t.hotspots)).length,
  operations: (await app.database.db.select().from(t.operations)).length,
});

describe('text the database cannot store', () => {
  it('refuses a NUL character, even in an anonymous sign-in', async () => {
    const res = await loginRequest(app, 'quan\u0000tri', 'x'.repeat(12), '10.8.8.8');
    expect(await fieldsAtFault(res)).toEqual(['json.username']);
  });

  it('refuses a lone surrogate in hotspot and operation text, writing nothing', async () => {
    const before = await counts();
    const hotspot = await police.send('POST', '/api/hotspots', {
      location: [106.02, 10.12],
      address: 'Ấp \ud800 Một',
      kind: 'diem',
      activities: ['selling'],
      detectedOn: '2024-06-01',
      note: 'ghi chú \u0000',
    });
    expect((await fieldsAtFault(hotspot)).sort()).toEqual(['json.address', 'json.note']);
    const operation = await police.send('POST', '/api/operations', {
      name: 'Đợt \udc00',
      startDate: '2024-06-01',
      endDate: '2024-06-30',
      area: { type: 'circle', center: [106.1, 10.1], radiusM: 1000 },
      units: ['Đội \ud83d'],
    });
    expect((await fieldsAtFault(operation)).sort()).toEqual(['json.name', 'json.units.0']);
    expect(await counts()).toEqual(before);
  });
});

describe('shapes and numbers', () => {
  it('refuses an empty ring in an area query', async () => {
    expect(
      await fieldsAtFault(
        await police.send('POST', '/api/areas/query', { area: { type: 'polygon', coordinates: [[]] } }),
      ),
    ).toEqual(['json.area.coordinates.0']);
  });

  it('refuses ids beyond a database integer, and numbers not written in plain digits', async () => {
    for (const id of ['2147483648', '99999999999', '1e3', '0x10', '%201', '-1', '1.0'])
      expect(await fieldsAtFault(await police.get(`/api/hotspots/${id}`)), id).toEqual(['param.id']);
    expect((await police.get('/api/hotspots/2147483647')).status).toBe(404); // the largest id is an id, of nothing
    expect(await fieldsAtFault(await admin.get('/api/audit?before=2147483648'))).toEqual(['query.before']);
    expect(await fieldsAtFault(await police.get('/api/hotspots?limit=1e3'))).toEqual(['query.limit']);
    const before = await counts();
    const op = await police.send('POST', '/api/operations', {
      name: 'Đợt',
      startDate: '2024-06-01',
      endDate: '2024-06-30',
      area: { type: 'circle', center: [106.1, 10.1], radiusM: 1000 },
      targetHotspotIds: [2147483648],
    });
    expect(await fieldsAtFault(op)).toEqual(['json.targetHotspotIds.0']);
    expect(await fieldsAtFault(await admin.send('POST', '/api/proposals/2147483648/approve', {}))).toEqual([
      'param.id',
    ]);
    expect(await counts()).toEqual(before);
  });
});

describe('request sizes', () => {
  it('refuses a large sign-in or write body with 413 naming the limit, before reading it', async () => {
    const big = 'a'.repeat(1024 * 1024);
    const login = await loginRequest(app, big, big, '10.8.8.9');
    expect(login.status).toBe(413);
    expect(((await login.json()) as { error: { message: { en: string } } }).error.message.en).toBe(
      'Request body too large (at most 4 KB)',
    );
    const before = await counts();
    const hotspot = await police.send('POST', '/api/hotspots', {
      location: [106.02, 10.12],
      address: 'Ấp Một',
      kind: 'diem',
      activities: ['selling'],
      detectedOn: '2024-06-01',
      note: big,
    });
    expect(hotspot.status).toBe(413);
    expect(((await hotspot.json()) as { error: { message: { en: string } } }).error.message.en).toBe(
      'Request body too large (at most 256 KB)',
    );
    expect(await counts()).toEqual(before);
    // An area search of 2,000 points is well within its own limit.
    const points = Array.from({ length: 2000 }, (_, i) => [106 + (i % 50) * 0.004, 10 + Math.floor(i / 50) * 0.004]);
    expect(
      (await police.send('POST', '/api/areas/query', { area: { type: 'buffer', points, radiusM: 10 } })).status,
    ).toBe(200);
  });
});

describe('attachments', () => {
  it('refuses a file name the database cannot store, leaving no file behind', async () => {
    const editor = await signIn(app, 'editor', ['981']);
    const pdf = new TextEncoder().encode('%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n');
    const res = await editor.upload('/api/attachments', new File([pdf], 'quyet\u0000dinh.pdf'));
    expect(await fieldsAtFault(res)).toEqual(['file']);
    expect(readdirSync(app.attachmentsDir)).toEqual([]); // before: a 500, and the file stayed on disk
    expect(await app.database.db.select().from(t.attachments)).toEqual([]);
    const ok = await editor.upload('/api/attachments', new File([pdf], 'Quyết định.pdf'));
    expect(ok.status).toBe(201);
    expect(readdirSync(app.attachmentsDir)).toEqual([((await ok.json()) as { id: string }).id]);
  });
});
