// Every CSV the product writes: UTF-8 with a BOM (so that Excel shows Vietnamese correctly), and text cells a
// spreadsheet would run as a formula (starting with =, +, -, @, tab or carriage return: OWASP's CSV injection rule)
// prefixed with an apostrophe. Numbers, negative ones included, stay numbers.
import { stringify, type Options } from 'csv-stringify/sync';

export function spreadsheetCsv(rows: unknown[][], options: Pick<Options, 'header' | 'columns'> = {}): string {
  return `\uFEFF${stringify(rows, { ...options, escape_formulas: true })}`;
}
