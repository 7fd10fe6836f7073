// Longer fuzz of every write endpoint than `npm test` runs: npx tsx tests/bench/fuzz.ts [--runs=10000] [--seed=N]
// [--only=text]. A random seed unless given (printed, to replay a failure); the status codes per endpoint; exit 1 on
// any 5xx or a 4xx that changed data. TEST_DB=postgres with TEST_DATABASE_URL runs it on PostgreSQL.
import '../helpers/audit-seal-setup';
import fc from 'fast-check';
import { miniProvince } from '../fixtures/mini-province';
import { createTestApp } from '../helpers/app';
import { ENDPOINTS, formatTally, fuzzProperty, setupFuzz, type Tally } from '../helpers/fuzz-writes';

const arg = (name: string) => process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
const runs = Number(arg('runs') ?? 10_000);
const seed = arg('seed') === undefined ? Math.floor(Math.random() * 2 ** 31) : Number(arg('seed'));
const only = arg('only');
const NOW = '2024-06-30T05:00:00Z'; // the fixture's today
if (!Number.isInteger(runs) || runs < 1 || !Number.isInteger(seed)) {
  console.error('usage: npx tsx tests/bench/fuzz.ts [--runs=N] [--seed=N] [--only=text]');
  process.exit(2);
}

console.log(
  `fuzz of the write endpoints: seed ${seed}, ${runs} cases each, database ${process.env.TEST_DB ?? 'pglite'}`,
);
const t = await createTestApp(miniProvince, NOW);
const env = await setupFuzz(t, new Date(NOW));
const failures: string[] = [];
const started = performance.now();
for (const ep of ENDPOINTS.filter((e) => !only || e.name.includes(only))) {
  const tally: Tally = new Map();
  const t0 = performance.now();
  const details = await fc.check(fuzzProperty(env, ep, tally), { seed, numRuns: runs });
  const s = ((performance.now() - t0) / 1000).toFixed(1);
  console.log(
    `${details.failed ? 'FAIL' : 'ok  '} ${ep.name.padEnd(40)} ${String(details.numRuns).padStart(6)} cases ${s.padStart(6)} s  ${formatTally(tally)}`,
  );
  if (details.failed) {
    // The counterexample, then what the property said of it (request, answer, server log).
    const cause =
      details.errorInstance instanceof Error ? details.errorInstance.message : String(details.errorInstance);
    const message = `${(fc.defaultReportMessage(details) ?? 'failed').split('\n').slice(0, 8).join('\n')}\n${cause}`;
    failures.push(`${ep.name}\n${message}`);
    console.log(message);
  }
}
console.log(
  `${((performance.now() - started) / 1000).toFixed(0)} s; ${failures.length ? `${failures.length} endpoint(s) failed; replay with --seed=${seed}` : 'no 5xx, no 4xx that changed data'}`,
);
await t.close();
process.exit(failures.length ? 1 : 0);
