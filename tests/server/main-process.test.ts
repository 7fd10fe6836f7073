// The real server process on an embedded data directory: exclusive lock, clean shutdown, restart after a kill.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DataDirLockedError, lockDataDir } from '../../server/db/lock';

const root = mkdtempSync(join(tmpdir(), 'pcmt-main-'));
const dataDir = join(root, 'db');
afterAll(() => rmSync(root, { recursive: true, force: true }));

interface Started {
  child: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
}

function start(port: number): Started {
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    env: { ...process.env, DATA_DIR: dataDir, PORT: String(port), SEED_DEMO: 'false', DATABASE_URL: '' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (out += d.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { child, output: () => out, exited };
}

/** Polls until the server answers (or exits): no deadline of its own, the test's timeout is the only limit. */
async function waitReady(s: Started, port: number) {
  for (;;) {
    if (s.child.exitCode !== null) throw new Error(`exited early: ${s.output()}`);
    try {
      const res = await fetch(`http://127.0.0.1:${port}/api/health`);
      if (res.status === 200) return (await res.json()) as { database: string };
    } catch {
      /* not listening yet */
    }
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('data directory lock (in process)', () => {
  it('refuses a second lock while the first is held, allows it after release', () => {
    const dir = join(root, 'unit');
    const release = lockDataDir(dir);
    expect(() => lockDataDir(dir)).toThrow(DataDirLockedError);
    expect(() => lockDataDir(dir)).toThrow(/in use by process \d+.*\n.*đang được tiến trình/);
    release();
    lockDataDir(dir)();
  });

  it('takes over a lock naming a live pid that another process held before (PID 1 restarting in a container)', () => {
    const dir = join(root, 'reused');
    const lockFile = join(root, 'reused.lock');
    // The server that wrote these crashed; the pid now belongs to another process (PID 1 here is the init of this
    // machine, our own pid is this test's): same pid, another start time. Before the fix: "in use by process 1".
    for (const pid of [1, process.pid]) {
      writeFileSync(lockFile, `${pid} 1`);
      const release = lockDataDir(dir);
      expect(readFileSync(lockFile, 'utf8')).toMatch(new RegExp(`^${process.pid} \\d+$`));
      release();
      expect(existsSync(lockFile)).toBe(false);
    }
    // The lock this process holds names it exactly, so a second taking is still refused.
    const release = lockDataDir(dir);
    expect(() => lockDataDir(dir)).toThrow(DataDirLockedError);
    release();
  });
});

// Each test starts server processes (tsx, PGlite, migrations): the limit only catches a hang, not a slow machine.
describe('server process on the embedded database', { timeout: 15 * 60_000 }, () => {
  it('a second server on the same directory exits at once, non-zero, with a clear message', async () => {
    const first = start(18961);
    expect((await waitReady(first, 18961)).database).toBe('pglite');
    const second = start(18962);
    expect(await second.exited).toBe(1);
    expect(second.output()).toMatch(/is in use by process \d+/);
    expect((await fetch('http://127.0.0.1:18961/api/health')).status).toBe(200);

    first.child.kill('SIGTERM');
    expect(await first.exited).toBe(0);
    expect(first.output()).toMatch(/closing the database cleanly/);
    expect(existsSync(`${dataDir}.lock`)).toBe(false);
  });

  it('restarts after being killed (stale lock taken over, data directory reopened)', async () => {
    const victim = start(18963);
    await waitReady(victim, 18963);
    victim.child.kill('SIGKILL');
    await victim.exited;
    expect(existsSync(`${dataDir}.lock`)).toBe(true);
    const again = start(18964);
    expect((await waitReady(again, 18964)).database).toBe('pglite');
    again.child.kill('SIGTERM');
    expect(await again.exited).toBe(0);
  });
});
