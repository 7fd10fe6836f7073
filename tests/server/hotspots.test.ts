// The hotspot registry: commune from the point (shared border, hole, island, outside), duplicate warning within
// 50 m, lifecycle rules, search without diacritics and filters, need-to-know redaction per role, audit and live events.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { destination } from '@turf/turf';
import { sql } from 'drizzle-orm';
import type { Role } from '../../server/contracts/permissions';
import { queryRows } from '../../server/db/client';
import { islandProvince } from '../fixtures/island-province';
import { createTestApp, type TestApp } from '../helpers/app';
import { signIn, type Client } from '../helpers/auth';

let t: TestApp;
let police: Client;
const users = {} as Record<Role, Client>;

beforeAll(async () => {
  t = await createTestApp(islandProvince, '2024-06-30T05:00:00Z');
  police = await signIn(t, 'police');
  for (const r of ['admin', 'leader', 'editor', 'approver'] as const)
    users[r] = await signIn(t, r, r === 'editor' || r === 'approver' ? ['971'] : []);
  users.police = police;
});
afterAll(() => t.close());

/**
 * The registry as stored, read with plain SQL (not through the service under test): each hotspot with its commune
 * and its status on `date` from its latest event on or before that day (none yet: it does not exist on that day).
 */
async function stored(date: string) {
  const rows = await queryRows<{
    id: number;
    address: string;
    kind: string;
    activities: string[];
    commune: string;
    last: string | null;
  }>(
    t.database.db,
    sql`
    select h.id, h.address, h.kind, h.activities, u.code as commune,
      (select e.kind from hotspot_events e where e.hotspot_id = h.id and e.date <= ${date}::date order by e.date desc, e.id desc limit 1) as last
    from hotspots h join admin_units u on u.id = h.commune_id order by h.id`,
  );
  return rows
    .filter((r) => r.last !== null)
    .map((r) => ({ ...r, id: Number(r.id), status: r.last === 'eliminated' ? 'eliminated' : 'active' }));
}

const create = (location: [number, number], extra: Record<string, unknown> = {}, who = police) =>
  who.send('POST', '/api/hotspots', {
    location,
    address: 'Khu phố thử',
    kind: 'diem',
    activities: ['selling'],
    detectedOn: '2024-06-01',
    ...extra,
  });

describe('commune from the point', () => {
  it.each([
    ['inside the ring of a commune with a hole', [107.02, 11.08], '97101'],
    ['on the island of a multipolygon commune', [107.32, 11.02], '97102'],
    ['on the border shared by two communes (smallest code wins)', [107.1, 11.03], '97101'],
    ['on a corner of the shared border', [107.1, 11.0], '97101'],
  ] as const)('a point %s goes to %s', async (_n, location, code) => {
    const res = await create([...location], { acknowledgeDuplicates: true });
    expect(res.status, await res.clone().text()).toBe(201);
    expect(((await res.json()) as any).commune.code).toBe(code);
  });

  it.each([
    ['in the hole (a lake of no commune)', [107.05, 11.05]],
    ['just outside the province (≈ 11 m east)', [107.2001, 11.05]],
    ['in the sea between mainland and island', [107.25, 11.02]],
  ] as const)('refuses a point %s with 422 and writes nothing', async (_n, location) => {
    const before = ((await (await police.get('/api/hotspots')).json()) as any).features.length;
    const res = await create([...location]);
    expect(res.status).toBe(422);
    expect(((await res.json()) as any).error.code).toBe('outside_province');
    expect(((await (await police.get('/api/hotspots')).json()) as any).features.length).toBe(before);
  });

  it('moves a hotspot to the commune of its new point when it is dragged', async () => {
    const { id } = (await (await create([107.12, 11.08], { acknowledgeDuplicates: true })).json()) as any;
    const res = await police.send('PATCH', `/api/hotspots/${id}`, {
      location: [107.03, 11.08],
      acknowledgeDuplicates: true,
    });
    expect(((await res.json()) as any).commune.code).toBe('97101');
    expect((await police.send('PATCH', `/api/hotspots/${id}`, { location: [107.05, 11.05] })).status).toBe(422);
  });
});

