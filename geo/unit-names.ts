// Comparing administrative unit names across sources: type words, spacing, case, leading zeros and the old/new
// tone-mark placement ("Hoà" = "Hòa", "Thuỷ" = "Thủy") do not matter; every letter and every tone does
// ("Quỳnh Diện" ≠ "Quỳnh Diễn").

const TYPE_WORDS = ['thành phố trung ương', 'thành phố', 'thị trấn', 'thị xã', 'đặc khu', 'phường', 'huyện', 'quận', 'tỉnh', 'xã'];
const TONE = /[\u0300\u0301\u0303\u0309\u0323]/;

/** The name without its unit-type word: "Thị trấn Càng Long" → "Càng Long". Numbered wards keep it ("Phường 4"). */
export function bareName(name: string): string {
  const n = name.normalize('NFC').replace(/\s+/g, ' ').trim();
  const lower = n.toLowerCase();
  for (const w of TYPE_WORDS)
    if (lower.startsWith(`${w} `)) {
      const rest = n.slice(w.length + 1);
      return /^\d+$/.test(rest) ? n : rest;
    }
  return n;
}

const VOWEL = /[aeiouy]/;
const MODIFIER = /[\u0302\u0306\u031b]/;

/** The key two spellings of one name share: lower case, no spaces, numbers without leading zeros, and each tone
 *  mark moved to the end of its vowel group (so its placement inside "oa", "uy"… does not count). */
export function nameKey(name: string): string {
  const nfd = bareName(name).toLowerCase().replace(/\d+/g, (d) => String(Number(d))).normalize('NFD').replace(/[\s\-–.]+/g, '');
  let out = '';
  let tones = '';
  for (const ch of nfd) {
    if (TONE.test(ch)) tones += ch;
    else if (VOWEL.test(ch) || MODIFIER.test(ch)) out += ch;
    else {
      out += tones + ch;
      tones = '';
    }
  }
  return out + tones;
}
