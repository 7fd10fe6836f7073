// Entry point: env → data-dir lock → database → migrations → first-run demo seed → serve API and web → clean shutdown.
import { dirname, join, resolve } from 'node:path';
import { serve } from '@hono/node-server';
import { createApp } from './app';
import { mountWebPage } from './http/web-page';
import { countUsers } from './services/users';
import { DataDirLockedError } from './db/lock';
import { openConfiguredDatabase } from './db/open';
import { readEnv } from './env';
// The entry point is the composition root: the one server file that reaches into data/ (the first-run demo seed).
import { retireDemoAccounts, seedDemoIfEmpty, seedDemoUsers } from '../data/seed';
import { anchorAuditHead } from './services/audit';

async function main() {
  const env = readEnv();
  const started = Date.now();
  const { database, release } = await openConfiguredDatabase(env);
  if (env.SEED_DEMO) {
    await seedDemoIfEmpty(database, (m) => console.log(m));
    await seedDemoUsers(database.db, (m) => console.log(m));
  }
  await retireDemoAccounts(database.db, (m) => console.log(m));
  if ((await countUsers(database.db)) === 0)
    console.log(
      'No users yet / Chưa có người dùng: create the first administrator with `npm run users -- create-admin <username>`',
    );
  const app = createApp({
    database,
    attachmentsDir: env.ATTACHMENTS_DIR ?? join(dirname(resolve(env.DATA_DIR)), 'attachments'),
    auth: {
      session: { idleMs: env.SESSION_IDLE_MINUTES * 60_000, absoluteMs: env.SESSION_MAX_HOURS * 3_600_000 },
      cookieSecure: env.COOKIE_SECURE,
      trustedProxy: env.TRUSTED_PROXY ?? null,
      publicOrigin: env.PUBLIC_ORIGIN ?? null,
    },
  });
  if (!mountWebPage(app, env.WEB_ROOT))
    console.warn(
      `No built web page in ${env.WEB_ROOT}: run \`npm run build\` (npm start does it). Serving the API only.`,
    );
  const server = serve({ fetch: app.fetch, port: env.PORT, hostname: env.HOST }, (info) => {
    const where = env.DATABASE_URL ? 'PostgreSQL' : `PGlite in ${env.DATA_DIR}`;
    console.log(
      `Ready in ${Date.now() - started} ms on ${where}: http://${env.HOST === '0.0.0.0' ? 'localhost' : env.HOST}:${info.port}/`,
    );
  });
  // The head is anchored outside the database now and then, and at a clean stop.
  const anchor = () =>
    anchorAuditHead(database.db).catch((e: unknown) =>
      console.error('audit anchor:', e instanceof Error ? e.message : e),
    );
  await anchor();
  const anchoring = setInterval(() => void anchor(), env.AUDIT_ANCHOR_MINUTES * 60_000);
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`${signal}: closing the database cleanly…`);
    server.close();
    clearInterval(anchoring);
    await anchor();
    await database.close();
    release();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
}

main().catch((e: unknown) => {
  if (e instanceof DataDirLockedError) console.error(e.message);
  else console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
