// The web page as the browser specs and benchmarks drive it: the product's page built again with the handles they
// read (the map instance, a count of status restyles; web/test-handles.ts) into dist/web-specs. The product's own
// build (dist/web) never holds them. Run after `npm run build` (the map glyphs are copied from it).
import { cpSync, existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';

const OUT = 'dist/web-specs';
if (!existsSync('dist/web/fonts')) {
  console.error('dist/web/fonts is missing: run npm run build first');
  process.exit(1);
}
const run = (args: string[], env: Record<string, string> = {}) => {
  const r = spawnSync('npx', args, { stdio: 'inherit', env: { ...process.env, ...env } });
  if (r.status !== 0) process.exit(r.status ?? 1);
};
run(['vite', 'build', '--outDir', `../${OUT}`, '--emptyOutDir', '--logLevel', 'warn'], { VITE_TEST_HANDLES: '1' });
run(['tsx', 'scripts/precompress.ts', OUT]);
cpSync('dist/web/fonts', `${OUT}/fonts`, { recursive: true }); // with their .gz: not compressed a second time
console.log(`Built ${OUT} (the page with the specs' handles)`);
