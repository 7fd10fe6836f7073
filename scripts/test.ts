// npm test: typecheck, then the whole suite on embedded PGlite, then again on PostgreSQL when TEST_DATABASE_URL is set.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readEnv } from '../server/env';

function run(label: string, extraEnv: Record<string, string>, args: string[] = []): boolean {
  console.log(`\n=== ${label} ===`);
  const result = spawnSync('npx', ['vitest', 'run', ...args], { stdio: 'inherit', env: { ...process.env, ...extraEnv } });
  return result.status === 0;
}

const env = readEnv();
const passthrough = process.argv.slice(2);
console.log('=== typecheck (includes the API client type tests) ===');
if (spawnSync('npx', ['tsc', '--noEmit', '-p', 'tsconfig.json'], { stdio: 'inherit' }).status !== 0) process.exit(1);
// Browser specs run against the built product, when Debian's Chromium is installed (.ci/run installs it).
if (existsSync('/usr/bin/chromium')) {
  console.log('=== build (for the browser specs) ===');
  if (spawnSync('npm', ['run', 'build'], { stdio: 'inherit' }).status !== 0) process.exit(1);
}
let ok = run('suite on PGlite (embedded)', { TEST_DB: 'pglite' }, passthrough);
if (env.TEST_DATABASE_URL) ok = run('suite on PostgreSQL', { TEST_DB: 'postgres' }, passthrough) && ok;
else console.log('\nTEST_DATABASE_URL not set: PostgreSQL run skipped (.ci/run sets it up).');
process.exit(ok ? 0 : 1);
