// The web font is cut from the TrueType font the PDF uses (scripts/build-fonts.ts): every Vietnamese letter, with
// each tone, upper and lower case, must still be in it, or the page falls back to a system font for some letters.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { create, type Font } from 'fontkit';
import { describe, expect, it } from 'vitest';

const VOWELS = 'aàáảãạăằắẳẵặâầấẩẫậeèéẻẽẹêềếểễệiìíỉĩịoòóỏõọôồốổỗộơờớởỡợuùúủũụưừứửữựyỳýỷỹỵ';
const LETTERS = VOWELS + 'đbcdghklmnpqrstvx';
const ALL = LETTERS + LETTERS.toUpperCase() + '0123456789 .,:;–—“”‘’…·•%/()₫';

describe.each(['400', '700'])('Noto Sans %s for the web page', (weight) => {
  const file = `web/fonts/noto-sans-${weight}.woff2`;
  it('holds every Vietnamese letter and the signs the page writes, in a fraction of the TrueType size', () => {
    expect(existsSync(file), `${file} is missing: npm run build (or npx tsx scripts/build-fonts.ts) makes it`).toBe(
      true,
    );
    const font = create(readFileSync(file)) as Font;
    const missing = [...ALL].filter((ch) => !font.hasGlyphForCodePoint(ch.codePointAt(0)!));
    expect(missing).toEqual([]);
    expect(font.familyName).toBe('Noto Sans');
    expect(statSync(file).size).toBeLessThan(60_000);
  });
});
