// A boundary file made ready for import, nothing written: read, reprojected to WGS 84, checked ring by ring
// (safe repairs made), with the report a user reads before deciding to commit.
import type { Feature, GeoJsonProperties, Geometry, MultiPolygon, Position } from 'geojson';
import { checkGeometry, type Finding } from '../../geo/boundary-check';
import { DEFAULT_TOLERANCES, fitTogether, outsideOutline, type Tolerances } from '../../geo/neighbours';
import { resolveCrs, toWgs84 } from '../../geo/projections';
import { HttpError } from '../http/errors';
import type { OfficialUnit } from './code-list';
import {
  guessMapping,
  guessProvince,
  matchRows,
  unitsFromAttributes,
  type AttributeMapping,
  type MappedUnit,
  type MatchFinding,
  type MatchSummary,
} from './mapping';
import { readBoundaryFile, type ReadOptions, type SourceFormat } from './read';

export interface PrepareOptions extends ReadOptions {
  /** The coordinate system when the file does not say (or says wrongly). */
  epsg?: number;
  /** Overrides of the guessed attribute mapping. */
  mapping?: Partial<AttributeMapping>;
  /** The official list to match units against; without it, codes are taken from the code attribute as they are. */
  codeList?: OfficialUnit[];
  /** How the report names that list (e.g. "01/03/2025 (dvhcvn)"). */
  codeListName?: string;
  /** The province (GSO code) the file covers; guessed from the file and the list when absent. */
  province?: string;
  /** The province's outline already held (by province code), to report units reaching outside it. */
  outlineOf?: (provinceCode: string) => Promise<MultiPolygon | null>;
  /** Called as the long steps advance (a progress bar). */
  onProgress?: (step: string, done: number, total: number) => void;
  tolerances?: Partial<Tolerances>;
  /** Leave unmatched and ambiguous units out (reported) instead of blocking the import. */
  skipUnmatched?: boolean;
}

export interface PreparedUnit {
  index: number;
  properties: NonNullable<GeoJsonProperties>;
  geometry: MultiPolygon | null;
}

/** A unit ready to be written: official code, name, type and parent, and its checked geometry. */
export type ImportUnit = MappedUnit & { geometry: MultiPolygon };

/** Every unit of the file that has a geometry, as the preview map draws it: written, blocking, or left out. */
export type PreviewUnit = Feature<
  MultiPolygon,
  {
    feature: number;
    label: string;
    code: string | null;
    name: string;
    type: string;
    state: 'ready' | 'blocked' | 'left_out';
  }
>;

export type ImportFindingKind =
  Finding['kind'] | MatchFinding['kind'] | 'overlap' | 'gap' | 'outside_province' | 'overlay_failed';

export interface ReportFinding extends Omit<Finding, 'kind'> {
  kind: ImportFindingKind;
  label: string;
  /** Other features concerned (the neighbour of an overlap, the other holders of a duplicate code). */
  others?: number[];
  areaM2?: number;
  /** What the official list says, or where else the name exists. */
  detail?: string;
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
  mapping: AttributeMapping;
  province: { code: string; name: string } | null;
  /** How units were matched to the official list (null when no list was given). */
  matching: MatchSummary | null;
  tolerances: Tolerances;
  /** Connected parts of the union of all units (a province is usually one; islands add more). */
  unionParts: number;
  findings: ReportFinding[];
  blocking: number;
  /** Units that would be written. */
  ready: number;
}

/** A refusal naming the province option, so the form can point at it (the CLI's --province). */
function provinceError(vi: string, en: string): HttpError {
  const e = new HttpError(422, 'unknown_province', vi, en);
  e.issues = [{ path: 'options.province', message: `${vi} / ${en}` }];
  return e;
}

/** Polygons with every position mapped; other geometry (refused by the checks) as it is. */
function reprojected(g: Geometry | null, f: (p: Position) => Position): Geometry | null {
  if (g?.type === 'Polygon') return { type: 'Polygon', coordinates: g.coordinates.map((r) => r.map(f)) };
  if (g?.type === 'MultiPolygon')
    return { type: 'MultiPolygon', coordinates: g.coordinates.map((p) => p.map((r) => r.map(f))) };
  return g;
}

