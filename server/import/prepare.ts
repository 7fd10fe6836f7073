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

type Note = ImportReport['notes'][number];
type Layer = Awaited<ReturnType<typeof readBoundaryFile>>;
type Matched = { units: MappedUnit[]; findings: MatchFinding[] };

/** The coordinate system the file declares (or the option gives), resolved; WGS 84 when neither says. */
function coordinateSystem(layer: Layer, options: PrepareOptions) {
  const declared = options.epsg ?? layer.crs;
  if (declared === null || declared === undefined) return { declared: null, crs: { definition: 'WGS84', note: null } };
  const crs = resolveCrs(declared);
  if (!crs)
    throw new HttpError(
      422,
      'unknown_crs',
      'Không nhận ra hệ tọa độ của tệp; hãy chỉ rõ mã EPSG (ví dụ 9209 cho VN-2000 TM-3 105°30′)',
      'Unknown coordinate system; give its EPSG code (e.g. 9209 for VN-2000 TM-3 105°30′)',
      { crs: String(declared).slice(0, 500) },
    );
  return { declared, crs };
}

/** Every feature reprojected before checking, so ranges, areas and slivers are judged on the ground. */
function checkedUnits(layer: Layer, definition: string, labels: string[], options: PrepareOptions) {
  const project = toWgs84(definition);
  const units: PreparedUnit[] = [];
  const findings: ReportFinding[] = [];
  layer.features.forEach((f, index) => {
    const projected = definition === 'WGS84' ? f.geometry : reprojected(f.geometry, project);
    const checked = checkGeometry(projected, index);
    findings.push(...checked.findings.map((x) => ({ ...x, label: labels[index]! })));
    units.push({ index, properties: f.properties ?? {}, geometry: checked.geometry });
    if (index % 50 === 0) options.onProgress?.('check', index, layer.features.length);
  });
  return { units, findings };
}

/** The province the file covers (given, or guessed from the list) and its official entry. */
function provinceOf(
  list: OfficialUnit[] | undefined,
  options: PrepareOptions,
  rows: PreparedUnit['properties'][],
  mapping: AttributeMapping,
) {
  const provinceCode = options.province ?? (list ? guessProvince(list, rows, mapping) : null);
  if (list && !provinceCode)
    throw provinceError(
      'Không xác định được tỉnh của tệp: hãy nhập mã tỉnh (hoặc chọn thuộc tính chứa mã đơn vị)',
      'Cannot tell which province the file covers: give the province code (or the attribute holding unit codes)',
    );
  const official = list?.find((u) => u.level === 1 && u.code === provinceCode);
  if (list && !official)
    throw provinceError(`Danh mục không có tỉnh mã ${provinceCode}`, `The code list has no province ${provinceCode}`);
  return { provinceCode, official };
}

/** Units the list cannot place block the import, unless the user chose to leave them out; duplicate codes always. */
function matchingFindings(matched: Matched, labels: string[], leaveOut: boolean): ReportFinding[] {
  return matched.findings.flatMap((m): ReportFinding[] => {
    const base = { feature: m.feature, label: labels[m.feature]!, repaired: false };
    if (m.kind === 'unmatched')
      return [{ ...base, kind: m.kind, blocking: !leaveOut, detail: m.elsewhere.join('; ') || undefined }];
    if (m.kind === 'ambiguous')
      return [{ ...base, kind: m.kind, blocking: !leaveOut, detail: m.candidates.join('; ') }];
    if (m.kind === 'duplicate_code')
      return [{ ...base, kind: m.kind, blocking: true, others: m.others, detail: m.code }];
    if (m.kind === 'name_differs') return [{ ...base, kind: m.kind, blocking: !leaveOut, detail: m.official }];
    return [];
  });
}

