// npm run db:reset: replaces whatever the database holds with the fictional demo province (users' areas kept where
// the demo has their codes, the others reported).
import { formatAreaReport } from '../server/services/replacement';
import { generateDemoDataset } from './demo/generate';
import { fail, withCliDatabase } from '../server/db/open';
import { loadDataset } from './load';

withCliDatabase(async ({ db }) => {
  const summary = await loadDataset(db, generateDemoDataset(), {
    replace: true,
    dropAreas: true,
    actor: 'cli:db:reset',
  });
  console.log(`Database reset to the demo province: ${summary.units} units, ${summary.hotspots} hotspots.`);
  if (summary.areas) console.log(formatAreaReport(summary.areas).join('\n'));
}).catch(fail);
