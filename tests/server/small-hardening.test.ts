// Smaller hardening: the last administrator stays one; answers are not cached; an unknown API path is a JSON 404
// even where the web page answers every other path.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mountWebPage } from '../../server/http/web-page';
import { miniProvince } from '../fixtures/mini-province';
import { createTestApp, type TestApp } from '../helpers/app';
import { signIn, type Client } from '../helpers/auth';

let app: TestApp;
let admin: Client;
beforeAll(async () => {
  app = await createTestApp(miniProvince);
  admin = await signIn(app, 'admin');
});
afterAll(() => app.close());

const me = async (c: Client) => ((await (await c.get('/api/auth/me')).json()) as { user: { id: number } }).user.id;

describe('the last administrator', () => {
  it('cannot be demoted or deactivated, by themselves or anyone; with a second one, either can go', async () => {
    const id = await me(admin);
    for (const patch of [{ role: 'leader' }, { active: false }]) {
      const res = await admin.send('PATCH', `/api/users/${id}`, patch);
      expect(res.status).toBe(409);
      expect(((await res.json()) as { error: { code: string } }).error.code).toBe('last_admin');
    }
    expect((await admin.get('/api/users')).status).toBe(200); // still an administrator, session intact
    const second = await signIn(app, 'admin');
    expect((await second.send('PATCH', `/api/users/${id}`, { role: 'leader' })).status).toBe(200);
    expect((await second.send('PATCH', `/api/users/${await me(second)}`, { active: false })).status).toBe(409);
  });
});

describe('caching', () => {
  it('marks hotspot answers and exports no-store', async () => {
    const police = await signIn(app, 'police');
    for (const path of [
      '/api/hotspots',
      '/api/hotspots/export?format=csv',
      '/api/hotspots/export?format=geojson',
      '/api/communes',
      '/api/indicators',
    ])
      expect((await police.get(path)).headers.get('cache-control'), path).toBe('no-store');
  });
});

describe('an unknown API path beside the web page', () => {
  const root = mkdtempSync(join(tmpdir(), 'pcmt-web-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('is a JSON 404, while other paths get the page', async () => {
    writeFileSync(join(root, 'index.html'), '<!doctype html><title>Bản đồ</title>');
    const web = new Hono();
    web.route('/', app.app as unknown as Hono);
    expect(mountWebPage(web, root)).toBe(true);
    const police = await signIn(app, 'police');
    const unknown = await web.request('/api/khong-co', { headers: { Cookie: police.cookie } });
    expect(unknown.status).toBe(404);
    expect(((await unknown.json()) as { error: { code: string } }).error.code).toBe('not_found');
    const page = await web.request('/ban-do/98101');
    expect([page.status, await page.text()]).toEqual([200, '<!doctype html><title>Bản đồ</title>']);
  });
});
