// A boundary file made ready for import, nothing written: read, reprojected to WGS 84, checked ring by ring
// (safe repairs made), with the report a user reads before deciding to commit.
import type { Feature, GeoJsonProperties, Geometry, MultiPolygon, Position } from 'geojson';
import { checkGeometry, type Finding } from '../../geo/boundary-check';
import { resolveCrs, toWgs84 } from '../../geo/projections';
import { HttpError } from '../http/errors';
import { readBoundaryFile, type ReadOptions, type SourceFormat } from './read';

export interface PrepareOptions extends ReadOptions {
  /** The coordinate system when the file does not say (or says wrongly). */
  epsg?: number;
}

export interface PreparedUnit {
  index: number;
  properties: NonNullable<GeoJsonProperties>;
  geometry: MultiPolygon | null;
}

export interface ImportReport {
  file: string;
  format: SourceFormat;
  features: number;
  crs: { source: 'option' | 'file' | 'assumed'; definition: string };
  encoding: string | null;
  notes: { vi: string; en: string }[];
  /** Attribute names with a few example values, to choose the code, name, type and parent from. */
  attributes: { name: string; examples: string[] }[];
  findings: (Finding & { label: string })[];
  blocking: number;
}

/** Polygons with every position mapped; other geometry (refused by the checks) as it is. */
function reprojected(g: Geometry | null, f: (p: Position) => Position): Geometry | null {
  if (g?.type === 'Polygon') return { type: 'Polygon', coordinates: g.coordinates.map((r) => r.map(f)) };
  if (g?.type === 'MultiPolygon') return { type: 'MultiPolygon', coordinates: g.coordinates.map((p) => p.map((r) => r.map(f))) };
  return g;
}

function attributesOf(features: Feature<Geometry | null>[]): ImportReport['attributes'] {
  const names = [...new Set(features.flatMap((f) => Object.keys(f.properties ?? {})))];
  return names.map((name) => ({ name, examples: [...new Set(features.map((f) => f.properties?.[name]).filter((v) => v !== null && v !== undefined && v !== '').map(String))].slice(0, 3) }));
}

/** A label users recognise a unit by in the report: its name or code when an attribute looks like one. */
function labelOf(p: GeoJsonProperties, index: number): string {
  const pick = (re: RegExp) => Object.entries(p ?? {}).find(([k, v]) => re.test(k) && typeof v === 'string' && v.trim())?.[1] as string | undefined;
  const name = pick(/^(full_?name|ten|name|ten_?xa|name_3)$/i);
  const code = pick(/^(code|ma|ma_?xa|cc_3)$/i);
  return [`#${index + 1}`, code, name].filter(Boolean).join(' ');
}

export async function prepareBoundaries(file: string, bytes: Uint8Array, options: PrepareOptions = {}) {
  const layer = await readBoundaryFile(file, bytes, options);
  const notes: ImportReport['notes'] = [];
  if (layer.cpgOverridden)
    notes.push({ vi: `Tệp .cpg ghi "${layer.cpgOverridden}" nhưng chữ trong tệp là ${layer.encoding}; đã đọc theo ${layer.encoding}`, en: `The .cpg says "${layer.cpgOverridden}" but the text is ${layer.encoding}; read as ${layer.encoding}` });
  const declared = options.epsg ?? layer.crs;
  const crs = declared === null || declared === undefined ? { definition: 'WGS84', note: null } : resolveCrs(declared);
  if (!crs)
    throw new HttpError(422, 'unknown_crs', 'Không nhận ra hệ tọa độ của tệp; hãy chỉ rõ mã EPSG (ví dụ 9209 cho VN-2000 TM-3 105°30′)', 'Unknown coordinate system; give its EPSG code (e.g. 9209 for VN-2000 TM-3 105°30′)', { crs: String(declared).slice(0, 500) });
  if (crs.note) notes.push(crs.note);
  const project = toWgs84(crs.definition);
  const units: PreparedUnit[] = [];
  const findings: ImportReport['findings'] = [];
  layer.features.forEach((f, index) => {
    const label = labelOf(f.properties, index);
    // Reprojected before checking, so ranges, areas and slivers are judged on the ground.
    const projected = crs.definition === 'WGS84' ? f.geometry : reprojected(f.geometry, project);
    const checked = checkGeometry(projected, index);
    findings.push(...checked.findings.map((x) => ({ ...x, label })));
    units.push({ index, properties: f.properties ?? {}, geometry: checked.geometry });
  });
  if (declared === null || declared === undefined) {
    if (findings.some((x) => x.kind === 'out_of_range'))
      notes.push({ vi: 'Tọa độ không phải kinh độ, vĩ độ và tệp không ghi hệ tọa độ: hãy chỉ rõ mã EPSG', en: 'The coordinates are not longitude/latitude and the file names no coordinate system: give its EPSG code' });
  }
  const report: ImportReport = {
    file, format: layer.format, features: layer.features.length,
    crs: { source: options.epsg ? 'option' : declared ? 'file' : 'assumed', definition: crs.definition.length > 200 ? `${crs.definition.slice(0, 200)}…` : crs.definition },
    encoding: layer.encoding, notes, attributes: attributesOf(layer.features), findings, blocking: findings.filter((x) => x.blocking).length,
  };
  return { units, report };
}
