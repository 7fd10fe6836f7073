// Replacing the data of an installation: the demo's published accounts leave with the demo (sessions too), other users
// keep their area where its unit codes still exist, and whoever would lose part of it is reported before anything is
// written; a database that is not the demo never keeps a demo account, even one left by an earlier replacement.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eq, sql } from 'drizzle-orm';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AreasWouldBeDroppedError, loadDataset } from '../../data/load';
import type { Database } from '../../server/db/client';
import { queryRows } from '../../server/db/client';
import * as t from '../../server/db/schema';
import { retireDemoAccounts } from '../../data/seed';
import { createSession } from '../../server/auth/sessions';
import { createUser, listUsers } from '../../server/services/users';
import { miniProvince } from '../fixtures/mini-province';
import { createTestDatabase } from '../helpers/db';

const actor = { actorId: null, actorName: 'test', address: null };
/** The mini province as a real (non-demo) dataset whose second district and its communes have other codes. */
const realProvince = () =>
  JSON.parse(
    JSON.stringify({ ...miniProvince, meta: { name: 'Tỉnh Thật', demo: false, description: '' } }).replaceAll(
      '"982',
      '"983',
    ),
  );

let database: Database;
beforeEach(async () => {
  database = await createTestDatabase();
  await loadDataset(database.db, miniProvince); // a demo dataset (meta.demo)
  await createUser(
    database.db,
    { username: 'quantri', displayName: 'Quản trị', role: 'admin', password: 'MinhHoa@2026', scopes: [], demo: true },
    actor,
  );
  await createUser(
    database.db,
    {
      username: 'bientap',
      displayName: 'Biên tập',
      role: 'editor',
      password: 'MinhHoa@2026',
      scopes: ['981'],
      demo: true,
    },
    actor,
  );
  await createUser(
    database.db,
    {
      username: 'canbo',
      displayName: 'Cán bộ Tân An',
      role: 'editor',
      password: 'Mat-khau-thu-2024',
      scopes: ['98101', '982'],
    },
    actor,
  );
});
afterEach(() => database.close());

const usernames = async () => (await listUsers(database.db)).map((u) => `${u.username}:${u.scopes.join(',')}`);
const sessionsOf = async (username: string) =>
  Number(
    (
      await queryRows<{ n: number }>(
        database.db,
        sql`select count(*)::int as n from sessions s join users u on u.id = s.user_id where u.username = ${username}`,
      )
    )[0]!.n,
  );

describe('replacing the demo with a dataset', () => {
  it('refuses, writing nothing, when a user would lose part of their area and that was not confirmed', async () => {
    const err = await loadDataset(database.db, realProvince(), { replace: true }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AreasWouldBeDroppedError);
    expect((err as AreasWouldBeDroppedError).areas).toEqual({
      demoAccountsRemoved: ['bientap', 'quantri'],
      dropped: [{ username: 'canbo', kept: ['98101'], dropped: ['982'] }],
      carried: 1,
    });
    expect((err as Error).message).toContain('canbo: 982');
    expect(await usernames()).toEqual(['bientap:981', 'canbo:98101,982', 'quantri:']);
    const [units] = await queryRows<{ n: number }>(
      database.db,
      sql`select count(*)::int as n from admin_units where code like '983%'`,
    );
    expect(units!.n).toBe(0);
  });

  it('removes the demo accounts and their sessions, keeps areas by code and reports the rest', async () => {
    const [quantri] = await database.db.select({ id: t.users.id }).from(t.users).where(eq(t.users.username, 'quantri'));
    await createSession(database.db, quantri!.id, '10.0.0.1', new Date(), { idleMs: 60_000, absoluteMs: 3_600_000 });
    expect(await sessionsOf('quantri')).toBe(1);
    const summary = await loadDataset(database.db, realProvince(), { replace: true, dropAreas: true });
    expect(summary.areas).toEqual({
      demoAccountsRemoved: ['bientap', 'quantri'],
      dropped: [{ username: 'canbo', kept: ['98101'], dropped: ['982'] }],
      carried: 1,
    });
    expect(await usernames()).toEqual(['canbo:98101']);
    expect(await sessionsOf('quantri')).toBe(0);
    const audit = await queryRows<{ after: { areas: { demoAccountsRemoved: string[] } } }>(
      database.db,
      sql`select after from audit_log where action = 'dataset.replace'`,
    );
    expect(audit.map((a) => a.after.areas.demoAccountsRemoved)).toEqual([['bientap', 'quantri']]);
  });

  it('keeps the demo accounts when the demo itself is loaded again', async () => {
    const summary = await loadDataset(database.db, miniProvince, { replace: true });
    expect(summary.areas).toEqual({ demoAccountsRemoved: [], dropped: [], carried: 3 });
    expect(await usernames()).toEqual(['bientap:981', 'canbo:98101,982', 'quantri:']);
  });
});

