// Buffer searches of police size stay bounded (issue 14, item 1): 2,000 points × 20 km is built off the event loop
// (health keeps answering), holds exactly the hotspots within its radius, and what is too large is refused with
// the limit named. Before: turf's buffer of a MultiPoint blocked the event loop for minutes, then ran out of memory.
import { setImmediate as nextTurn } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Geodesic } from 'geographiclib-geodesic';
import { generateDemoDataset } from '../../data/demo/generate';
import { AREA_WORK_LIMITS } from '../../server/services/area-builder';
import { createTestApp, type TestApp } from '../helpers/app';
import { signIn, type Client } from '../helpers/auth';

let t: TestApp;
let police: Client;
let extent: [number, number, number, number];
const everywhere = {
  type: 'polygon',
  coordinates: [
    [
      [100, 5],
      [112, 5],
      [112, 25],
      [100, 25],
      [100, 5],
    ],
  ],
};

beforeAll(async () => {
  t = await createTestApp(generateDemoDataset(), '2026-06-30T05:00:00Z');
  police = await signIn(t, 'police');
  const all = (await (
    await police.send('POST', '/api/areas/query', { area: everywhere, date: '2026-06-30' })
  ).json()) as any;
  const xy: number[][] = all.hotspots.features.map((f: any) => f.geometry.coordinates);
  extent = [
    Math.min(...xy.map((p) => p[0]!)),
    Math.min(...xy.map((p) => p[1]!)),
    Math.max(...xy.map((p) => p[0]!)),
    Math.max(...xy.map((p) => p[1]!)),
  ];
}, 120_000);
afterAll(() => t.close());

let seed = 42;
const random = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
const pointsIn = (n: number, [w, s, e, nth]: number[]) =>
  Array.from({ length: n }, () => [w! + random() * (e! - w!), s! + random() * (nth! - s!)] as [number, number]);
const metres = (a: number[], b: number[]) => Geodesic.WGS84.Inverse(a[1]!, a[0]!, b[1]!, b[0]!).s12!;

describe('buffer searches of police size', () => {
  it('2,000 points × 20 km: built while health keeps answering, then answered', async () => {
    const points = pointsIn(2000, extent);
    let settled = false;
    const query = police
      .send('POST', '/api/areas/query', { area: { type: 'buffer', points, radiusM: 20_000 }, date: '2026-06-30' })
      .finally(() => (settled = true));
    let healthAnswers = 0;
    while (!settled) {
      const res = await t.app.request('/api/health');
      expect(res.status).toBe(200);
      if (!settled) healthAnswers++;
      await nextTurn(); // in-process requests settle in microtasks: give the worker's reply a turn
    }
    const res = await query;
    expect(res.status, await res.clone().text()).toBe(200);
    const body = (await res.json()) as any;
    expect(['Polygon', 'MultiPolygon']).toContain(body.area.type);
    expect(body.hotspots.features.length).toBeGreaterThan(0);
    expect(healthAnswers).toBeGreaterThanOrEqual(3);
  }, 120_000);

  it('holds exactly the hotspots within its radius (80 m accuracy band at 20 km, 12 m at 3 km)', async () => {
    const points = pointsIn(300, extent);
    const r = 3000;
    const res = await police.send('POST', '/api/areas/query', {
      area: { type: 'buffer', points, radiusM: r },
      date: '2026-06-30',
    });
    expect(res.status, await res.clone().text()).toBe(200);
    const inside = new Set(((await res.json()) as any).hotspots.features.map((f: any) => f.properties.id));
    const all = (await (
      await police.send('POST', '/api/areas/query', { area: everywhere, date: '2026-06-30' })
    ).json()) as any;
    let checked = 0;
    for (const f of all.hotspots.features) {
      const d = Math.min(...points.map((p) => metres(p, f.geometry.coordinates)));
      if (d < r - 12) {
        expect(inside.has(f.properties.id), `#${f.properties.id} at ${d.toFixed(0)} m`).toBe(true);
        checked++;
      }
      if (d > r) expect(inside.has(f.properties.id), `#${f.properties.id} at ${d.toFixed(0)} m`).toBe(false);
    }
    expect(checked).toBeGreaterThan(10);
  }, 60_000);

  it('points spread over 600 km are refused with the limit named', async () => {
    const res = await police.send('POST', '/api/areas/query', {
      area: { type: 'buffer', points: [[104, 10], [109.5, 10], ...pointsIn(30, extent)], radiusM: 1000 },
    });
    expect(res.status).toBe(422);
    const body = (await res.json()) as any;
    expect(body.error.code).toBe('area_too_large');
    expect(body.error.details.limit).toBe('maxSpanM');
    expect(body.error.message.en).toContain('limit of 500 km');
    expect(body.error.message.vi).toContain('giới hạn 500 km');
  });

  it('a build past the time limit is refused, and the next build works', async () => {
    const points = pointsIn(1500, extent);
    const saved = AREA_WORK_LIMITS.timeoutMs;
    AREA_WORK_LIMITS.timeoutMs = 1;
    try {
      const res = await police.send('POST', '/api/areas/query', { area: { type: 'buffer', points, radiusM: 5000 } });
      expect(res.status).toBe(422);
      const body = (await res.json()) as any;
      expect(body.error.details.limit).toBe('timeoutMs');
      expect(body.error.message.en).toContain('takes more than');
    } finally {
      AREA_WORK_LIMITS.timeoutMs = saved;
    }
    const again = await police.send('POST', '/api/areas/query', { area: { type: 'buffer', points, radiusM: 5000 } });
    expect(again.status).toBe(200);
  }, 60_000);

  it('an operation stores the built area and its detail and export read it back', async () => {
    const points = pointsIn(400, extent);
    const res = await police.send('POST', '/api/operations', {
      name: 'Đợt cao điểm tháng 7',
      startDate: '2026-07-01',
      endDate: '2026-07-31',
      area: { type: 'buffer', points, radiusM: 2000 },
    });
    expect(res.status, await res.clone().text()).toBe(201);
    const op = (await res.json()) as any;
    const searched = (await (
      await police.send('POST', '/api/areas/query', { area: { type: 'buffer', points, radiusM: 2000 } })
    ).json()) as any;
    expect(op.area).toEqual(searched.area);
    const exported = await police.send('GET', `/api/operations/${op.id}/export?format=xlsx`);
    expect(exported.status).toBe(200);
  }, 60_000);
});
