// Administrative unit names: how a unit is shown (one display rule for the API, exports, PDF, map and panels) and
// how names are compared across sources, where type words, spacing, case, leading zeros and the old/new tone-mark
// placement ("Hoà" = "Hòa", "Thuỷ" = "Thủy") do not matter but every letter and every tone does ("Quỳnh Diện" ≠
// "Quỳnh Diễn", "Quan Sơn" ≠ "Quận Sơn").
//
// Display rule:
//  1. A unit is shown as its type word + its name: "Xã" + "Tân An" → "Xã Tân An", "Phường" + "15" → "Phường 15".
//  2. When the name already begins with a unit-type word (Tỉnh, Thành phố, Huyện, Quận, Thị xã, Xã, Phường, Thị trấn,
//     Đặc khu — a whole leading word followed by more name, compared ignoring case and tone-mark placement but not
//     tones), the name is shown alone: "Phường 1" typed Phường → "Phường 1", never "Phường Phường 1"; a numbered
//     ward the official list types as a commune keeps its own word: "Phường 15" typed Xã → "Phường 15".
//  3. The long official type "Thành phố trực thuộc trung ương" (GSO: "Thành phố Trung ương") is shown "Thành phố",
//     in the type and at the head of a name alike; every other type as it is.
//  4. Letters and diacritics are kept exactly as written, in NFC; runs of spaces become one.

/** Type words a name may begin with, longest first, each with the word shown for it. */
const TYPE_WORDS: readonly (readonly [word: string, shown: string | null])[] = [
  ['Thành phố trực thuộc trung ương', 'Thành phố'],
  ['Thành phố trung ương', 'Thành phố'],
  ['Thành phố', null],
  ['Thị trấn', null],
  ['Thị xã', null],
  ['Đặc khu', null],
  ['Phường', null],
  ['Huyện', null],
  ['Quận', null],
  ['Tỉnh', null],
  ['Xã', null],
];

const TONE = /[\u0300\u0301\u0303\u0309\u0323]/;
const VOWEL = /[aeiouy]/;
const MODIFIER = /[\u0302\u0306\u031b]/;

/** Each tone mark of a decomposed lower-case text moved to the end of its vowel group, so its placement inside
 *  "oa", "uy", "uyê"… does not count. */
function tonesLast(nfd: string): string {
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

const wordKey = (text: string) => tonesLast(text.toLowerCase().normalize('NFD'));
const TYPE_KEYS = TYPE_WORDS.map(([word, shown]) => ({ key: wordKey(word), words: word.split(' ').length, shown }));

const clean = (text: string) => text.normalize('NFC').replace(/\s+/g, ' ').trim();

/** The type word a (clean) name begins with, as written there, and the rest: "Phường 15" → ["Phường", "15"]. */
function leadingTypeWord(name: string): { written: string; shown: string | null; rest: string } | null {
  const words = name.split(' ');
  for (const t of TYPE_KEYS)
    if (words.length > t.words && wordKey(words.slice(0, t.words).join(' ')) === t.key)
      return { written: words.slice(0, t.words).join(' '), shown: t.shown, rest: words.slice(t.words).join(' ') };
  return null;
}

/** The word shown for a unit type: "Thành phố trực thuộc trung ương" → "Thành phố"; others as they are. */
export function displayType(type: string | null | undefined): string {
  const t = clean(type ?? '');
  return TYPE_KEYS.find((k) => k.words === t.split(' ').length && k.key === wordKey(t))?.shown ?? t;
}

export interface NamedUnit {
  type?: string | null;
  name: string;
}

/** The type word shown for a unit and the name after it (rule above); `type` is '' when neither says one. */
export function unitNameParts(unit: NamedUnit): { type: string; name: string } {
  const name = clean(unit.name);
  const own = leadingTypeWord(name);
  if (own) return { type: own.shown ?? own.written, name: own.rest };
  return { type: displayType(unit.type), name };
}

/** How a unit is shown everywhere: "Xã Tân An", "Phường 1" (never "Phường Phường 1"), "Thành phố Hồ Chí Minh". */
export function unitDisplayName(unit: NamedUnit): string {
  const p = unitNameParts(unit);
  return p.type ? `${p.type} ${p.name}` : p.name;
}

/** Inside running text the type word is in lower case: "Công an xã Tân An", "khóm 2, phường 1". */
export function unitInlineName(unit: NamedUnit): string {
  const p = unitNameParts(unit);
  return p.type ? `${p.type.charAt(0).toLowerCase()}${p.type.slice(1)} ${p.name}` : p.name;
}

/** The map label: the name without its type word ("Tân An"), but numbered wards keep it ("Phường 1"). */
export function unitMapLabel(unit: NamedUnit): string {
  const p = unitNameParts(unit);
  return /^\d+$/.test(p.name) && p.type ? `${p.type} ${p.name}` : p.name;
}

/** The name without its unit-type word: "Thị trấn Càng Long" → "Càng Long". Numbered wards keep it ("Phường 4"). */
export function bareName(name: string): string {
  const n = clean(name);
  const own = leadingTypeWord(n);
  return own && !/^\d+$/.test(own.rest) ? own.rest : n;
}

/** The key two spellings of one name share: lower case, no spaces, numbers without leading zeros, and each tone
 *  mark moved to the end of its vowel group. */
export function nameKey(name: string): string {
  return tonesLast(
    bareName(name)
      .toLowerCase()
      .replace(/\d+/g, (d) => String(Number(d)))
      .normalize('NFD')
      .replace(/[\s\-–.]+/g, ''),
  );
}
