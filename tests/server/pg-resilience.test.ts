// On PostgreSQL: connections dropped by the server (restart, administrator termination) neither crash the process
// nor break later queries. Runs in the suite's PostgreSQL pass only.
import { describe, expect, it, vi } from 'vitest';
import pg from 'pg';
import { sql } from 'drizzle-orm';
import { queryRows } from '../../server/db/client';
import { readEnv } from '../../server/env';
import { createTestDatabase, testDbKind } from '../helpers/db';

describe.skipIf(testDbKind !== 'postgres')('PostgreSQL connections dropped under the app', () => {
  it('keeps working after every connection of its database is terminated', async () => {
    const database = await createTestDatabase();
    // The app reports each dropped connection on the console (server/db/client.ts): that is the sign it was handled.
    const log = console.error.bind(console);
    let handled!: () => void;
    const lost = new Promise<void>((resolve) => (handled = resolve));
    const spy = vi.spyOn(console, 'error').mockImplementation((...args: unknown[]) => {
      if (String(args[0]).startsWith('PostgreSQL connection lost')) handled();
      log(...args);
    });
    try {
      const name = (await queryRows<{ d: string }>(database.db, sql`select current_database() as d`))[0]!.d;
      const admin = new pg.Client({ connectionString: readEnv().TEST_DATABASE_URL });
      await admin.connect();
      const killed = await admin.query(
        'select count(pg_terminate_backend(pid))::int as n from pg_stat_activity where datname = $1',
        [name],
      );
      await admin.end();
      expect(killed.rows[0].n).toBeGreaterThan(0);
      await lost; // the idle connection's error has arrived and was handled (no clock: waited for, not slept on)
      const again = await queryRows<{ one: number }>(database.db, sql`select 1 as one`).catch(() =>
        queryRows<{ one: number }>(database.db, sql`select 1 as one`),
      );
      expect(again[0]!.one).toBe(1);
    } finally {
      spy.mockRestore();
      await database.close();
    }
  });
});
