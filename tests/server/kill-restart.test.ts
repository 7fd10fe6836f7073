// 50 SIGKILLs of the real server while writes are being acknowledged, on the database of this run (PGlite in a data
// directory, or a fresh PostgreSQL database): every acknowledged write is there after the restart, and every restart
// succeeds, the last two with the server as PID 1 in a new PID namespace (as in a container), the case where a lock
// file naming "process 1" used to block the restart (issue 14, items 2 and the kill test).
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../data/seed';
import { createPostgresDatabase, testDbKind } from '../helpers/db';
import { buildNeeded } from '../../scripts/build-freshness';

const KILLS = 50;
const IN_NAMESPACE = 2; // the last lives run as PID 1
const root = mkdtempSync(join(tmpdir(), 'pcmt-kill-'));
const port = testDbKind === 'postgres' ? 18972 : 18971;
const origin = `http://127.0.0.1:${port}`;
let databaseUrl = '';
let dropDatabase = async () => {};

beforeAll(async () => {
  if (testDbKind === 'postgres') {
    const created = await createPostgresDatabase(process.env.TEST_DATABASE_URL!);
    databaseUrl = created.url;
    dropDatabase = created.drop;
  }
});
afterAll(async () => {
  await dropDatabase();
  rmSync(root, { recursive: true, force: true });
});

interface Life {
  /** The process to kill: the server itself (PID 1 inside its namespace when it runs in one). */
  serverPid(): number;
  exited: Promise<void>;
  output(): string;
}

// The built server when the build is current (npm test builds it when Chromium is there): a third of tsx's start.
const command =
  buildNeeded(process.cwd()) === null
    ? [process.execPath, 'dist/server/main.js']
    : [process.execPath, '--import', 'tsx', 'server/main.ts'];

function startServer(asPid1: boolean): Life {
  const [file, ...args] = asPid1 ? ['unshare', '--pid', '--fork', '--mount-proc', ...command] : command;
  const child: ChildProcess = spawn(file!, args, {
    env: {
      ...process.env,
      DATA_DIR: join(root, 'db'),
      DATABASE_URL: databaseUrl,
      PORT: String(port),
      SEED_DEMO: 'true',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (out += d.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const serverPid = () => {
    if (!asPid1) return child.pid!;
    // unshare --fork: the server is unshare's only child (PID 1 inside the namespace).
    const children = readFileSync(`/proc/${child.pid}/task/${child.pid}/children`, 'utf8')
      .trim()
      .split(/\s+/)
      .filter(Boolean);
    return Number(children[0]);
  };
  return { serverPid, exited, output: () => out };
}

/** Polls until the server answers; a server that exits instead fails the test with its output. */
async function ready(life: Life, exitedEarly: () => boolean): Promise<{ pidInside: number | null }> {
  for (;;) {
    if (exitedEarly()) throw new Error(`the server exited instead of starting:\n${life.output()}`);
    try {
      if ((await fetch(`${origin}/api/health`)).status === 200) return { pidInside: null };
    } catch {
      /* not listening yet */
    }
    await sleep(50); // polling interval, not a deadline: the test's timeout is the only limit
  }
}

async function signIn(): Promise<Record<string, string>> {
  const res = await fetch(`${origin}/api/auth/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Origin: origin },
    body: JSON.stringify({ username: 'congan', password: DEMO_PASSWORD }),
  });
  expect(res.status).toBe(200);
  const { csrfToken } = (await res.json()) as { csrfToken: string };
  return {
    Cookie: res.headers.get('set-cookie')!.split(';')[0]!,
    'X-CSRF-Token': csrfToken,
    Origin: origin,
    'Content-Type': 'application/json',
  };
}

let seed = 20261202;
const random = () => (seed = (seed * 16807) % 2147483647) / 2147483647;

describe(`${KILLS} SIGKILLs during acknowledged writes (${testDbKind})`, () => {
  it(
    'loses no acknowledged write and restarts every time, PID 1 in a new namespace included',
    async () => {
      const acknowledged: number[] = [];
      let checkedUpTo = 0;
      let places: [number, number][] = [];
      for (let life = 0; life < KILLS; life++) {
        const asPid1 = life >= KILLS - IN_NAMESPACE;
        const server = startServer(asPid1);
        let gone = false;
        void server.exited.then(() => (gone = true));
        await ready(server, () => gone);
        const headers = await signIn();
        // What the previous life acknowledged is there (all of them are read again at the end).
        for (const id of acknowledged.slice(checkedUpTo)) {
          const res = await fetch(`${origin}/api/hotspots/${id}`, { headers });
          expect(res.status, `hotspot #${id} acknowledged before kill ${life}`).toBe(200);
        }
        checkedUpTo = acknowledged.length;
        if (!places.length) {
          const list = (await (await fetch(`${origin}/api/hotspots?limit=50`, { headers })).json()) as {
            features: { geometry: { coordinates: [number, number] } }[];
          };
          places = list.features.map((f) => f.geometry.coordinates);
        }
        // Four writers; the kill comes after 3–6 acknowledgements of this life, with the other writes in flight.
        const killAfter = 3 + Math.floor(random() * 4);
        let acksThisLife = 0;
        let killed = false;
        const writer = async (w: number) => {
          for (let n = 0; !killed; n++) {
            const [lng, lat] = places[(life * 7 + w * 3 + n) % places.length]!;
            const body = {
              location: [lng + (random() - 0.5) * 1e-4, lat + (random() - 0.5) * 1e-4],
              address: `Lần ${life}, người ghi ${w}, số ${n}`,
              kind: 'diem',
              activities: ['using'],
              detectedOn: '2026-01-15',
              acknowledgeDuplicates: true,
            };
            let res: Response;
            try {
              res = await fetch(`${origin}/api/hotspots`, { method: 'POST', headers, body: JSON.stringify(body) });
            } catch {
              return; // the kill cut this request: its outcome is unknown, it was not acknowledged
            }
            if (res.status !== 201) {
              if (killed) return;
              throw new Error(`write refused: ${res.status} ${await res.text()}`);
            }
            const { id } = (await res.json().catch(() => ({}))) as { id?: number };
            if (id === undefined) return; // cut while the answer was read
            acknowledged.push(id);
            if (++acksThisLife === killAfter && !killed) {
              killed = true;
              process.kill(server.serverPid(), 'SIGKILL');
            }
          }
        };
        await Promise.all([0, 1, 2, 3].map(writer));
        await server.exited;
      }
      // One more life to read what the fiftieth acknowledged, then a clean stop.
      const last = startServer(false);
      let gone = false;
      void last.exited.then(() => (gone = true));
      await ready(last, () => gone);
      const headers = await signIn();
      const missing = [];
      for (const id of acknowledged)
        if ((await fetch(`${origin}/api/hotspots/${id}`, { headers })).status !== 200) missing.push(id);
      expect(missing).toEqual([]);
      expect(acknowledged.length).toBeGreaterThanOrEqual(KILLS * 3);
      process.kill(last.serverPid(), 'SIGTERM');
      await last.exited;
    },
    40 * 60_000,
  );
});