function attributesOf(features: Feature<Geometry | null>[]): ImportReport['attributes'] {
  const names = [...new Set(features.flatMap((f) => Object.keys(f.properties ?? {})))];
  return names.map((name) => ({
    name,
    examples: [
      ...new Set(
        features
          .map((f) => f.properties?.[name])
          .filter((v) => v !== null && v !== undefined && v !== '')
          .map(String),
      ),
    ].slice(0, 3),
  }));
}

/** A label users recognise a unit by in the report: its number in the file, code and name. */
function labelOf(p: GeoJsonProperties, index: number, mapping: AttributeMapping): string {
  const value = (key: string | null) =>
    key && p?.[key] !== null && p?.[key] !== undefined ? String(p[key]).trim() : '';
  return [`#${index + 1}`, value(mapping.code), value(mapping.name)].filter(Boolean).join(' ');
}

export async function prepareBoundaries(file: string, bytes: Uint8Array, options: PrepareOptions = {}) {
  const layer = await readBoundaryFile(file, bytes, options);
  const notes: ImportReport['notes'] = [];
  if (layer.cpgOverridden)
    notes.push({
      vi: `Tệp .cpg ghi "${layer.cpgOverridden}" nhưng chữ trong tệp là ${layer.encoding}; đã đọc theo ${layer.encoding}`,
      en: `The .cpg says "${layer.cpgOverridden}" but the text is ${layer.encoding}; read as ${layer.encoding}`,
    });
  const declared = options.epsg ?? layer.crs;
  const crs = declared === null || declared === undefined ? { definition: 'WGS84', note: null } : resolveCrs(declared);
  if (!crs)
    throw new HttpError(
      422,
      'unknown_crs',
      'Không nhận ra hệ tọa độ của tệp; hãy chỉ rõ mã EPSG (ví dụ 9209 cho VN-2000 TM-3 105°30′)',
      'Unknown coordinate system; give its EPSG code (e.g. 9209 for VN-2000 TM-3 105°30′)',
      { crs: String(declared).slice(0, 500) },
    );
  if (crs.note) notes.push(crs.note);
  const project = toWgs84(crs.definition);
  const attributes = attributesOf(layer.features);
  const mapping = { ...guessMapping(attributes.map((a) => a.name)), ...options.mapping };
  const labels = layer.features.map((f, index) => labelOf(f.properties, index, mapping));
  const units: PreparedUnit[] = [];
  const findings: ReportFinding[] = [];
  layer.features.forEach((f, index) => {
    const label = labels[index]!;
    // Reprojected before checking, so ranges, areas and slivers are judged on the ground.
    const projected = crs.definition === 'WGS84' ? f.geometry : reprojected(f.geometry, project);
    const checked = checkGeometry(projected, index);
    findings.push(...checked.findings.map((x) => ({ ...x, label })));
    units.push({ index, properties: f.properties ?? {}, geometry: checked.geometry });
    if (index % 50 === 0) options.onProgress?.('check', index, layer.features.length);
  });
  if (declared === null || declared === undefined) {
    if (findings.some((x) => x.kind === 'out_of_range'))
      notes.push({
        vi: 'Tọa độ không phải kinh độ, vĩ độ và tệp không ghi hệ tọa độ: hãy chỉ rõ mã EPSG',
        en: 'The coordinates are not longitude/latitude and the file names no coordinate system: give its EPSG code',
      });
  }
  const rows = units.map((u) => u.properties);
  const list = options.codeList;
  if (!list)
    notes.push({
      vi: 'Chưa nạp danh mục đơn vị hành chính: mã lấy nguyên từ tệp',
      en: 'No code list loaded: codes are taken from the file as they are',
    });
  else if (options.codeListName)
    notes.push({
      vi: `Đối chiếu với danh mục ${options.codeListName}`,
      en: `Matched against the list ${options.codeListName}`,
    });
  const provinceCode = options.province ?? (list ? guessProvince(list, rows, mapping) : null);
  if (list && !provinceCode)
    throw provinceError(
      'Không xác định được tỉnh của tệp: hãy nhập mã tỉnh (hoặc chọn thuộc tính chứa mã đơn vị)',
      'Cannot tell which province the file covers: give the province code (or the attribute holding unit codes)',
    );
  const official = list?.find((u) => u.level === 1 && u.code === provinceCode);
  if (list && !official)
    throw provinceError(`Danh mục không có tỉnh mã ${provinceCode}`, `The code list has no province ${provinceCode}`);
  const matched = list ? matchRows(list, provinceCode!, rows, mapping) : unitsFromAttributes(rows, mapping);
  const leaveOut = !!options.skipUnmatched;
  for (const m of matched.findings) {
    const base = { feature: m.feature, label: labels[m.feature]!, repaired: false };
    if (m.kind === 'unmatched')
      findings.push({ ...base, kind: m.kind, blocking: !leaveOut, detail: m.elsewhere.join('; ') || undefined });
    if (m.kind === 'ambiguous')
      findings.push({ ...base, kind: m.kind, blocking: !leaveOut, detail: m.candidates.join('; ') });
    if (m.kind === 'duplicate_code')
      findings.push({ ...base, kind: m.kind, blocking: true, others: m.others, detail: m.code });
    if (m.kind === 'name_differs') findings.push({ ...base, kind: m.kind, blocking: !leaveOut, detail: m.official });
  }
  const tolerances = { ...DEFAULT_TOLERANCES, ...options.tolerances };
  const geometries = units.map((u) => u.geometry);
  const fit = fitTogether(geometries, tolerances, (done, total) => options.onProgress?.('overlaps', done, total));
  const piece =
    (kind: 'overlap' | 'gap' | 'outside_province') => (p: { units: number[]; areaM2: number; at: Position }) =>
      findings.push({
        kind,
        feature: p.units[0] ?? -1,
        others: p.units.slice(1),
        label: p.units.map((i) => labels[i]).join(' × ') || '—',
        blocking: false,
        repaired: false,
        areaM2: Math.round(p.areaM2),
        at: p.at,
      });
  fit.overlaps.forEach(piece('overlap'));
  fit.gaps.forEach(piece('gap'));
  let unresolved = fit.unresolved;
  const held = provinceCode && options.outlineOf ? await options.outlineOf(provinceCode) : null;
  if (held) {
    const out = outsideOutline(geometries, held, tolerances);
    out.outside.forEach(piece('outside_province'));
    unresolved += out.unresolved;
  }
  if (unresolved)
    findings.push({
      kind: 'overlay_failed',
      feature: -1,
      label: '—',
      blocking: false,
      repaired: false,
      count: unresolved,
    });
  const blockedFeatures = new Set(findings.filter((f) => f.blocking).map((f) => f.feature));
  const ready: ImportUnit[] = matched.units
    .filter((u) => units[u.index]!.geometry && !blockedFeatures.has(u.index))
    .map((u) => ({ ...u, geometry: units[u.index]!.geometry! }));
  const blocking = findings.filter((x) => x.blocking).length;
  const report: ImportReport = {
    file,
    format: layer.format,
    features: layer.features.length,
    crs: {
      source: options.epsg ? 'option' : declared ? 'file' : 'assumed',
      definition: crs.definition.length > 200 ? `${crs.definition.slice(0, 200)}…` : crs.definition,
    },
    encoding: layer.encoding,
    notes,
    attributes,
    mapping,
    province: provinceCode ? { code: provinceCode, name: official ? official.name : provinceCode } : null,
    matching: matched.summary,
    tolerances,
    unionParts: fit.union.length,
    findings,
    blocking,
    ready: blocking ? 0 : ready.length,
  };
  const outline: MultiPolygon | null = fit.union.length ? { type: 'MultiPolygon', coordinates: fit.union } : null;
  const mappedAt = new Map(matched.units.map((u) => [u.index, u]));
  const drawn: PreviewUnit[] = units.flatMap(({ index, geometry }) => {
    if (!geometry) return [];
    const u = mappedAt.get(index);
    const state = blockedFeatures.has(index) ? 'blocked' : u ? 'ready' : 'left_out';
    return [
      {
        type: 'Feature',
        properties: {
          feature: index,
          label: labels[index]!,
          code: u?.code ?? null,
          name: u?.name ?? labels[index]!,
          type: u?.type ?? '',
          state,
        },
        geometry,
      },
    ];
  });
  return { units, ready: blocking ? [] : ready, report, outline, drawn };
}
