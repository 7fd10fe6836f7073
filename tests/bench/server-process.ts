// Starts the real server as a child process and measures the time until /api/health answers 200.
import { spawn, type ChildProcess } from 'node:child_process';
import { rawGet } from './http';

export interface RunningServer {
  url: string;
  process: ChildProcess;
  readyMs: number;
  stop(): Promise<void>;
}

export async function startServer(env: Record<string, string>, port: number): Promise<RunningServer> {
  const t0 = performance.now();
  const child = spawn(process.execPath, ['dist/server/main.js'], {
    // The page with the handles the browser specs and benchmarks read (scripts/build-specs-web.ts).
    env: { ...process.env, WEB_ROOT: 'dist/web-specs', ...env, PORT: String(port), HOST: '127.0.0.1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (output += d.toString()));
  const url = `http://127.0.0.1:${port}`;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited ${child.exitCode}:\n${output}`);
    try {
      if ((await rawGet(`${url}/api/health`)).status === 200) break;
    } catch {
      /* not listening yet */
    }
    await new Promise((r) => setTimeout(r, 10));
  }
  const readyMs = performance.now() - t0;
  const stop = () =>
    new Promise<void>((resolve) => {
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
    });
  return { url, process: child, readyMs, stop };
}
