// The first sheet of an uploaded XLSX as rows of cell values (formula cells give their result), read within a bound
// on what the archive may expand to (a zip bomb is refused before it is inflated).
import ExcelJS from 'exceljs';
import { boundedZip } from '../http/unzip';

export async function xlsxRows(bytes: Uint8Array, maxUnzippedBytes: number): Promise<unknown[][]> {
  const book = new ExcelJS.Workbook();
  const bounded = boundedZip(bytes, maxUnzippedBytes);
  await book.xlsx.load(
    bounded.buffer.slice(bounded.byteOffset, bounded.byteOffset + bounded.byteLength) as ArrayBuffer,
  );
  const sheet = book.worksheets[0];
  if (!sheet) return [];
  const rows: unknown[][] = [];
  sheet.eachRow({ includeEmpty: true }, (row, number) => {
    const values = (row.values as unknown[]).slice(1); // exceljs rows are 1-based
    rows[number - 1] = values.map((v) =>
      v && typeof v === 'object' && 'result' in (v as object) ? (v as { result: unknown }).result : v,
    );
  });
  return Array.from(rows, (r) => r ?? []);
}
