// Fuzz of every write endpoint (fast-check, fixed seed, 1,000 cases each): near-valid bodies with one or two values
// mutated, arbitrary JSON, malformed bodies and content types, fuzzed path ids, random uploads under nasty names.
// No answer is a 5xx, and a refusal (4xx) writes nothing: no audit row (but a failed sign-in's), same data revision.
// Longer runs with other seeds: npx tsx tests/bench/fuzz.ts --runs=10000
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../../server/services/audit';
import { miniProvince } from '../fixtures/mini-province';
import { createTestApp, type TestApp } from '../helpers/app';
import { ENDPOINTS, formatTally, fuzzProperty, setupFuzz, type FuzzEnv, type Tally } from '../helpers/fuzz-writes';

const SEED = 20261202;
const RUNS = 1000;
const NOW = '2024-06-30T05:00:00Z'; // the fixture's today

// Endpoints whose near-valid cases must get through to the write now and then: the generators are not just noise.
const WRITES_SOMETHING = new Set([
  'POST /api/auth/login',
  'POST /api/auth/logout',
  'POST /api/auth/password',
  'POST /api/users',
  'PATCH /api/users/:id',
  'POST /api/users/:id/password',
  'POST /api/hotspots',
  'PATCH /api/hotspots/:id',
  'POST /api/hotspots/:id/events',
  'POST /api/flags/:id/:decision',
  'POST /api/areas/query',
  'POST /api/areas/places',
  'POST /api/operations',
  'POST /api/operations/:id/results',
  'POST /api/attachments',
  'POST /api/proposals',
  'POST /api/proposals/:id/approve',
  'POST /api/proposals/:id/reject',
  'POST /api/imports/code-lists',
  'POST /api/imports/boundaries/preview',
]);

let t: TestApp;
let env: FuzzEnv;
beforeAll(async () => {
  t = await createTestApp(miniProvince, NOW);
  env = await setupFuzz(t, new Date(NOW));
});
afterAll(() => t.close());

describe(`fuzz of every write endpoint (seed ${SEED}, ${RUNS} cases each)`, () => {
  for (const ep of ENDPOINTS)
    it(`${ep.name}: no 5xx, and a 4xx changes nothing`, async () => {
      const tally: Tally = new Map();
      await fc.assert(fuzzProperty(env, ep, tally), { seed: SEED, numRuns: RUNS });
      const statuses = [...tally.keys()];
      expect(
        statuses.some((s) => s >= 400 && s < 500),
        formatTally(tally),
      ).toBe(true);
      if (WRITES_SOMETHING.has(ep.name))
        expect(
          statuses.some((s) => s < 300),
          formatTally(tally),
        ).toBe(true);
    }, 600_000);

  it('leaves the audit trail a chain that verifies', async () => {
    expect(await verifyAuditChain(t.database.db)).toMatchObject({ brokenAt: null });
  });
});