describe('duplicates', () => {
  it('warns (409, with the nearby ones) within 50 m of an active hotspot, and saves once confirmed', async () => {
    const d1: [number, number] = [107.02, 11.02];
    const near = destination(d1, 0.045, 90, { units: 'kilometers' }).geometry.coordinates as [number, number]; // 45 m east
    const far = destination(d1, 0.06, 90, { units: 'kilometers' }).geometry.coordinates as [number, number]; // 60 m east
    expect((await create(far)).status).toBe(201);
    const warned = await create(near);
    expect(warned.status).toBe(409);
    const body = (await warned.json()) as any;
    expect(body.error.code).toBe('likely_duplicate');
    const d1Entry = body.error.details.duplicates.find((d: any) => d.address === 'Ấp Tân An, xã Vành Khuyên');
    expect(d1Entry.distanceM).toBeCloseTo(45, 0);
    expect(body.error.details.duplicates[0].distanceM).toBeCloseTo(15, 0); // the one just saved 60 m east, nearest first
    expect(body.error.message.vi).toMatch(/50 m/);
    expect((await create(near, { acknowledgeDuplicates: true })).status).toBe(201);
  });

  it('does not warn near an eliminated hotspot', async () => {
    expect((await create([107.1502, 11.0501])).status).toBe(201); // d2, eliminated, is 25 m away
  });
});

describe('lifecycle', () => {
  it('accepts eliminate → re-form → eliminate in date order and refuses the rest with 422', async () => {
    const { id } = (await (
      await create([107.18, 11.02], { detectedOn: '2024-03-01', acknowledgeDuplicates: true })
    ).json()) as any;
    const event = (kind: string, date: string) =>
      police.send('POST', `/api/hotspots/${id}/events`, { kind, date, note: 'Theo báo cáo' });
    expect((await event('reformed', '2024-03-05')).status).toBe(422);
    expect((await event('eliminated', '2024-02-01')).status).toBe(422); // before detection
    expect((await event('eliminated', '2024-04-01')).status).toBe(201);
    const again = await event('eliminated', '2024-04-10');
    expect(again.status).toBe(422);
    expect(((await again.json()) as any).error.message.vi).toMatch(/đã bị triệt xóa/);
    expect((await event('reformed', '2024-05-01')).status).toBe(201);
    expect((await event('detected', '2024-05-02')).status).toBe(422);
    expect((await event('eliminated', '2099-01-01')).status).toBe(422); // future
    const detail = (await (await police.get(`/api/hotspots/${id}`)).json()) as any;
    expect(detail.events.map((e: any) => e.kind)).toEqual(['detected', 'eliminated', 'reformed']);
    expect(detail.status).toBe('active');
  });
});

describe('search and filters', () => {
  const list = async (query: string) =>
    ((await (await police.get(`/api/hotspots?${query}`)).json()) as any).features.map((f: any) => f.properties.address);
  it('finds "Tân An" from "tan an", and "Đức Hòa" from "duc hoa"', async () => {
    expect(await list('q=tan%20an')).toEqual(['Ấp Tân An, xã Vành Khuyên']);
    expect(await list('q=duc%20hoa&date=2024-01-01')).toEqual(['Bến cá Đức Hòa']);
    expect(await list(`q=${encodeURIComponent('ĐỨC HÒA')}&date=2024-01-01`)).toEqual(['Bến cá Đức Hòa']);
  });

  it('filters by commune, kind, status, activity and active period', async () => {
    const all = ((await (await police.get('/api/hotspots?date=2024-06-30')).json()) as any).features;
    const f = async (q: string) => ((await (await police.get(`/api/hotspots?${q}`)).json()) as any).features;
    const db = await stored('2024-06-30');
    // Every stored hotspot, each with the status its events give on that day (ids ascending).
    expect(db.length).toBeGreaterThanOrEqual(2); // the fixture's two, and those the tests above created
    expect(all.map((x: any) => [x.properties.id, x.properties.communeCode, x.properties.status])).toEqual(
      db.map((r) => [r.id, r.commune, r.status]),
    );
    // Each filter: exactly the stored rows that match, none of them empty, and every row returned matches.
    const expectFilter = async (
      query: string,
      match: (r: (typeof db)[number]) => boolean,
      row: (x: any) => boolean,
    ) => {
      const want = db.filter(match).map((r) => r.id);
      expect(want.length, `${query}: the stored data has rows that match`).toBeGreaterThan(0);
      const got = await f(query);
      expect(
        got.map((x: any) => x.properties.id),
        query,
      ).toEqual(want);
      for (const x of got) expect(row(x), `${query}: ${JSON.stringify(x.properties)}`).toBe(true);
      return got;
    };
    await expectFilter(
      'within=97102&date=2024-06-30',
      (r) => r.commune === '97102',
      (x) => x.properties.communeCode === '97102',
    );
    await expectFilter(
      'within=97101&date=2024-06-30',
      (r) => r.commune === '97101',
      (x) => x.properties.communeCode === '97101',
    );
    await expectFilter(
      'status=eliminated&date=2024-06-30',
      (r) => r.status === 'eliminated',
      (x) => x.properties.status === 'eliminated',
    );
    await expectFilter(
      'status=active&date=2024-06-30',
      (r) => r.status === 'active',
      (x) => x.properties.status === 'active',
    );
    await expectFilter(
      'kind=diem&date=2024-06-30',
      (r) => r.kind === 'diem',
      (x) => x.properties.kind === 'diem',
    );
    await expectFilter(
      'activity=selling&date=2024-06-30',
      (r) => r.activities.includes('selling'),
      (x) => x.properties.activities.includes('selling'),
    );
    // The fixture's d2 is the only tụ điểm, the only one harbouring, and the only one eliminated (01/02/2024).
    expect((await f('kind=tu_diem&date=2024-06-30')).map((x: any) => x.properties.address)).toEqual(['Bến cá Đức Hòa']);
    expect((await f('status=eliminated&date=2024-06-30')).map((x: any) => x.properties.address)).toEqual([
      'Bến cá Đức Hòa',
    ]);
    expect((await f('activity=harbouring&date=2024-06-30')).map((x: any) => x.properties.address)).toEqual([
      'Bến cá Đức Hòa',
    ]);
    expect(await f('from=2024-03-01&to=2024-06-30&kind=tu_diem')).toEqual([]); // eliminated 01/02/2024
    expect((await f('from=2024-01-01&to=2024-06-30&kind=tu_diem')).map((x: any) => x.properties.address)).toEqual([
      'Bến cá Đức Hòa',
    ]);
    // Before 2024 only d2 existed (d1 was detected on 10/01/2024, the others in 2024 too).
    expect((await f('date=2023-12-31')).map((x: any) => [x.properties.address, x.properties.status])).toEqual([
      ['Bến cá Đức Hòa', 'active'],
    ]);
    const page1 = (await (await police.get('/api/hotspots?date=2024-06-30&limit=2')).json()) as any;
    const page2 = (await (await police.get('/api/hotspots?date=2024-06-30&limit=2&offset=2')).json()) as any;
    expect(page1.total).toBe(all.length);
    expect(page1.features.map((x: any) => x.id)).toEqual(all.slice(0, 2).map((x: any) => x.id));
    expect(page2.features.map((x: any) => x.id)).toEqual(all.slice(2, 4).map((x: any) => x.id));
    const bad = await police.get('/api/hotspots?from=2024-06-01&to=2024-01-01');
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as any).error.issues[0].path).toBe('query.from');
  });
});