describe('a database that is not the demo at start-up', () => {
  it('removes demo accounts left behind: marked ones, and demo usernames still using the published password', async () => {
    await loadDataset(database.db, realProvince(), { replace: true, dropAreas: true });
    // As an installation that replaced the demo before accounts were marked would hold them.
    await createUser(
      database.db,
      { username: 'congan', displayName: 'Công an', role: 'police', password: 'MinhHoa@2026', scopes: [] },
      actor,
    );
    await createUser(
      database.db,
      {
        username: 'lanhdao',
        displayName: 'Lãnh đạo thật',
        role: 'leader',
        password: 'Mat-khau-rieng-2026',
        scopes: [],
      },
      actor,
    );
    await database.db.update(t.users).set({ demo: true }).where(eq(t.users.username, 'canbo')).execute();
    const logs: string[] = [];
    expect(await retireDemoAccounts(database.db, (m) => logs.push(m))).toEqual(['canbo', 'congan']);
    expect(await usernames()).toEqual(['lanhdao:']);
    expect(logs.join('\n')).toContain('canbo, congan');
    expect(await retireDemoAccounts(database.db, () => {})).toEqual([]);
  });

  it('leaves the demo database alone', async () => {
    expect(await retireDemoAccounts(database.db, () => {})).toEqual([]);
    expect(await usernames()).toHaveLength(3);
  });
});

// Child processes (tsx, the embedded database): the limit only catches a hang, not a slow machine.
describe('npm run db:load --replace on the command line', { timeout: 15 * 60_000 }, () => {
  const dir = mkdtempSync(join(tmpdir(), 'pcmt-replace-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const env = { ...process.env, DATA_DIR: join(dir, 'db'), DATABASE_URL: '' };
  const cli = (...args: string[]) =>
    spawnSync(process.execPath, ['--import', 'tsx', 'data/load-cli.ts', ...args], { encoding: 'utf8', env });

  it('lists the users whose area would be dropped before writing, and writes only when confirmed', () => {
    const demoFile = join(dir, 'demo.json');
    const realFile = join(dir, 'real.json');
    writeFileSync(demoFile, JSON.stringify(miniProvince));
    writeFileSync(realFile, JSON.stringify(realProvince()));
    execFileSync(process.execPath, ['--import', 'tsx', 'data/load-cli.ts', demoFile], { env });
    execFileSync(
      process.execPath,
      [
        '--import',
        'tsx',
        'server/users-cli.ts',
        'create',
        'canbo',
        '--role',
        'editor',
        '--name',
        'Cán bộ',
        '--scope',
        '98101,982',
      ],
      { env, input: 'Mat-khau-thu-2024\n' },
    );
    const dry = cli(realFile, '--replace', '--dry-run');
    expect(dry.status).toBe(0);
    expect(dry.stdout).toContain('canbo: mất / dropped 982; giữ / kept 98101');
    const refused = cli(realFile, '--replace');
    expect(refused.status).toBe(1);
    expect(refused.stderr).toContain('--drop-areas');
    expect(refused.stderr).toContain('canbo: 982');
    const done = cli(realFile, '--replace', '--drop-areas');
    expect(done.status).toBe(0);
    expect(done.stdout).toContain('Loaded');
    expect(done.stdout).toContain('canbo: mất / dropped 982; giữ / kept 98101');
  });
});
