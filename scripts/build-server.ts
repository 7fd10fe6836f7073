// Bundles the server and its area worker into dist/server/ (packages stay external) so `npm start` runs plain Node without
// compiling TypeScript at every start; the SQL migrations are copied beside it.
import { cpSync, rmSync } from 'node:fs';
import { build } from 'esbuild';

rmSync('dist/server', { recursive: true, force: true });
// The area worker (server/services/area-worker.ts) is its own entry beside main.js: a worker thread loads a file.
await build({
  entryPoints: { main: 'server/main.ts', 'area-worker': 'server/services/area-worker.ts' },
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  packages: 'external',
  sourcemap: true,
  outdir: 'dist/server',
  logLevel: 'warning',
});
cpSync('server/db/migrations', 'dist/server/migrations', { recursive: true });
console.log('Built dist/server/main.js');
