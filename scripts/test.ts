// npm test: typecheck, then the whole suite on embedded PGlite, then again on PostgreSQL when TEST_DATABASE_URL is set.
// After each run it prints how many of the specs that need more than the repository (the shared boundary files,
// Chromium and a build) ran, passed and were skipped; under PCMT_REQUIRE_ALL=1 (.ci/run) one skipped is a failure.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readEnv } from '../server/env';

type Need = 'shared-data' | 'browser';
interface JsonReport {
  testResults: { assertionResults: { status: string; meta?: { needs?: Need } }[] }[];
}

const requireAll = process.env.PCMT_REQUIRE_ALL === '1';
const reports = mkdtempSync(join(tmpdir(), 'pcmt-test-'));

/** Ran, passed, failed and skipped counts of the specs of each need, from vitest's JSON report. */
function countNeeds(file: string): Record<Need, { ran: number; passed: number; failed: number; skipped: number }> {
  const counts = {
    'shared-data': { ran: 0, passed: 0, failed: 0, skipped: 0 },
    browser: { ran: 0, passed: 0, failed: 0, skipped: 0 },
  };
  if (!existsSync(file)) return counts;
  const report = JSON.parse(readFileSync(file, 'utf8')) as JsonReport;
  for (const t of report.testResults.flatMap((f) => f.assertionResults)) {
    const need = t.meta?.needs;
    if (!need) continue;
    const c = counts[need];
    const ran = t.status === 'passed' || t.status === 'failed';
    c.ran += Number(ran);
    c.passed += Number(t.status === 'passed');
    c.failed += Number(t.status === 'failed');
    c.skipped += Number(!ran);
  }
  return counts;
}

function run(label: string, extraEnv: Record<string, string>, args: string[] = []): boolean {
  console.log(`\n=== ${label} ===`);
  const json = join(reports, `${extraEnv.TEST_DB}.json`);
  const result = spawnSync(
    'npx',
    ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${json}`, ...args],
    { stdio: 'inherit', env: { ...process.env, ...extraEnv } },
  );
  const counts = countNeeds(json);
  let ok = result.status === 0;
  for (const [need, c] of Object.entries(counts)) {
    const what = need === 'browser' ? 'browser specs (Chromium)' : 'real-data specs (../shared/data)';
    console.log(`${label}: ${what}: ${c.ran} ran, ${c.passed} passed, ${c.failed} failed, ${c.skipped} skipped`);
    if (requireAll && c.skipped > 0) {
      console.log(`PCMT_REQUIRE_ALL=1: ${c.skipped} ${what} skipped; every one must run`);
      ok = false;
    }
  }
  return ok;
}

const env = readEnv();
const passthrough = process.argv.slice(2);
console.log('=== typecheck (includes the API client type tests) ===');
if (spawnSync('npx', ['tsc', '--noEmit', '-p', 'tsconfig.json'], { stdio: 'inherit' }).status !== 0) process.exit(1);
console.log('=== lint: ESLint, the layers of ARCHITECTURE.md (dependency-cruiser), Prettier ===');
if (spawnSync('npm', ['run', '--silent', 'lint'], { stdio: 'inherit' }).status !== 0) process.exit(1);
// Browser specs run against the built product, when Debian's Chromium is installed (.ci/run installs it); under
// PCMT_REQUIRE_ALL=1 the build is made anyway, so that a missing Chromium is the one failure named.
if (existsSync('/usr/bin/chromium') || requireAll) {
  console.log('=== build (for the browser specs) ===');
  if (spawnSync('npm', ['run', 'build'], { stdio: 'inherit' }).status !== 0) process.exit(1);
  if (spawnSync('npm', ['run', 'build:specs'], { stdio: 'inherit' }).status !== 0) process.exit(1);
}
let ok = run('suite on PGlite (embedded)', { TEST_DB: 'pglite' }, passthrough);
if (env.TEST_DATABASE_URL) ok = run('suite on PostgreSQL', { TEST_DB: 'postgres' }, passthrough) && ok;
else if (requireAll) {
  console.log('\nPCMT_REQUIRE_ALL=1 and TEST_DATABASE_URL not set: the PostgreSQL run is required.');
  ok = false;
} else console.log('\nTEST_DATABASE_URL not set: PostgreSQL run skipped (.ci/run sets it up).');
rmSync(reports, { recursive: true, force: true });
process.exit(ok ? 0 : 1);
