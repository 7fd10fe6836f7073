// Every read endpoint through app.request on the mini province, including bad input (400, never 500).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { feature } from 'topojson-client';
import { miniProvince } from '../fixtures/mini-province';
import { createTestApp, type TestApp } from '../helpers/app';
import { signIn, type Client } from '../helpers/auth';

let t: TestApp;
let police: Client;
const get = (path: string, headers: Record<string, string> = {}) => police.get(path, headers);
const json = async (path: string) => {
  const res = await get(path);
  expect(res.status, path).toBe(200);
  return res.json() as Promise<any>;
};

beforeAll(async () => {
  t = await createTestApp(miniProvince);
  police = await signIn(t, 'police');
});
afterAll(() => t.close());

describe('GET /api/health', () => {
  it('reports database kind, schema version and the demo flag', async () => {
    const body = await json('/api/health');
    expect(body).toMatchObject({
      status: 'ok',
      demo: true,
      dataset: 'Tỉnh Thử Nghiệm',
      schemaVersion: 8, // migrations 0000–0007
      today: '2024-06-30',
    });
    expect(['pglite', 'postgres']).toContain(body.database);
  });
});

describe('GET /api/plans and /api/units', () => {
  it('lists plans with targets and selection counts', async () => {
    const { plans } = await json('/api/plans');
    expect(plans).toHaveLength(1);
    expect(plans[0]).toMatchObject({ id: 'p1', start: '2021-01-01', end: '2025-12-31', selectedCount: 4 });
    expect(plans[0].targets.H1).toEqual({ op: 'gte', value: 0.8, projection: 'linear' });
  });

  it('walks the tree one level at a time', async () => {
    const root = await json('/api/units');
    expect(root.units).toEqual([
      expect.objectContaining({
        code: '98',
        name: 'Thử Nghiệm',
        level: 'province',
        communeCount: 4,
        hasChildren: true,
      }),
    ]);
    const districts = await json('/api/units?parent=98');
    expect(districts.units.map((u: any) => [u.code, u.type, u.communeCount])).toEqual([
      ['981', 'Huyện', 2],
      ['982', 'Huyện', 2],
    ]);
    const communes = await json('/api/units?parent=981');
    expect(communes.units.map((u: any) => [u.code, u.name, u.type, u.hasChildren])).toEqual([
      ['98101', 'Tân An', 'Xã', false],
      ['98102', 'Hòa Lợi', 'Thị trấn', false],
    ]);
  });
});

describe('GET /api/communes', () => {
  it('returns an RFC 7946 FeatureCollection with status as of the date', async () => {
    const res = await get('/api/communes?date=2023-06-30');
    expect(res.headers.get('content-type')).toContain('application/geo+json');
    const fc = (await res.json()) as any;
    expect(fc.type).toBe('FeatureCollection');
    const byCode = Object.fromEntries(fc.features.map((f: any) => [f.properties.code, f.properties]));
    expect(Object.keys(byCode).sort()).toEqual(['98101', '98102', '98201', '98202']);
    expect(byCode['98101']).toEqual({
      code: '98101',
      name: 'Tân An',
      type: 'Xã',
      parentCode: '981',
      status: 'relapsed',
      statusSince: '2023-03-01',
    });
    expect(fc.features[0].geometry.type).toBe('Polygon');
  });

  it('status is null before any change, and within= restricts to a subtree', async () => {
    const fc = await json('/api/communes?date=2021-01-01&within=982');
    expect(fc.features.map((f: any) => [f.properties.code, f.properties.status])).toEqual([
      ['98201', null],
      ['98202', null],
    ]);
  });

  it('detail: full history with the corrected record flagged, hotspot counts, selections', async () => {
    const d = await json('/api/communes/98102?date=2024-06-30');
    expect(d).toMatchObject({
      code: '98102',
      name: 'Hòa Lợi',
      type: 'Thị trấn',
      parentCode: '981',
      status: { status: 'drug_free', since: '2023-09-01' },
    });
    expect(d.parents.map((p: any) => p.code)).toEqual(['98', '981']);
    expect(d.history.map((h: any) => [h.status, h.effectiveDate, h.corrected])).toEqual([
      ['complex', '2021-01-10', false],
      ['transformed', '2023-01-01', false],
      ['relapsed', '2023-08-01', true],
      ['drug_free', '2023-09-01', false],
    ]);
    expect(d.history[3].correctsId).toBe(d.history[2].id);
    expect(d.legalBasis).toBe(d.history[3].legalBasis);
    expect(d.hotspots).toEqual({ active: 1, eliminated: 0, total: 1 });
    expect(d.selections).toEqual([{ planId: 'p1', selectedOn: '2021-03-01' }]);
  });
});

