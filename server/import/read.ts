// Reads a boundary file into features, whatever its format: GeoJSON, TopoJSON or a zipped Shapefile (.shp, .dbf,
// .prj, .cpg). Nothing is written here; every refusal says what is wrong in Vietnamese and English.
import * as shapefile from 'shapefile';
import { feature as topoFeature } from 'topojson-client';
import type { Feature, FeatureCollection, GeoJsonProperties, Geometry } from 'geojson';
import type { Topology } from 'topojson-specification';
import { HttpError } from '../http/errors';
import { decodeLegacyText, RAW_BYTES_LABEL, type TextEncodingName } from './encodings';
import { unzipWithin } from '../http/unzip';

/** Larger files are refused before being read (a province's communes at full resolution are ~10–30 MB). */
export const MAX_IMPORT_BYTES = 120 * 1024 * 1024;
/** What a zipped Shapefile may expand to (a province's communes are tens of MB). */
export const MAX_UNZIPPED_BYTES = 600 * 1024 * 1024;

export type SourceFormat = 'geojson' | 'topojson' | 'shapefile';

export interface RawLayer {
  format: SourceFormat;
  features: Feature<Geometry | null, GeoJsonProperties>[];
  /** The coordinate system the file declares: a .prj WKT, or a GeoJSON `crs` name; null when it says nothing. */
  crs: string | null;
  /** Text encoding of a Shapefile's attributes, as found (.cpg or detected) or as asked. */
  encoding: TextEncodingName | null;
  /** What the .cpg declared when the text turned out to be in another encoding. */
  cpgOverridden?: string | null;
}

export interface ReadOptions {
  /** Which layer of a TopoJSON or which .shp of a zip, when it holds several. */
  layer?: string;
  /** Attribute encoding of a Shapefile when its .cpg is missing or wrong. */
  encoding?: TextEncodingName;
}

const refuse = (code: string, vi: string, en: string, details?: Record<string, unknown>) =>
  new HttpError(422, code, vi, en, details);

export function tooLarge(size: number): HttpError {
  const mb = (n: number) => `${Math.round(n / 1024 / 1024)} MB`;
  return new HttpError(
    413,
    'file_too_large',
    `Tệp ${mb(size)} vượt giới hạn ${mb(MAX_IMPORT_BYTES)}; hãy tách theo tỉnh`,
    `The file (${mb(size)}) exceeds the ${mb(MAX_IMPORT_BYTES)} limit; split it by province`,
  );
}

export async function readBoundaryFile(name: string, bytes: Uint8Array, options: ReadOptions = {}): Promise<RawLayer> {
  if (bytes.byteLength > MAX_IMPORT_BYTES) throw tooLarge(bytes.byteLength);
  if (bytes.byteLength === 0) throw refuse('empty_file', 'Tệp rỗng', 'The file is empty');
  const lower = name.toLowerCase();
  if (bytes[0] === 0x50 && bytes[1] === 0x4b) return readZippedShapefile(bytes, options);
  if (lower.endsWith('.zip'))
    throw refuse('not_zip', 'Tệp .zip không phải là tệp nén hợp lệ', 'The .zip file is not a valid zip archive');
  if (lower.endsWith('.shp'))
    throw refuse(
      'bare_shp',
      'Hãy nén .shp cùng .dbf, .prj (và .cpg) vào một tệp .zip',
      'Zip the .shp together with its .dbf, .prj (and .cpg) into one .zip file',
    );
  return readJson(bytes, options);
}

