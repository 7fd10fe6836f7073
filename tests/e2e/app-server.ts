// Starts the built product (dist/) for browser specs on a fresh embedded data dir, or a fresh PostgreSQL database.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readEnv } from '../../server/env';
import { startServer } from '../bench/server-process';
import { createPostgresDatabase } from '../helpers/db';
import { describeNeeding } from '../helpers/requirements';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { CHROMIUM_PATH, launchBrowser } from './browser';

/** What the browser specs lack on this machine (Debian's Chromium, the built app), or null when they can run. */
export function browserTestsMissing(): string | null {
  const missing = [
    existsSync(CHROMIUM_PATH) ? null : `Chromium at ${CHROMIUM_PATH} (apt-get install chromium)`,
    ...['dist/web/index.html', 'dist/server/main.js'].map((f) => (existsSync(f) ? null : `${f} (npm run build)`)),
  ].filter((m) => m !== null);
  return missing.length ? `missing ${missing.join(', ')}` : null;
}

/** `describe` for browser specs: skipped with a notice without Chromium or a build, failing under PCMT_REQUIRE_ALL=1. */
export function describeInBrowser(name: string, body: () => void): void {
  describeNeeding('browser', browserTestsMissing(), name, body);
}

export async function startAppServer(port: number) {
  const env = readEnv();
  const dir = mkdtempSync(join(tmpdir(), 'pcmt-e2e-'));
  const pg = env.TEST_DB === 'postgres' && env.TEST_DATABASE_URL ? await createPostgresDatabase(env.TEST_DATABASE_URL) : null;
  const files = { ATTACHMENTS_DIR: join(dir, 'attachments') };
  const server = await startServer(pg ? { DATABASE_URL: pg.url, ...files } : { DATA_DIR: join(dir, 'db'), ...files }, port);
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
export function appAndBrowser(port: number): { readonly origin: string; readonly browser: Browser } {
  let server: Awaited<ReturnType<typeof startAppServer>> | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    server = await startAppServer(port);
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });
  return { get origin() { return server!.origin; }, get browser() { return browser!; } };
}