describe('GET /api/statuses', () => {
  it('maps commune codes to status as of the date', async () => {
    const body = await json('/api/statuses?date=2023-08-15');
    expect(body.statuses).toEqual({
      '98101': { status: 'relapsed', since: '2023-03-01' },
      '98102': { status: 'transformed', since: '2023-01-01' },
      '98201': { status: 'complex', since: '2021-01-10' },
      '98202': { status: 'drug_free', since: '2023-06-01' },
    });
  });
});

describe('GET /api/boundaries', () => {
  it('serves quantised TopoJSON with an ETag, gzip and 304 on revalidation', async () => {
    const res = await get('/api/boundaries', { 'Accept-Encoding': 'gzip' });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-encoding')).toBe('gzip');
    const etag = res.headers.get('etag')!;
    expect(etag).toMatch(/^"b-[0-9a-f]+-full"$/);
    // A zoom gets its own simplified geometry, under its own tag.
    expect((await get('/api/boundaries?zoom=8')).headers.get('etag')).toMatch(/^"b-[0-9a-f]+-8"$/);
    const plain = await get('/api/boundaries');
    const topo = (await plain.json()) as any;
    expect(topo.type).toBe('Topology');
    expect(topo.transform).toBeDefined();
    const communes = feature(topo, topo.objects.communes) as any;
    expect(communes.features.map((f: any) => f.properties.code).sort()).toEqual(['98101', '98102', '98201', '98202']);
    expect((await get('/api/boundaries', { 'If-None-Match': etag })).status).toBe(304);
  });

  it('is immutable when asked by its version key from /api/health', async () => {
    const { boundaryKey } = await json('/api/health');
    const res = await get(`/api/boundaries?v=${boundaryKey}`);
    expect(res.headers.get('cache-control')).toContain('immutable');
    expect((await get('/api/boundaries?v=abc')).headers.get('cache-control')).toBe('no-cache');
  });
});

describe('GET /api/hotspots', () => {
  it('lists hotspots existing at the date with their status', async () => {
    const fc = await json('/api/hotspots?date=2024-06-30');
    const rows = fc.features.map((f: any) => [
      f.properties.address,
      f.properties.status,
      f.properties.since,
      f.properties.communeCode,
    ]);
    expect(rows).toEqual([
      ['Ấp 1, xã Tân An', 'eliminated', '2023-04-01', '98101'],
      ['Khóm 2, thị trấn Hòa Lợi', 'active', '2021-07-01', '98102'],
      ['Ấp Phước Hòa, xã Phước Hưng', 'eliminated', '2020-12-31', '98201'],
      ['Khu phố 3, phường Long Đức', 'eliminated', '2024-01-15', '98202'],
      ['Khu phố 4, phường Long Đức', 'active', '2023-03-03', '98202'],
    ]);
    expect(fc.features[0].geometry).toEqual({ type: 'Point', coordinates: [106.05, 10.05] });
  });

  it('filters by status and subtree; a hotspot does not exist before its first event', async () => {
    const active = await json('/api/hotspots?date=2024-06-30&status=active&within=982');
    expect(active.features.map((f: any) => f.properties.address)).toEqual(['Khu phố 4, phường Long Đức']);
    expect((await json('/api/hotspots?date=2018-01-01')).features).toEqual([]);
  });
});

