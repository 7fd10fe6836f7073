// The police's heaviest request: a buffer of 20 km around 2,000 points (issue 14, item 1). Measures the answer
// time (first build, worker starting, and a second), health latency probed throughout, and the server's peak RSS.
import { readFileSync } from 'node:fs';
import { signInOverHttp } from '../e2e/api-session';
import type { RunningServer } from './server-process';

export interface AreaFigures {
  rssBeforeMb: number;
  firstMs: number;
  secondMs: number;
  healthMaxMs: number;
  healthProbes: number;
  peakRssMb: number;
  status: number;
}

export async function bufferSearchFigures(server: RunningServer): Promise<AreaFigures> {
  const rssMb = (field: string) =>
    Math.round(
      Number(
        new RegExp(`${field}:\\s+(\\d+) kB`).exec(readFileSync(`/proc/${server.process.pid}/status`, 'utf8'))?.[1],
      ) / 1024,
    );
  const rssBeforeMb = rssMb('VmRSS');
  const { cookie, csrf } = await signInOverHttp(server.url, 'congan');
  const headers = { Cookie: cookie, 'X-CSRF-Token': csrf, Origin: server.url, 'Content-Type': 'application/json' };
  const sample = (await (await fetch(`${server.url}/api/hotspots?limit=5000`, { headers })).json()) as {
    features: { geometry: { coordinates: [number, number] } }[];
  };
  const xy = sample.features.map((f) => f.geometry.coordinates);
  const [w, s, e, n] = [
    Math.min(...xy.map((p) => p[0])),
    Math.min(...xy.map((p) => p[1])),
    Math.max(...xy.map((p) => p[0])),
    Math.max(...xy.map((p) => p[1])),
  ];
  let seed = 7;
  const random = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
  const points = Array.from({ length: 2000 }, () => [w + random() * (e - w), s + random() * (n - s)]);
  const body = JSON.stringify({ area: { type: 'buffer', points, radiusM: 20_000 } });
  let healthMaxMs = 0;
  let healthProbes = 0;
  const timed = async () => {
    let done = false;
    const t0 = performance.now();
    const answer = fetch(`${server.url}/api/areas/query`, { method: 'POST', headers, body })
      .then(async (r) => {
        await r.arrayBuffer();
        return r.status;
      })
      .finally(() => (done = true));
    while (!done) {
      const t1 = performance.now();
      await (await fetch(`${server.url}/api/health`)).arrayBuffer();
      healthMaxMs = Math.max(healthMaxMs, performance.now() - t1);
      healthProbes++;
    }
    return { status: await answer, ms: performance.now() - t0 };
  };
  const first = await timed();
  const second = await timed();
  return {
    rssBeforeMb,
    firstMs: Math.round(first.ms),
    secondMs: Math.round(second.ms),
    healthMaxMs: +healthMaxMs.toFixed(1),
    healthProbes,
    peakRssMb: rssMb('VmHWM'),
    status: Math.max(first.status, second.status),
  };
}