/** How the units fit together: overlaps, gaps, parts outside the province held, and overlays that failed. */
async function fitFindings(
  geometries: (MultiPolygon | null)[],
  tolerances: Tolerances,
  labels: string[],
  provinceCode: string | null,
  options: PrepareOptions,
) {
  const fit = fitTogether(geometries, tolerances, (done, total) => options.onProgress?.('overlaps', done, total));
  const findings: ReportFinding[] = [];
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
  return { union: fit.union, findings };
}

/** Every unit with a geometry as the preview map draws it: written, blocking, or left out. */
function previewUnits(units: PreparedUnit[], matched: Matched, labels: string[], blocked: Set<number>): PreviewUnit[] {
  const mappedAt = new Map(matched.units.map((u) => [u.index, u]));
  return units.flatMap(({ index, geometry }): PreviewUnit[] => {
    if (!geometry) return [];
    const u = mappedAt.get(index);
    const state: PreviewUnit['properties']['state'] = blocked.has(index) ? 'blocked' : u ? 'ready' : 'left_out';
    const label = labels[index]!;
    const properties = {
      feature: index,
      label,
      code: u?.code ?? null,
      name: u?.name ?? label,
      type: u?.type ?? '',
      state,
    };
    return [{ type: 'Feature', properties, geometry }];
  });
}

/** What the report says of the file before any unit: encoding overridden, coordinates, the list matched against. */
function fileNotes(layer: Layer, crsNote: Note | null, unprojected: boolean, options: PrepareOptions): Note[] {
  const notes: Note[] = [];
  if (layer.cpgOverridden)
    notes.push({
      vi: `Tệp .cpg ghi "${layer.cpgOverridden}" nhưng chữ trong tệp là ${layer.encoding}; đã đọc theo ${layer.encoding}`,
      en: `The .cpg says "${layer.cpgOverridden}" but the text is ${layer.encoding}; read as ${layer.encoding}`,
    });
  if (crsNote) notes.push(crsNote);
  if (unprojected)
    notes.push({
      vi: 'Tọa độ không phải kinh độ, vĩ độ và tệp không ghi hệ tọa độ: hãy chỉ rõ mã EPSG',
      en: 'The coordinates are not longitude/latitude and the file names no coordinate system: give its EPSG code',
    });
  if (!options.codeList)
    notes.push({
      vi: 'Chưa nạp danh mục đơn vị hành chính: mã lấy nguyên từ tệp',
      en: 'No code list loaded: codes are taken from the file as they are',
    });
  else if (options.codeListName)
    notes.push({
      vi: `Đối chiếu với danh mục ${options.codeListName}`,
      en: `Matched against the list ${options.codeListName}`,
    });
  return notes;
}

export async function prepareBoundaries(file: string, bytes: Uint8Array, options: PrepareOptions = {}) {
  const layer = await readBoundaryFile(file, bytes, options);
  const { declared, crs } = coordinateSystem(layer, options);
  const attributes = attributesOf(layer.features);
  const mapping = { ...guessMapping(attributes.map((a) => a.name)), ...options.mapping };
  const labels = layer.features.map((f, index) => labelOf(f.properties, index, mapping));
  const { units, findings } = checkedUnits(layer, crs.definition, labels, options);
  const unprojected = declared === null && findings.some((x) => x.kind === 'out_of_range');
  const notes = fileNotes(layer, crs.note, unprojected, options);
  const rows = units.map((u) => u.properties);
  const list = options.codeList;
  const { provinceCode, official } = provinceOf(list, options, rows, mapping);
  const matched = list ? matchRows(list, provinceCode!, rows, mapping) : unitsFromAttributes(rows, mapping);
  findings.push(...matchingFindings(matched, labels, !!options.skipUnmatched));
  const tolerances = { ...DEFAULT_TOLERANCES, ...options.tolerances };
  const geometries = units.map((u) => u.geometry);
  const fit = await fitFindings(geometries, tolerances, labels, provinceCode, options);
  findings.push(...fit.findings);
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
  const drawn = previewUnits(units, matched, labels, blockedFeatures);
  return { units, ready: blocking ? [] : ready, report, outline, drawn };
}
