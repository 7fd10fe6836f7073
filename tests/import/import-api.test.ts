// The admin page's import flow through the API, on a demo database: a code list loaded; a file whose province cannot
// be told refused naming the province field; matched by name (one unit blocks), then by the code attribute the user
// chose (the code the list names otherwise blocks until left out); a blocked preview and a demo database refused with
// nothing written; the users' areas shown before the commit replacing the demo, which removes the demo accounts; the
// same preview not committed twice.
import { feature } from 'topojson-client';
import type { FeatureCollection } from 'geojson';
import type { Topology } from 'topojson-specification';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/app';
import { login, signIn, type Client } from '../helpers/auth';
import { createUser } from '../../server/services/users';
import { importBoundaries, importCodeList, IMPORT_PROVINCE } from '../fixtures/import-province';
import { miniProvince } from '../fixtures/mini-province';

type Preview = {
  token: string;
  report: {
    blocking: number;
    ready: number;
    matching: Record<string, number>;
    attributes: { name: string; examples: string[] }[];
    findings: { kind: string; label: string; blocking: boolean; detail?: string }[];
  };
  preview: Topology;
};
type ErrorBody = { error: { code: string; issues?: { path: string }[] } };

describe('boundary import through the admin API', () => {
  let app: TestApp;
  let admin: Client;
  const geojson = () => new File([JSON.stringify(importBoundaries())], 'ho-tay-2025.geojson');
  const preview = (options: object) =>
    admin.upload('/api/imports/boundaries/preview', geojson(), { options: JSON.stringify(options) });
  const communeNames = async () => {
    const topo = (await (await admin.get('/api/boundaries')).json()) as Topology;
    return (feature(topo, topo.objects.communes!) as unknown as FeatureCollection).features
      .map((f) => `${f.properties!.code} ${f.properties!.name}`)
      .sort();
  };

  beforeAll(async () => {
    app = await createTestApp(miniProvince, '2025-08-01T03:00:00Z');
    admin = await signIn(app, 'admin');
  });
  afterAll(() => app.close());

  it('loads a code list and lists it', async () => {
    const res = await admin.upload(
      '/api/imports/code-lists',
      new File([JSON.stringify(importCodeList())], 'dvhc-2025.json'),
      { asOf: '2025-07-01', name: 'Danh mục 2025' },
    );
    expect([res.status, await res.json()]).toEqual([201, { units: 10, provinces: 1 }]);
    const { lists } = (await (await admin.get('/api/imports/code-lists')).json()) as {
      lists: { asOf: string; name: string }[];
    };
    expect(lists).toMatchObject([{ asOf: '2025-07-01', name: 'Danh mục 2025' }]);
  });

  it('names the province field when the province cannot be told, then matches by name and blocks on the unit the list spells otherwise', async () => {
    const unknown = await preview({ validFrom: '2025-07-01' });
    const body = (await unknown.json()) as ErrorBody;
    expect([unknown.status, body.error.code, body.error.issues?.[0]?.path]).toEqual([
      422,
      'unknown_province',
      'options.province',
    ]);

    const res = await preview({ validFrom: '2025-07-01', province: IMPORT_PROVINCE.code });
    const p = (await res.json()) as Preview;
    expect(p.report.matching).toEqual({ byCode: 0, byName: 8, unmatched: 1, ambiguous: 0 });
    expect([p.report.blocking, p.report.ready]).toEqual([1, 0]); // nothing is written while anything blocks
    expect(p.report.findings.filter((f) => f.blocking)).toMatchObject([
      { kind: 'unmatched', label: '#9 Đặc khu Cô Tô' },
    ]);
    expect(p.report.attributes.find((a) => a.name === 'MA_SO')?.examples).toEqual(['97001', '97002', '97003']);
    // The preview map still draws the whole file, the unit in question marked.
    const drawn = (feature(p.preview, p.preview.objects.units!) as unknown as FeatureCollection).features.map(
      (f) => `${f.properties!.state} ${f.properties!.code ?? f.properties!.label}`,
    );
    expect(drawn).toHaveLength(9);
    expect(drawn.filter((d) => !d.startsWith('ready'))).toEqual(['blocked #9 Đặc khu Cô Tô']);

    const refused = await admin.send('POST', '/api/imports/boundaries/commit', { token: p.token, replaceDemo: true });
    expect([refused.status, ((await refused.json()) as ErrorBody).error.code]).toEqual([422, 'import_blocked']);
    expect(await communeNames()).toEqual(['98101 Tân An', '98102 Hòa Lợi', '98201 Phước Hưng', '98202 Long Đức']);
  });

  it('matches by the code attribute chosen; a code whose unit the list names otherwise blocks until left out', async () => {
    const res = await preview({ validFrom: '2025-07-01', mapping: { code: 'MA_SO' } });
    const p = (await res.json()) as Preview;
    expect(p.report.matching).toEqual({ byCode: 8, byName: 0, unmatched: 1, ambiguous: 0 });
    expect([p.report.blocking, p.report.ready]).toEqual([1, 0]);
    expect(p.report.findings.map((f) => [f.kind, f.label, f.blocking, f.detail ?? null])).toEqual([
      ['repeated_vertices', '#5 97005 Xã Tân Hoà', false, null],
      ['name_differs', '#9 97009 Đặc khu Cô Tô', true, '97009 Đặc khu Cô Tô Mới'],
    ]);
  });

  it('refuses a demo database unless asked, shows whose areas go before the commit, then replaces it; a preview commits once', async () => {
    const db = app.database.db;
    const actor = { actorId: null, actorName: 'test', address: null };
    // A demo account, and a user the province made on the demo whose area only the demo has.
    await createUser(
      db,
      { username: 'quantri', displayName: 'Quản trị', role: 'admin', password: 'MinhHoa@2026', scopes: [], demo: true },
      actor,
    );
    await createUser(
      db,
      {
        username: 'canbo.chauthanh',
        displayName: 'Cán bộ Châu Thành',
        role: 'editor',
        password: 'Mat-khau-thu-2024',
        scopes: ['981'],
        demo: false,
      },
      actor,
    );
    const demoSession = await login(app, 'quantri', 'MinhHoa@2026');

    const res = await preview({ validFrom: '2025-07-01', mapping: { code: 'MA_SO' }, skipUnmatched: true });
    const p = (await res.json()) as Preview & { areas: unknown };
    expect([p.report.blocking, p.report.ready]).toEqual([0, 8]);
    expect(p.areas).toEqual({
      demoAccountsRemoved: ['quantri'],
      dropped: [{ username: 'canbo.chauthanh', kept: [], dropped: ['981'] }],
      carried: 0,
    });

    const demo = await admin.send('POST', '/api/imports/boundaries/commit', { token: p.token });
    const refusal = (await demo.json()) as ErrorBody & { error: { message: string } };
    expect([demo.status, refusal.error.code]).toEqual([409, 'demo_data']);
    expect(await communeNames()).toHaveLength(4);

    const done = await admin.send('POST', '/api/imports/boundaries/commit', {
      token: p.token,
      replaceDemo: true,
      legalBasis: 'Nghị quyết 1656/NQ-UBTVQH15',
    });
    expect(done.status).toBe(201);
    expect(await done.json()).toMatchObject({
      units: { province: 1, district: 0, commune: 8 },
      closed: 0,
      areas: {
        demoAccountsRemoved: ['quantri'],
        dropped: [{ username: 'canbo.chauthanh', kept: [], dropped: ['981'] }],
        carried: 0,
      },
    });
    // Names as the official list writes them, diacritics kept; the unit left out is not written.
    expect(await communeNames()).toEqual([
      '97001 An Hòa',
      '97002 Bình Minh',
      '97003 Cẩm Đường',
      '97004 Đông Hưng',
      '97005 Tân Hòa',
      '97006 Hải Đăng',
      '97007 Ngọc Thủy',
      '97008 Phú Quới',
    ]);
    const health = (await (await admin.get('/api/health')).json()) as { demo: boolean; vintages: { from: string }[] };
    expect([health.demo, health.vintages.map((v) => v.from)]).toEqual([false, ['2025-07-01']]);
    // The demo account is gone with its session; the province's user stays, without the demo's units.
    expect(((await (await demoSession.get('/api/auth/me')).json()) as { user: unknown }).user).toBeNull();
    expect((await demoSession.get('/api/statuses?date=2025-08-01')).status).toBe(401);
    await expect(login(app, 'quantri', 'MinhHoa@2026')).rejects.toThrow(/login quantri: 401/);
    const users = (await (await admin.get('/api/users')).json()) as { users: { username: string; scopes: string[] }[] };
    expect(users.users.map((u) => [u.username, u.scopes])).toContainEqual(['canbo.chauthanh', []]);
    expect(users.users.map((u) => u.username)).not.toContain('quantri');

    const again = await admin.send('POST', '/api/imports/boundaries/commit', { token: p.token, replaceDemo: true });
    expect([again.status, ((await again.json()) as ErrorBody).error.code]).toEqual([404, 'preview_expired']);
  });

  it("keeps a preview 30 minutes by the app's clock, then refuses to commit it", async () => {
    const res = await preview({ validFrom: '2025-09-01', province: '97', replaceDemo: true });
    expect(res.status).toBe(200);
    const { token } = (await res.json()) as Preview;
    app.setNow('2025-08-01T03:20:00Z');
    expect((await admin.get('/api/auth/me')).status).toBe(200); // the session stays alive meanwhile
    app.setNow('2025-08-01T03:31:00Z');
    const late = await admin.send('POST', '/api/imports/boundaries/commit', { token, replaceDemo: true });
    expect([late.status, ((await late.json()) as ErrorBody).error.code]).toEqual([404, 'preview_expired']);
  });
});
