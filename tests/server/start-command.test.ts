// `npm start` as the README gives it: it builds only when a source is newer than the build, and a signal sent to it
// (a service manager's SIGTERM, Ctrl+C) stops the server too (through `sh -c` and a chain of commands it did not).
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildNeeded } from '../../scripts/build-freshness';

const root = mkdtempSync(join(tmpdir(), 'pcmt-start-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('when npm start builds', () => {
  const project = join(root, 'project');
  const touch = (path: string, seconds: number) => {
    mkdirSync(join(project, path, '..'), { recursive: true });
    writeFileSync(join(project, path), 'x');
    utimesSync(join(project, path), seconds, seconds);
  };
  const inputs = ['web', 'server', 'package-lock.json'];
  const outputs = ['dist/web/index.html', 'dist/server/main.js'];

  it('builds when there is no build, or a source is newer than it, and not otherwise', () => {
    touch('web/App.tsx', 1000);
    touch('server/main.ts', 1000);
    touch('package-lock.json', 1000);
    utimesSync(join(project, 'web'), 1000, 1000);
    utimesSync(join(project, 'server'), 1000, 1000);
    expect(buildNeeded(project, inputs, outputs)).toBe('dist/web/index.html is missing');
    touch('dist/web/index.html', 2000);
    touch('dist/server/main.js', 2000);
    expect(buildNeeded(project, inputs, outputs)).toBeNull();
    touch('server/routes/new.ts', 3000); // a new file in a sub-folder
    expect(buildNeeded(project, inputs, outputs)).toBe('server changed since the last build');
    touch('dist/server/main.js', 4000);
    expect(buildNeeded(project, inputs, outputs)).toBe('server changed since the last build'); // the web build is older
    touch('dist/web/index.html', 4000);
    utimesSync(join(project, 'server'), 1000, 1000);
    utimesSync(join(project, 'server/routes'), 1000, 1000);
    expect(buildNeeded(project, inputs, outputs)).toBeNull();
    touch('package-lock.json', 5000);
    expect(buildNeeded(project, inputs, outputs)).toBe('package-lock.json changed since the last build');
  });
});

// Starts servers (and builds if the build is stale): the limit only catches a hang, not a slow machine.
describe('npm start and signals', { timeout: 15 * 60_000 }, () => {
  it('stops the server when npm start receives SIGTERM', async () => {
    const port = 18967;
    const npm = spawn('npm', ['start'], {
      env: {
        ...process.env,
        DATA_DIR: join(root, 'db'),
        PORT: String(port),
        HOST: '127.0.0.1',
        SEED_DEMO: 'false',
        DATABASE_URL: '',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    npm.stdout!.on('data', (d: Buffer) => (out += d.toString()));
    npm.stderr!.on('data', (d: Buffer) => (out += d.toString()));
    const npmExit = new Promise<number | null>((resolve) => npm.once('exit', (code) => resolve(code)));
    const answers = () =>
      fetch(`http://127.0.0.1:${port}/api/health`).then(
        (r) => r.status === 200,
        () => false,
      );
    while (!(await answers())) {
      if (npm.exitCode !== null) throw new Error(`npm start exited early:\n${out}`);
      await new Promise((r) => setTimeout(r, 50));
    }
    // Every process holding the output pipe (npm, the start script, the server) has ended when it closes: a server
    // left running would keep it open.
    const closed = new Promise<void>((resolve) => npm.stdout!.once('close', () => resolve()));
    npm.kill('SIGTERM');
    await Promise.all([npmExit, closed]);
    expect(out).toContain('SIGTERM: closing the database cleanly');
    expect(await answers()).toBe(false);
  });
});
