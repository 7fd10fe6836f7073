// Generates the map's SDF glyph ranges (Noto Sans, SIL OFL) into dist/web/fonts, so labels never need a font server.
// fontnik ships a prebuilt FreeType-based binary in its npm package; nothing is downloaded.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

const require = createRequire(import.meta.url);
const fontnik = require('fontnik') as {
  range(opts: { font: Buffer; start: number; end: number }, cb: (err: Error | null, data: Buffer) => void): void;
};

export const FONTSTACKS = {
  'Noto Sans Regular': '@expo-google-fonts/noto-sans/400Regular/NotoSans_400Regular.ttf',
  'Noto Sans Bold': '@expo-google-fonts/noto-sans/700Bold/NotoSans_700Bold.ttf',
} as const;

const OUT = 'dist/web/fonts';

function range(font: Buffer, start: number): Promise<Buffer> {
  return new Promise((resolve, reject) =>
    fontnik.range({ font, start, end: start + 255 }, (err, data) => (err ? reject(err) : resolve(data))),
  );
}

const t0 = Date.now();
let files = 0;
for (const [name, file] of Object.entries(FONTSTACKS)) {
  const font = readFileSync(require.resolve(file));
  const dir = join(OUT, name);
  mkdirSync(dir, { recursive: true });
  for (let start = 0; start < 65536; start += 256) {
    writeFileSync(join(dir, `${start}-${start + 255}.pbf`), await range(font, start));
    files++;
  }
}
console.log(`Built ${files} glyph ranges in ${OUT} (${Date.now() - t0} ms)`);
