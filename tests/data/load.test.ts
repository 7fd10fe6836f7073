// The dataset loader: every problem named by record and field, nothing written on failure, replace on demand.
import { count } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DatabaseNotEmptyError, DatasetError, loadDataset } from '../../data/load';
import type { Database } from '../../server/db/client';
import * as t from '../../server/db/schema';
import { verifyAuditChain } from '../../server/services/audit';
import { miniProvince } from '../fixtures/mini-province';
import { createTestDatabase } from '../helpers/db';

let database: Database;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.close());

const clone = () => structuredClone(miniProvince) as any;

async function rowCounts() {
  const tables = [t.adminUnits, t.hotspots, t.hotspotEvents, t.communeStatusChanges, t.plans, t.planSelections];
  return Promise.all(tables.map(async (table) => Number((await database.db.select({ n: count() }).from(table))[0]!.n)));
}

async function problemsOf(data: unknown): Promise<string[]> {
  try {
    await loadDataset(database.db, data);
  } catch (e) {
    if (e instanceof DatasetError) return e.problems.map((p) => `${p.path}: ${p.message}`);
    throw e;
  }
  throw new Error('expected the dataset to be refused');
}

describe('refusing bad datasets, writing nothing', () => {
  it.each([
    ['wrong format tag', (d: any) => (d.format = 'other'), /^format: /],
    ['a commune type that does not exist', (d: any) => (d.units[3].type = 'Làng'), /^units\[3\]\.type: /],
    ['an unclosed ring', (d: any) => d.units[4].geometry.coordinates[0].pop(), /^units\[4\]\.geometry/],
    ['latitude out of range', (d: any) => (d.hotspots[0].location = [106, 95]), /^hotspots\[0\]\.location\[1\]: /],
    [
      'an impossible date',
      (d: any) => (d.statusChanges[0].effectiveDate = '2023-02-29'),
      /^statusChanges\[0\]\.effectiveDate: .*YYYY-MM-DD/,
    ],
    [
      'an unknown parent',
      (d: any) => (d.units[3].parentCode = '989'),
      /^units\[3\] \(98101\)\.parentCode: no unit 989/,
    ],
    [
      'a status change for an unknown commune',
      (d: any) => (d.statusChanges[0].communeCode = '98999'),
      /^statusChanges\[0\] \(sc-1\)\.communeCode: no commune 98999/,
    ],
    [
      'a forbidden transition (complex → relapsed)',
      (d: any) => (d.statusChanges[1].status = 'relapsed'),
      /^statusChanges\[1\] \(sc-2\)\.status: complex → relapsed: transition not allowed/,
    ],
    [
      'transformed before selection',
      (d: any) => (d.statusChanges[9].effectiveDate = '2024-07-01'),
      /^statusChanges\[9\] \(sc-10\)\.status: .*not selected/,
    ],
    [
      'a correction pointing forward',
      (d: any) => (d.statusChanges[0].correctsRef = 'sc-5'),
      /^statusChanges\[0\] \(sc-1\)\.correctsRef: must name an earlier record/,
    ],
    [
      'a hotspot outside the province',
      (d: any) => (d.hotspots[1].location = [107.5, 10.05]),
      /^hotspots\[1\] \(h2\)\.location: outside every commune/,
    ],
    [
      'eliminating an eliminated hotspot',
      (d: any) => d.hotspots[2].events.push({ kind: 'eliminated', date: '2021-06-01' }),
      /^hotspots\[2\] \(h3\)\.events\[2\]: eliminated while not active/,
    ],
    [
      'a selection under an unknown plan',
      (d: any) => (d.selections[0].planId = 'p9'),
      /^selections\[0\]\.planId: no plan p9/,
    ],
    ['a plan ending before it starts', (d: any) => (d.plans[0].end = '2020-01-01'), /^plans\[0\]\.end: /],
  ])('%s', async (_name, mutate, expected) => {
    const data = clone();
    mutate(data);
    const problems = await problemsOf(data);
    expect(
      problems.some((p) => expected.test(p)),
      problems.join('\n'),
    ).toBe(true);
    expect(await rowCounts()).toEqual([0, 0, 0, 0, 0, 0]);
  });

  it('the error message lists the problems in both languages', async () => {
    const data = clone();
    data.hotspots[1].location = [107.5, 10.05];
    await expect(loadDataset(database.db, data)).rejects.toThrow(
      /nothing written \/ Dữ liệu bị từ chối.*\n.*hotspots\[1\] \(h2\)\.location: outside every commune \/ nằm ngoài mọi xã/,
    );
  });
});

describe('loading', () => {
  it('writes every record, keeps diacritics, and audits the load', async () => {
    const summary = await loadDataset(database.db, miniProvince);
    expect(summary).toMatchObject({ units: 7, hotspots: 5, statusChanges: 13, plans: 1 });
    expect(await rowCounts()).toEqual([7, 5, 10, 13, 1, 4]);
    const names = (await database.db.select({ name: t.adminUnits.name }).from(t.adminUnits)).map((r) => r.name);
    expect(names).toContain('Hòa Lợi');
    expect(await verifyAuditChain(database.db)).toMatchObject({ brokenAt: null, rows: 1 });
  });

  it('refuses to mix into a non-empty database', async () => {
    await expect(loadDataset(database.db, miniProvince)).rejects.toBeInstanceOf(DatabaseNotEmptyError);
    expect(await rowCounts()).toEqual([7, 5, 10, 13, 1, 4]);
  });

  it('replaces the data when told to', async () => {
    const data = clone();
    data.hotspots.pop();
    await loadDataset(database.db, data, { replace: true });
    expect(await rowCounts()).toEqual([7, 4, 9, 13, 1, 4]);
    expect((await verifyAuditChain(database.db)).rows).toBe(2);
  });

  it('a refused replacement leaves the previous data intact', async () => {
    const data = clone();
    data.statusChanges[1].status = 'relapsed';
    await expect(loadDataset(database.db, data, { replace: true })).rejects.toBeInstanceOf(DatasetError);
    expect(await rowCounts()).toEqual([7, 4, 9, 13, 1, 4]);
  });
});
