// npm run db:load -- <dataset.json> [--replace]: validates the whole file, then writes it in one transaction.
import { readFileSync } from 'node:fs';
import { fail, withCliDatabase } from './cli-db';
import { loadDataset } from './load';

const args = process.argv.slice(2);
const file = args.find((a) => !a.startsWith('--'));
if (!file) fail('Usage: npm run db:load -- <dataset.json> [--replace]');

let input: unknown;
try {
  input = JSON.parse(readFileSync(file, 'utf8'));
} catch (e) {
  fail(`Cannot read ${file} as JSON / Không đọc được tệp JSON: ${(e as Error).message}`);
}

withCliDatabase(async ({ db }) => {
  const summary = await loadDataset(db, input, { replace: args.includes('--replace'), actor: 'cli:db:load' });
  console.log(`Loaded ${file}: ${summary.units} units, ${summary.plans} plans, ${summary.statusChanges} status changes, ${summary.hotspots} hotspots.`);
}).catch(fail);
