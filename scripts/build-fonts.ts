// Noto Sans for the web page, cut from the one copy of the font the product ships (@expo-google-fonts/noto-sans, also
// used for PDF exports and map glyphs): the Latin and Vietnamese characters only, as WOFF2 (about 20 KB a weight
// instead of 600 KB of TrueType). Written to web/fonts/ (not committed) before Vite builds or serves the page.
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import subsetFont from 'subset-font';

const require = createRequire(import.meta.url);
const OUT = 'web/fonts';
const WEB_FONTS = {
  400: '@expo-google-fonts/noto-sans/400Regular/NotoSans_400Regular.ttf',
  700: '@expo-google-fonts/noto-sans/700Bold/NotoSans_700Bold.ttf',
} as const;

/** Basic Latin, Latin-1, the Vietnamese letters and tone marks, general punctuation and the đồng sign (arrows and
 * check marks are not in Noto Sans: the browser draws them from a system font, as before). */
const RANGES: [number, number][] = [
  [0x20, 0x7e],
  [0xa0, 0xff],
  [0x102, 0x103],
  [0x110, 0x111],
  [0x128, 0x129],
  [0x168, 0x169],
  [0x1a0, 0x1b0],
  [0x300, 0x323],
  [0x1ea0, 0x1ef9],
  [0x2000, 0x206f],
  [0x20ab, 0x20ac],
  [0x2212, 0x2215],
];
const TEXT = RANGES.flatMap(([a, b]) => Array.from({ length: b - a + 1 }, (_, i) => String.fromCodePoint(a + i))).join(
  '',
);

mkdirSync(OUT, { recursive: true });
const written: string[] = [];
for (const [weight, source] of Object.entries(WEB_FONTS)) {
  const from = require.resolve(source);
  const to = join(OUT, `noto-sans-${weight}.woff2`);
  if (existsSync(to) && statSync(to).mtimeMs >= statSync(from).mtimeMs) continue;
  writeFileSync(to, await subsetFont(readFileSync(from), TEXT, { targetFormat: 'woff2' }));
  written.push(to);
}
console.log(written.length ? `Web fonts: ${written.join(', ')}` : 'Web fonts up to date');
