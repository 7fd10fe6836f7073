// Lists of places (schools, markets…) uploaded as CSV or XLSX: name and coordinates per row, headers in Vietnamese
// or English, every bad row reported by its number instead of guessed.
import { parse } from 'csv-parse/sync';
import { foldVietnamese } from '../../geo/text';
import { HttpError } from '../http/errors';
import { fileTooLarge } from '../http/upload';
import { xlsxRows } from './xlsx-rows';

export const MAX_PLACES_BYTES = 2 * 1024 * 1024;
/** What an XLSX place list may expand to: a list of a few thousand places is a few MB. */
export const MAX_PLACES_UNZIPPED_BYTES = 50 * 1024 * 1024;

const HEADERS = {
  name: ['ten', 'name', 'ten dia diem', 'dia diem', 'place'],
  lng: ['lng', 'lon', 'long', 'longitude', 'kinh do', 'x'],
  lat: ['lat', 'latitude', 'vi do', 'y'],
};

export interface Place {
  row: number;
  name: string;
  location: [number, number];
}

export interface PlacesResult {
  places: Place[];
  problems: { row: number; vi: string; en: string }[];
}

function columnsOf(header: string[]) {
  const folded = header.map((h) =>
    foldVietnamese(String(h ?? ''))
      .replace(/[_()]/g, ' ')
      .replace(/\s+/g, ' ')
      .trim(),
  );
  const find = (names: string[]) => folded.findIndex((h) => names.includes(h));
  const cols = { name: find(HEADERS.name), lng: find(HEADERS.lng), lat: find(HEADERS.lat) };
  if (cols.lng < 0 || cols.lat < 0)
    throw new HttpError(
      400,
      'places_header',
      'Không tìm thấy cột kinh độ và vĩ độ (ví dụ: "ten", "kinh_do", "vi_do" hoặc "name", "lng", "lat")',
      'No longitude/latitude columns (e.g. "name", "lng", "lat" or "ten", "kinh_do", "vi_do")',
    );
  return cols;
}

/** Decimal degrees, with a decimal comma accepted ("106,35"). */
function degrees(v: unknown): number | null {
  if (typeof v === 'number') return v;
  const n = Number(
    String(v ?? '')
      .trim()
      .replace(',', '.'),
  );
  return String(v ?? '').trim() === '' || !Number.isFinite(n) ? null : n;
}

function toPlaces(rows: unknown[][]): PlacesResult {
  if (rows.length < 2)
    throw new HttpError(400, 'places_empty', 'Tệp không có dòng dữ liệu nào', 'The file has no data rows');
  const cols = columnsOf(rows[0] as string[]);
  const out: PlacesResult = { places: [], problems: [] };
  rows.slice(1).forEach((r, i) => {
    const row = i + 2;
    if (r.every((c) => String(c ?? '').trim() === '')) return;
    const lng = degrees(r[cols.lng]);
    const lat = degrees(r[cols.lat]);
    if (lng === null || lat === null || lng < -180 || lng > 180 || lat < -90 || lat > 90)
      return out.problems.push({ row, vi: `Dòng ${row}: tọa độ không hợp lệ`, en: `Row ${row}: invalid coordinates` });
    out.places.push({
      row,
      name: cols.name >= 0 ? String(r[cols.name] ?? '').trim() : `#${row}`,
      location: [lng, lat],
    });
  });
  return out;
}

export async function parsePlaces(name: string, bytes: Uint8Array): Promise<PlacesResult> {
  if (bytes.length > MAX_PLACES_BYTES) throw fileTooLarge(MAX_PLACES_BYTES);
  const isZip = bytes[0] === 0x50 && bytes[1] === 0x4b; // XLSX is a zip
  if (isZip) {
    try {
      return toPlaces((await xlsxRows(bytes, MAX_PLACES_UNZIPPED_BYTES)).filter((r) => r.length > 0));
    } catch (e) {
      if (e instanceof HttpError) throw e;
      throw new HttpError(
        400,
        'places_unreadable',
        'Không đọc được tệp Excel (.xlsx)',
        'The Excel (.xlsx) file cannot be read',
      );
    }
  }
  if (!/\.(csv|txt)$/i.test(name) && bytes.includes(0))
    throw new HttpError(
      415,
      'file_type',
      'Chỉ nhận tệp CSV hoặc Excel (.xlsx)',
      'Only CSV or Excel (.xlsx) files are accepted',
    );
  const text = new TextDecoder('utf-8').decode(bytes);
  const delimiter = (text.split('\n')[0] ?? '').includes(';') ? ';' : ',';
  try {
    return toPlaces(
      parse(text, { bom: true, delimiter, relax_column_count: true, skip_empty_lines: true }) as unknown[][],
    );
  } catch (e) {
    if (e instanceof HttpError) throw e;
    throw new HttpError(400, 'places_unreadable', 'Không đọc được tệp CSV', 'The CSV file cannot be read');
  }
}
