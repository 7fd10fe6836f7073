// The server decides, the web shows (issue 15, item 1): the plan and the boundary vintage of a date travel with the
// statuses of that date, whether a user may propose travels with the commune, and every response names the date
// asked asOf and a date clamped to the plan's end computedAt.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { feature } from 'topojson-client';
import type { Topology } from 'topojson-specification';
import { miniProvince } from '../fixtures/mini-province';
import { createTestApp, type TestApp } from '../helpers/app';
import { signIn, type Client } from '../helpers/auth';

/** The mini province with a second plan (2026–2030) and a reform on 1/7/2025: Long Đức (98202) becomes 98203. */
const reformed = {
  ...miniProvince,
  units: [
    ...miniProvince.units.map((u) => (u.code === '98202' ? { ...u, validTo: '2025-07-01' } : u)),
    {
      ...miniProvince.units.find((u) => u.code === '98202')!,
      code: '98203',
      name: 'Long Đức Mới',
      validFrom: '2025-07-01',
    },
  ],
  plans: [
    ...miniProvince.plans,
    { ...miniProvince.plans[0]!, id: 'p2', title: 'Kế hoạch 2026–2030', start: '2026-01-01', end: '2030-12-31' },
  ],
};

let t: TestApp;
let leader: Client;
beforeAll(async () => {
  t = await createTestApp(reformed, '2024-06-30T05:00:00Z');
  leader = await signIn(t, 'leader');
});
afterAll(() => t.close());

type StatusesBody = { asOf: string; planId: string | null; vintage: { key: string; from: string | null } };
const statuses = async (q: string) => (await (await leader.get(`/api/statuses${q}`)).json()) as StatusesBody;
/** The commune codes of the geometry the map would draw for that answer. */
async function drawn(v: StatusesBody['vintage']): Promise<string[]> {
  const res = await leader.get(`/api/boundaries?v=${v.key}${v.from ? `&date=${v.from}` : ''}`);
  expect(res.status).toBe(200);
  const topo = (await res.json()) as Topology;
  const fc = feature(topo, topo.objects.communes!) as unknown as { features: { properties: { code: string } }[] };
  return fc.features.map((f) => f.properties.code).sort();
}

describe('the statuses of a date', () => {
  it("name the date's plan and the vintage whose geometry the map draws", async () => {
    const before = await statuses('?date=2024-06-30');
    expect(before).toMatchObject({ asOf: '2024-06-30', planId: 'p1', vintage: { from: '2020-01-01' } });
    expect(await drawn(before.vintage)).toEqual(['98101', '98102', '98201', '98202']);

    const after = await statuses('?date=2025-08-01');
    expect(after).toMatchObject({ asOf: '2025-08-01', planId: 'p1', vintage: { from: '2025-07-01' } });
    expect(after.vintage.key).not.toBe(before.vintage.key);
    expect(await drawn(after.vintage)).toEqual(['98101', '98102', '98201', '98203']);

    expect(await statuses('?date=2027-03-01')).toMatchObject({ planId: 'p2', vintage: after.vintage });
    // Without a date: today's (the app's clock), with today's plan and vintage.
    expect(await statuses('')).toMatchObject({ asOf: '2024-06-30', planId: 'p1', vintage: before.vintage });
    // Before any boundary record: the vintage of today; before any plan: the latest plan.
    expect(await statuses('?date=2019-05-01')).toMatchObject({
      asOf: '2019-05-01',
      planId: 'p2',
      vintage: before.vintage,
    });
  });
});

describe('indicator reports', () => {
  it('resolve the plan when none is asked, and name the date asked and the date computed', async () => {
    const res = (await (await leader.get('/api/indicators?date=2027-03-01')).json()) as Record<string, unknown>;
    expect(res).toMatchObject({ asOf: '2027-03-01', computedAt: '2027-03-01', plan: { id: 'p2' } });
    const late = (await (await leader.get('/api/indicators?date=2031-01-01&plan=p1')).json()) as Record<
      string,
      unknown
    >;
    expect(late).toMatchObject({ asOf: '2031-01-01', computedAt: '2025-12-31', plan: { id: 'p1' } });
    const ranking = (await (await leader.get('/api/indicators/ranking?date=2024-06-30')).json()) as Record<
      string,
      unknown
    >;
    expect(ranking.asOf).toBe('2024-06-30');
    const units = (await (await leader.get('/api/units?date=2024-06-30')).json()) as Record<string, unknown>;
    expect(units.asOf).toBe('2024-06-30');
  });
});

describe('a commune as the signed-in user sees it', () => {
  it('says whether they may propose a change for it: role and area', async () => {
    const editor = await signIn(t, 'editor', ['981']);
    const admin = await signIn(t, 'admin');
    const may = async (c: Client, code: string) => {
      const body = (await (await c.get(`/api/communes/${code}?date=2024-06-30`)).json()) as {
        canPropose: boolean;
        asOf: string;
      };
      expect(body.asOf).toBe('2024-06-30');
      return body.canPropose;
    };
    expect([await may(editor, '98102'), await may(editor, '98202')]).toEqual([true, false]);
    expect([await may(admin, '98102'), await may(admin, '98202')]).toEqual([true, true]);
    expect([await may(leader, '98102'), await may(leader, '98202')]).toEqual([false, false]);
  });
});
