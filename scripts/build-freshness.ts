// Whether the built product (dist/) is older than what it is built from: `npm start` builds only then, so a warm
// start is the server's own start-up, not a rebuild.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** What the build reads: the sources of the web page and the server, and the files that configure the build. */
export const BUILD_INPUTS = [
  'web',
  'server',
  'geo',
  'data',
  'package-lock.json',
  'vite.config.ts',
  'tsconfig.json',
  'scripts/build-fonts.ts',
  'scripts/build-glyphs.ts',
  'scripts/precompress.ts',
  'scripts/build-server.ts',
];
/** What the build writes and the server needs. */
export const BUILD_OUTPUTS = ['dist/web/index.html', 'dist/server/main.js'];

function newestIn(path: string): number {
  if (!existsSync(path)) return 0;
  const s = statSync(path);
  if (!s.isDirectory()) return s.mtimeMs;
  let newest = s.mtimeMs; // a file removed changes its directory
  for (const entry of readdirSync(path)) newest = Math.max(newest, newestIn(join(path, entry)));
  return newest;
}

/** Why the build must run in `root` (an output missing or older than an input), or null when it is up to date. */
export function buildNeeded(root: string, inputs = BUILD_INPUTS, outputs = BUILD_OUTPUTS): string | null {
  const missing = outputs.find((o) => !existsSync(join(root, o)));
  if (missing) return `${missing} is missing`;
  const built = Math.min(...outputs.map((o) => statSync(join(root, o)).mtimeMs));
  const changed = inputs.find((i) => newestIn(join(root, i)) > built);
  return changed ? `${changed} changed since the last build` : null;
}