describe('need to know', () => {
  it('gives exact places and details only to police and admins; others get counts per commune, without places', async () => {
    const { features } = (await (await police.get('/api/hotspots')).json()) as any;
    const id = features[0].properties.id;
    for (const role of ['admin', 'police', 'leader', 'editor', 'approver'] as const) {
      const exact = role === 'admin' || role === 'police';
      for (const path of ['/api/hotspots', `/api/hotspots/${id}`, '/api/hotspots/nearby?lng=107.02&lat=11.02'])
        expect((await users[role].get(path)).status, `${role} ${path}`).toBe(exact ? 200 : 403);
      const counts = await users[role].get('/api/hotspots/counts');
      expect(counts.status).toBe(200);
      const text = await counts.text();
      expect(text).not.toMatch(/107\.|11\.0|address|Ấp/);
      const db = await stored('2024-06-30');
      const inVanhKhuyen = (status: string) => db.filter((r) => r.commune === '97101' && r.status === status).length;
      expect(inVanhKhuyen('active')).toBeGreaterThan(0);
      expect(JSON.parse(text).counts['97101']).toEqual({
        active: inVanhKhuyen('active'),
        eliminated: inVanhKhuyen('eliminated'),
      });
      expect((await create([107.03, 11.09], { acknowledgeDuplicates: true }, users[role])).status).toBe(
        exact ? 201 : 403,
      );
    }
  });

  it('audits every hotspot write with before and after', async () => {
    const { rows } = (await (await users.admin.get('/api/audit?limit=500')).json()) as any;
    const actions = new Set(rows.map((r: any) => r.action));
    for (const a of ['hotspot_create', 'hotspot_update', 'hotspot_event']) expect(actions).toContain(a);
    expect(rows.find((r: any) => r.action === 'hotspot_update').before).toHaveProperty('lng');
  });
});

describe('search ranking', () => {
  it('puts records holding the typed phrase before those with the words apart', async () => {
    await create([107.13, 11.09], {
      address: 'Tổ 3, ấp An Bình',
      description: 'Gần chợ Tân Hòa',
      acknowledgeDuplicates: true,
    });
    const res = (await (await police.get('/api/hotspots?q=tan%20an')).json()) as any;
    const addresses = res.features.map((f: any) => f.properties.address);
    expect(addresses[0]).toBe('Ấp Tân An, xã Vành Khuyên');
    expect(addresses).toContain('Tổ 3, ấp An Bình'); // "tân" and "an" both there, apart
  });
});
