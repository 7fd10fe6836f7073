// A fresh, migrated database per test file: in-memory PGlite, or a new database on the PostgreSQL test server.
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { applyMigrations, openPglite, openPostgres, type Database } from '../../server/db/client';
import { readEnv } from '../../server/env';

const env = readEnv();

export const testDbKind = env.TEST_DB;

export async function createPostgresDatabase(adminUrl: string): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `t_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const drop = async () => {
    const c = new pg.Client({ connectionString: adminUrl });
    await c.connect();
    await c.query(`drop database if exists ${name} with (force)`);
    await c.end();
  };
  return { url: url.toString(), drop };
}

export async function createTestDatabase(): Promise<Database> {
  if (env.TEST_DB === 'postgres') {
    if (!env.TEST_DATABASE_URL) throw new Error('TEST_DB=postgres needs TEST_DATABASE_URL');
    const created = await createPostgresDatabase(env.TEST_DATABASE_URL);
    const database = await openPostgres(created.url);
    await applyMigrations(database);
    return {
      ...database,
      close: async () => {
        await database.close();
        await created.drop();
      },
    };
  }
  const database = await openPglite();
  await applyMigrations(database);
  return database;
}
