// Starts the built product (dist/) for browser specs on a fresh embedded data dir, or a fresh PostgreSQL database.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readEnv } from '../../server/env';
import { startServer } from '../bench/server-process';
import { createPostgresDatabase } from '../helpers/db';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { CHROMIUM_PATH, launchBrowser } from './browser';

/** Browser specs need Debian's Chromium and a built app; without them they skip with a notice. */
export const browserTestsPossible = existsSync(CHROMIUM_PATH) && existsSync('dist/web/index.html') && existsSync('dist/server/main.js');
if (!browserTestsPossible) console.warn('Browser specs skipped: need /usr/bin/chromium and `npm run build` (npm test does both in CI).');

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
