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

/** Every word of the query appears in the text, both folded. */
export function matchesQuery(foldedText: string, query: string): boolean {
  const words = foldVietnamese(query).split(' ').filter(Boolean);
  return words.every((w) => foldedText.includes(w));
}