function readJson(bytes: Uint8Array, options: ReadOptions): RawLayer {
  let doc: unknown;
  try {
    doc = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, ''));
  } catch (e) {
    throw refuse(
      'bad_json',
      `Tệp không phải JSON hợp lệ: ${(e as Error).message}`,
      `The file is not valid JSON: ${(e as Error).message}`,
    );
  }
  const d = doc as {
    type?: string;
    features?: unknown;
    objects?: Record<string, unknown>;
    crs?: { properties?: { name?: string } };
  };
  if (d?.type === 'Topology' && d.objects && typeof d.objects === 'object') {
    const names = Object.keys(d.objects);
    const layer = options.layer ?? (names.length === 1 ? names[0] : undefined);
    if (!layer || !names.includes(layer))
      throw refuse(
        'choose_layer',
        `Tệp TopoJSON có các lớp: ${names.join(', ')}; hãy chọn một lớp`,
        `The TopoJSON holds layers ${names.join(', ')}; choose one`,
        { layers: names },
      );
    const fc = topoFeature(doc as Topology, layer as never) as FeatureCollection | Feature;
    return {
      format: 'topojson',
      features: fc.type === 'FeatureCollection' ? fc.features : [fc],
      crs: null,
      encoding: null,
    };
  }
  if (d?.type === 'FeatureCollection' && Array.isArray(d.features))
    return {
      format: 'geojson',
      features: d.features as Feature[],
      crs: d.crs?.properties?.name ?? null,
      encoding: null,
    };
  if (d?.type === 'Feature') return { format: 'geojson', features: [doc as Feature], crs: null, encoding: null };
  throw refuse(
    'not_geojson',
    'Tệp JSON không phải GeoJSON (FeatureCollection) hay TopoJSON',
    'The JSON is neither a GeoJSON FeatureCollection nor a TopoJSON topology',
  );
}

function unzipped(bytes: Uint8Array): Record<string, Uint8Array> {
  try {
    return unzipWithin(bytes, MAX_UNZIPPED_BYTES);
  } catch (e) {
    if (e instanceof HttpError) throw e;
    throw refuse(
      'not_zip',
      `Không giải nén được tệp: ${(e as Error).message}`,
      `Cannot unzip the file: ${(e as Error).message}`,
    );
  }
}

/** The layer to read: the one asked for, else the only .shp of the archive. */
function chosenLayer(files: Record<string, Uint8Array>, layer: string | undefined): string {
  const shps = Object.keys(files)
    .filter((n) => n.toLowerCase().endsWith('.shp') && !n.startsWith('__MACOSX/'))
    .map((n) => n.slice(0, -4));
  if (!shps.length) throw refuse('no_shp', 'Tệp .zip không chứa tệp .shp nào', 'The zip holds no .shp file');
  const base = layer
    ? shps.find((s) => s === layer || s.split('/').pop() === layer)
    : shps.length === 1
      ? shps[0]
      : undefined;
  if (!base)
    throw refuse(
      'choose_layer',
      `Tệp .zip có nhiều lớp: ${shps.join(', ')}; hãy chọn một lớp`,
      `The zip holds several layers: ${shps.join(', ')}; choose one`,
      { layers: shps },
    );
  return base;
}

/**
 * Attributes are read as raw bytes and decoded afterwards, since Vietnamese offices' files are often TCVN3 or VNI
 * whatever their .cpg says.
 */
async function readShapes(shp: Uint8Array, dbf: Uint8Array): Promise<FeatureCollection> {
  try {
    return await shapefile.read(toArrayBuffer(shp), toArrayBuffer(dbf), { encoding: RAW_BYTES_LABEL });
  } catch (e) {
    throw refuse(
      'bad_shapefile',
      `Không đọc được Shapefile: ${(e as Error).message}`,
      `Cannot read the Shapefile: ${(e as Error).message}`,
    );
  }
}

async function readZippedShapefile(bytes: Uint8Array, options: ReadOptions): Promise<RawLayer> {
  const files = unzipped(bytes);
  const base = chosenLayer(files, options.layer);
  const byExt = (ext: string) =>
    Object.entries(files).find(([n]) => n.toLowerCase() === `${base.toLowerCase()}.${ext}`)?.[1];
  const dbf = byExt('dbf');
  if (!dbf)
    throw refuse(
      'no_dbf',
      `Thiếu tệp ${base}.dbf (thuộc tính: mã, tên đơn vị) bên cạnh ${base}.shp`,
      `${base}.dbf (the attributes: codes, names) is missing beside ${base}.shp`,
    );
  const collection = await readShapes(byExt('shp')!, dbf);
  const prj = byExt('prj');
  const cpg = byExt('cpg');
  const declared = cpg ? new TextDecoder().decode(cpg).trim() : null;
  const { features, encoding, overridden } = decodeLegacyText(collection.features, declared, options.encoding);
  return {
    format: 'shapefile',
    features,
    crs: prj ? new TextDecoder().decode(prj).trim() : null,
    encoding,
    cpgOverridden: overridden,
  };
}

function toArrayBuffer(b: Uint8Array): ArrayBuffer {
  return b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength) as ArrayBuffer;
}