describe('GET /api/indicators', () => {
  it('computes every indicator for the province (same figures as the engine test)', async () => {
    const body = await json('/api/indicators?plan=p1&date=2024-06-30');
    const by = Object.fromEntries(body.indicators.map((i: any) => [i.id, i]));
    expect(body.plan.id).toBe('p1');
    expect([by.H1.numerator, by.H1.denominator, by.H1.onTrack]).toEqual([2, 4, false]);
    expect(by.H2.series.map((p: any) => p.numerator)).toEqual([0, 2, 0, -1]);
    expect(by.H3.value).toBe(1);
    expect([by.T1.numerator, by.T1.denominator]).toEqual([2, 3]);
    expect([by.T2.numerator, by.T2.denominator]).toEqual([2, 2]);
    expect([by.C1.value, by.C1.previous]).toEqual([2, 1]);
  });

  it('for a district, and defaulting plan and date', async () => {
    const body = await json('/api/indicators?unit=982');
    expect(body.unit).toEqual({ code: '982', name: 'Cầu Kè', type: 'Huyện' });
    expect(body.asOf).toBe('2024-06-30');
    const h1 = body.indicators.find((i: any) => i.id === 'H1');
    expect([h1.numerator, h1.denominator]).toEqual([1, 2]);
  });

  it('for a single commune, T2 with no transformed commune is no data', async () => {
    const body = await json('/api/indicators?plan=p1&unit=98202&date=2024-06-30');
    expect(body.indicators.find((i: any) => i.id === 'T2')).toMatchObject({ value: null, onTrack: null });
  });
});

describe('GET /api/indicators/ranking and /trend', () => {
  it('ranks the districts of the province by default, or the children of a parent', async () => {
    const body = await json('/api/indicators/ranking?plan=p1&date=2024-06-30');
    expect(body.units.map((u: any) => u.code)).toEqual(['981', '982']);
    const h1 = body.units.map((u: any) => u.indicators.find((i: any) => i.id === 'H1'));
    expect(h1.map((i: any) => [i.numerator, i.denominator])).toEqual([
      [1, 2],
      [1, 2],
    ]);
    const communes = await json('/api/indicators/ranking?plan=p1&parent=982&date=2024-06-30');
    expect(communes.units.map((u: any) => u.code)).toEqual(['98201', '98202']);
  });

  it('gives one point per plan year end up to the date, then the date', async () => {
    const body = await json('/api/indicators/trend?plan=p1&date=2024-06-30');
    expect(body.points.map((p: any) => p.date)).toEqual(['2021-12-31', '2022-12-31', '2023-12-31', '2024-06-30']);
    const last = body.points[3].indicators.find((i: any) => i.id === 'H1');
    expect([last.numerator, last.denominator]).toEqual([2, 4]);
  });

  it.each([
    ['/api/indicators/ranking?parent=x', 'query.parent'],
    ['/api/indicators/trend?date=2024-1-1', 'query.date'],
  ])('%s → 400 at %s', async (path, field) => {
    const res = await get(path);
    expect(res.status).toBe(400);
    expect(((await res.json()) as any).error.issues[0].path).toBe(field);
  });
});

describe('bad input gets 400 naming the field, in Vietnamese and English', () => {
  it.each([
    ['/api/communes?date=2024-02-30', 'query.date'],
    ['/api/communes?date=yesterday', 'query.date'],
    ['/api/communes?within=abc', 'query.within'],
    ['/api/statuses?date=2024-13-01', 'query.date'],
    ['/api/units?parent=1', 'query.parent'],
    ['/api/hotspots?status=gone', 'query.status'],
    ['/api/indicators?plan=P%201', 'query.plan'],
    ['/api/indicators?date=31/12/2024', 'query.date'],
    ['/api/communes/12ab', 'param.code'],
    ['/api/boundaries?v=xyz!', 'query.v'],
  ])('%s → 400 at %s', async (path, field) => {
    const res = await get(path);
    expect(res.status).toBe(400);
    const body = (await res.json()) as any;
    expect(body.error.code).toBe('validation');
    expect(body.error.message.vi).toBeTruthy();
    expect(body.error.issues[0].path).toBe(field);
    expect(body.error.issues[0].message).toMatch(/ \/ /);
  });

  it.each([
    ['/api/communes/99999', 404],
    ['/api/communes/981', 404],
    ['/api/indicators?plan=nope', 404],
    ['/api/indicators?unit=12345', 404],
    ['/api/units?parent=77', 404],
    ['/api/nothing', 404],
  ])('%s → %i with a JSON error', async (path, status) => {
    const res = await get(path);
    expect(res.status).toBe(status);
    expect(((await res.json()) as any).error.message.en).toBeTruthy();
  });

  it('never logged an unhandled error', () => {
    expect(t.logs).toEqual([]);
  });
});
