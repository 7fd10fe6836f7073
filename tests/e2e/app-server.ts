// Starts the built product (dist/) for browser specs on a fresh embedded data dir, or a fresh PostgreSQL database.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readEnv } from '../../server/env';
import { startServer } from '../bench/server-process';
import { createPostgresDatabase } from '../helpers/db';
import { describeNeeding, HEAVY_TIMEOUT } from '../helpers/requirements';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { CHROMIUM_PATH, launchBrowser } from './browser';

/** What the browser specs lack on this machine (Debian's Chromium, the built app), or null when they can run. */
export function browserTestsMissing(): string | null {
  const missing = [
    existsSync(CHROMIUM_PATH) ? null : `Chromium at ${CHROMIUM_PATH} (apt-get install chromium)`,
    ...['dist/web-specs/index.html', 'dist/server/main.js'].map((f) =>
      existsSync(f) ? null : `${f} (npm run build && npm run build:specs; npm test does both)`,
    ),
  ].filter((m) => m !== null);
  return missing.length ? `missing ${missing.join(', ')}` : null;
}

/** `describe` for browser specs: skipped with a notice without Chromium or a build, failing under PCMT_REQUIRE_ALL=1. */
export function describeInBrowser(name: string, body: () => void): void {
  describeNeeding('browser', browserTestsMissing(), name, body);
}

/** Runs one of the app's command-line tools (a script path and its arguments) on the spec's database; `input` is its
 *  standard input (passwords). Returns what it printed; throws when it fails. */
export type RunCli = (script: string, args: string[], input?: string) => string;

export interface AppServerOptions {
  /** Command-line work done between the first start (the demo seeded) and the start the spec uses, the server
   *  stopped meanwhile (the embedded database admits one process), as an installer would. */
  beforeStart?: (cli: RunCli) => void;
}

export async function startAppServer(port: number, options: AppServerOptions = {}) {
  const env = readEnv();
  const dir = mkdtempSync(join(tmpdir(), 'pcmt-e2e-'));
  const pg =
    env.TEST_DB === 'postgres' && env.TEST_DATABASE_URL ? await createPostgresDatabase(env.TEST_DATABASE_URL) : null;
  const files = { ATTACHMENTS_DIR: join(dir, 'attachments') };
  const serverEnv = pg ? { DATABASE_URL: pg.url, ...files } : { DATA_DIR: join(dir, 'db'), ...files };
  let server = await startServer(serverEnv, port);
  if (options.beforeStart) {
    await server.stop();
    options.beforeStart((script, args, input = '') => {
      const r = spawnSync(process.execPath, ['--import', 'tsx', script, ...args], {
        encoding: 'utf8',
        input,
        env: { ...process.env, DATABASE_URL: '', ...serverEnv },
      });
      if (r.status !== 0) throw new Error(`${script} ${args.join(' ')} exited ${r.status}:\n${r.stdout}${r.stderr}`);
      return r.stdout;
    });
    server = await startServer(serverEnv, port);
  }
  return {
    origin: server.url,
    stop: async () => {
      await server.stop();
      await pg?.drop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** The built app and a browser for one spec file: started before its tests, stopped after them. */
export function appAndBrowser(
  port: number,
  options: AppServerOptions = {},
): { readonly origin: string; readonly browser: Browser } {
  let server: Awaited<ReturnType<typeof startAppServer>> | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    server = await startAppServer(port, options);
    browser = await launchBrowser();
  }, HEAVY_TIMEOUT);
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  }, HEAVY_TIMEOUT);
  return {
    get origin() {
      return server!.origin;
    },
    get browser() {
      return browser!;
    },
  };
}
