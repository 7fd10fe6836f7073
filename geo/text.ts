// Vietnamese text folding for search: "tan an" finds "Tân An", "duc" finds "Đức", tone-mark placement ignored.

/** Lower case, without tone and vowel marks, đ → d, runs of spaces collapsed. */
export function foldVietnamese(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'd')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

/** The words of a folded text or query: letters and digits only. */
export function wordsOf(folded: string): string[] {
  return folded.split(/[^a-z0-9]+/).filter(Boolean);
}

/** The folded words of a query, computed once per search rather than once per record. */
export function queryWords(query: string): string[] {
  return wordsOf(foldVietnamese(query));
}

/** Every query word starts a word of the folded text ("tan an" in "xã Tân An", "ap 3" in "Ấp 3"), as people type names. */
export function matchesWords(foldedText: string, words: readonly string[]): boolean {
  const own = wordsOf(foldedText);
  return words.every((w) => own.some((o) => o.startsWith(w)));
}

/** Every word of the query starts a word of the text, both folded. */
export function matchesQuery(foldedText: string, query: string): boolean {
  return matchesWords(foldedText, queryWords(query));
}
