// npm run db:reset: replaces whatever the database holds with the fictional demo province.
import { generateDemoDataset } from './demo/generate';
import { fail, withCliDatabase } from './cli-db';
import { loadDataset } from './load';

withCliDatabase(async ({ db }) => {
  const summary = await loadDataset(db, generateDemoDataset(), { replace: true, actor: 'cli:db:reset' });
  console.log(`Database reset to the demo province: ${summary.units} units, ${summary.hotspots} hotspots.`);
}).catch(fail);
