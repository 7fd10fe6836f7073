// The snapshot cache: reused between requests, reloaded after invalidate() or a revision bumped by another writer.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../server/db/client';
import { bumpRevision } from '../../server/services/meta';
import { SnapshotCache } from '../../server/services/snapshot';
import { loadDataset } from '../../data/load';
import { miniProvince } from '../fixtures/mini-province';
import { createTestDatabase } from '../helpers/db';

let database: Database;
beforeAll(async () => {
  database = await createTestDatabase();
  await loadDataset(database.db, miniProvince);
});
afterAll(() => database.close());

describe('SnapshotCache', () => {
  it('serves the same snapshot until invalidated', async () => {
    const cache = new SnapshotCache(database.db, { recheckMs: Infinity });
    const a = await cache.get();
    expect(a.hotspots).toHaveLength(5);
    expect(await cache.get()).toBe(a);
    await bumpRevision(database.db);
    expect(await cache.get()).toBe(a); // trusts itself: only this process writes
    cache.invalidate();
    const b = await cache.get();
    expect(b).not.toBe(a);
    expect(b.revision).toBe(a.revision + 1);
  });

  it('notices another writer once the recheck interval has passed', async () => {
    let now = 0;
    const cache = new SnapshotCache(database.db, { recheckMs: 1000, now: () => now });
    const a = await cache.get();
    await bumpRevision(database.db);
    now = 500;
    expect(await cache.get()).toBe(a);
    now = 1500;
    expect((await cache.get()).revision).toBe(a.revision + 1);
  });
});
