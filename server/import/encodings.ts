// Attribute text of Shapefiles from Vietnamese offices: UTF-8, Windows-1258, or the legacy font encodings TCVN3 (ABC)
// and VNI, often with a missing or wrong .cpg. Each
// candidate encoding is tried and the one whose result reads as Vietnamese wins, unless the user chose one.
// The text arrives as raw bytes (see RAW_BYTES_LABEL).
import type { Feature, GeoJsonProperties, Geometry } from 'geojson';
import iconv from 'iconv-lite';
import { toUnicode } from 'vietnamese-conversion';

import { TEXT_ENCODINGS } from '../contracts/imports';

export { TEXT_ENCODINGS };
export type TextEncodingName = (typeof TEXT_ENCODINGS)[number];

/** The label the Shapefile reader decodes attribute bytes with: each byte ≥ 0x80 becomes U+F780 + byte, so no
 *  byte turns into whitespace (which the reader trims) and every byte can be recovered. */
export const RAW_BYTES_LABEL = 'x-user-defined';
const bytesOf = (s: string) =>
  Uint8Array.from([...s], (ch) => {
    const c = ch.charCodeAt(0);
    return c >= 0xf780 && c <= 0xf7ff ? c - 0xf700 : c & 0xff;
  });
/** vietnamese-conversion reads VNI text as it looks when its bytes are shown in windows-1252. */
const as1252 = (s: string) => iconv.decode(Buffer.from(bytesOf(s)), 'windows-1252');

const decoders: Record<TextEncodingName, (s: string) => string | null> = {
  'utf-8': (s) => {
    try {
      return new TextDecoder('utf-8', { fatal: true }).decode(bytesOf(s));
    } catch {
      return null;
    }
  },
  'windows-1258': (s) => iconv.decode(Buffer.from(bytesOf(s)), 'windows-1258'),
  tcvn3: (s) => iconv.decode(Buffer.from(bytesOf(s)), 'tcvn'),
  vni: (s) => fixVniTones(toUnicode(as1252(s), 'vni')),
};

// vietnamese-conversion 2.0.0 leaves the tone of "ươ" + tone (VNI "öôø") as a separate character ("Trươøng"):
// a VNI tone character right after a vowel is never text of its own, so it is put on the vowel here.
const VNI_TONES: Record<string, string> = {
  ø: '\u0300',
  ù: '\u0301',
  õ: '\u0303',
  û: '\u0309',
  ï: '\u0323',
  Ø: '\u0300',
  Ù: '\u0301',
  Õ: '\u0303',
  Û: '\u0309',
  Ï: '\u0323',
};
function fixVniTones(text: string): string {
  return text
    .replace(/([aăâeêioôơuưy])([øùõûïØÙÕÛÏ])/giu, (_, vowel: string, tone: string) => `${vowel}${VNI_TONES[tone]}`)
    .normalize('NFC');
}

const TONES = /[\u0300\u0301\u0303\u0309\u0323]/g;
const SYLLABLE = /^(ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdđghklmnprstvx])?([aeiouy]{1,3})(ch|ng|nh|[cmnpt])?$/;
/** Vowel groups (marks removed) that may be followed by a final consonant; the others end in a glide. */
const TAKES_CODA = new Set(['a', 'e', 'i', 'o', 'u', 'y', 'ie', 'ye', 'uo', 'oa', 'oe', 'ua', 'ue', 'uy', 'uye', 'oo']);
const RHYMES = new Set([
  ...TAKES_CODA,
  'ai',
  'ao',
  'au',
  'ay',
  'eo',
  'eu',
  'ia',
  'iu',
  'oi',
  'ui',
  'uu',
  'ieu',
  'yeu',
  'oai',
  'oay',
  'oeo',
  'uay',
  'uoi',
  'uou',
  'uya',
  'uyu',
  'ua',
  'ya',
]);

/** Whether a word is spelled like a Vietnamese syllable: one onset, a known vowel group with marks only on vowels,
 *  one coda where the group allows it, at most one tone mark. Mis-decoded text breaks this in almost every word. */
export function isVietnameseSyllable(word: string): boolean {
  const nfd = word.toLowerCase().normalize('NFD');
  if ((nfd.match(TONES) ?? []).length > 1) return false;
  if (/(^|[^aeiouy])[\u0302\u0306\u031b]/.test(nfd.replace(TONES, ''))) return false;
  const m = SYLLABLE.exec(nfd.replace(/[\u0300-\u036f]/g, ''));
  if (!m) return false;
  return m[3] ? TAKES_CODA.has(m[2]!) : RHYMES.has(m[2]!);
}

/** Share of the words (runs of letters) that read as Vietnamese syllables: 1 reads cleanly. */
export function vietnameseScore(texts: readonly string[]): number {
  let good = 0;
  let seen = 0;
  for (const t of texts)
    for (const word of t.normalize('NFC').split(/[\s\d!-/:-@[-`{-~]+/u)) {
      if (!word) continue;
      seen++;
      if (isVietnameseSyllable(word)) good++;
    }
  return seen ? good / seen : 1;
}

function decodeAll(texts: readonly string[], enc: TextEncodingName): string[] | null {
  const out: string[] = [];
  for (const t of texts) {
    const d = decoders[enc](t);
    if (d === null) return null;
    out.push(d.normalize('NFC'));
  }
  return out;
}

/** What a .cpg says, as one of ours (null: unknown or absent). */
export function encodingFromCpg(cpg: string | null): TextEncodingName | null {
  const v = (cpg ?? '').trim().toLowerCase().replace(/[\s_]/g, '');
  if (['utf-8', 'utf8', '65001'].includes(v)) return 'utf-8';
  if (['1258', 'cp1258', 'windows-1258', 'ansi1258'].includes(v)) return 'windows-1258';
  return null;
}

export interface DecodedText {
  features: Feature<Geometry | null, GeoJsonProperties>[];
  encoding: TextEncodingName;
  /** The encoding the .cpg declared, when the text says otherwise. */
  overridden: string | null;
}

/** Decodes every string attribute with the chosen (or best-reading) encoding. */
export function decodeLegacyText(
  features: Feature<Geometry | null, GeoJsonProperties>[],
  cpg: string | null,
  chosen?: TextEncodingName,
): DecodedText {
  const texts = features.flatMap((f) =>
    Object.values(f.properties ?? {}).filter((v): v is string => typeof v === 'string'),
  );
  const declared = encodingFromCpg(cpg);
  let encoding = chosen ?? declared ?? 'utf-8';
  if (!chosen) {
    const ranked = TEXT_ENCODINGS.map((e) => ({ e, decoded: decodeAll(texts, e) }))
      .filter((r) => r.decoded)
      .map((r) => ({ e: r.e, score: vietnameseScore(r.decoded!) }));
    const best = ranked.reduce(
      (a, b) => (b.score > a.score ? b : a),
      ranked.find((r) => r.e === encoding) ?? ranked[0]!,
    );
    encoding = best.e;
  }
  const decode = decoders[encoding];
  const out = features.map((f) => ({
    ...f,
    properties:
      f.properties &&
      Object.fromEntries(
        Object.entries(f.properties).map(([k, v]) => [
          k,
          typeof v === 'string' ? (decode(v) ?? v).normalize('NFC').trim() : v,
        ]),
      ),
  }));
  return { features: out, encoding, overridden: cpg && encoding !== declared ? cpg.trim() : null };
}
