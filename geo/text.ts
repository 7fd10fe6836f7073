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

/** The folded words of a query, computed once per search rather than once per record. */
export function queryWords(query: string): string[] {
  return foldVietnamese(query).split(' ').filter(Boolean);
}

/** Every word appears in the folded text. */
export function matchesWords(foldedText: string, words: readonly string[]): boolean {
  return words.every((w) => foldedText.includes(w));
}

/** Every word of the query appears in the text, both folded. */
export function matchesQuery(foldedText: string, query: string): boolean {
  return matchesWords(foldedText, queryWords(query));
}
