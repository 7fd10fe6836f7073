// npm run db:load -- <dataset.json> [--replace [--dry-run] [--drop-areas]]: validates the whole file, then writes it in
// one transaction. Replacing reports first what happens to users: demo accounts removed (when the new data is not the
// demo), and users whose area names units the new data lacks; those are dropped only when --drop-areas confirms it.
import { readFileSync } from 'node:fs';
import { formatAreaReport } from '../server/services/replacement';
import { fail, withCliDatabase } from '../server/db/open';
import { isDatabaseEmpty, loadDataset, previewDatasetReplacement } from './load';

const args = process.argv.slice(2);
const file = args.find((a) => !a.startsWith('--'));
if (!file) fail('Usage: npm run db:load -- <dataset.json> [--replace [--dry-run] [--drop-areas]]');

let input: unknown;
try {
  input = JSON.parse(readFileSync(file, 'utf8'));
} catch (e) {
  fail(`Cannot read ${file} as JSON / Không đọc được tệp JSON: ${(e as Error).message}`);
}

withCliDatabase(async ({ db }) => {
  const replace = args.includes('--replace');
  if (replace && !(await isDatabaseEmpty(db))) {
    const preview = await previewDatasetReplacement(db, input);
    console.log(['Thay dữ liệu / replacing the data:', ...formatAreaReport(preview)].join('\n'));
    if (args.includes('--dry-run')) return;
  }
  const summary = await loadDataset(db, input, {
    replace,
    dropAreas: args.includes('--drop-areas'),
    actor: 'cli:db:load',
  });
  console.log(
    `Loaded ${file}: ${summary.units} units, ${summary.plans} plans, ${summary.statusChanges} status changes, ${summary.hotspots} hotspots.`,
  );
  if (summary.areas) console.log(formatAreaReport(summary.areas).join('\n'));
}).catch(fail);
