// Coordinate systems of Vietnamese boundary files → WGS 84 (proj4): WGS 84 itself, UTM 48N/49N, and VN-2000
// (geographic, UTM, provincial TM-3 zones) with the official 7-parameter shift of Decision 05/2007/QĐ-BTNMT.
import proj4 from 'proj4';
import type { Position } from 'geojson';

/** Decision 05/2007/QĐ-BTNMT, as EPSG:6960 applies it (Coordinate Frame); proj4's +towgs84 is Position Vector, so
 *  the three rotations change sign (what PROJ itself prints for EPSG:3405). Without it VN-2000 is off by ~225 m. */
export const VN2000_TOWGS84 = '-191.90441429,-39.30318279,-111.45032835,0.00928836,-0.01975479,0.00427372,0.252906278';
/** The same values pasted unflipped (epsg.io and many .prj files): 0.5–0.8 m wrong, corrected on sight. */
const VN2000_TOWGS84_CF = [
  -191.90441429, -39.30318279, -111.45032835, -0.00928836, 0.01975479, -0.00427372, 0.252906278,
];

const tm = (lon0: number, k: number) =>
  `+proj=tmerc +lat_0=0 +lon_0=${lon0} +k=${k} +x_0=500000 +y_0=0 +ellps=WGS84 +towgs84=${VN2000_TOWGS84} +units=m +no_defs`;

/** VN-2000 provincial TM-3 zones by EPSG code (central meridian in degrees): 5896–5899 and 9205–9218. */
const TM3_ZONES: Record<number, number> = {
  5896: 102,
  5897: 105,
  5898: 108,
  5899: 107.75,
  9205: 103,
  9206: 104,
  9207: 104.5,
  9208: 104.75,
  9209: 105.5,
  9210: 105.75,
  9211: 106,
  9212: 106.25,
  9213: 106.5,
  9214: 107,
  9215: 107.25,
  9216: 107.5,
  9217: 108.25,
  9218: 108.5,
};

/** The EPSG codes the importer knows, as proj4 definitions. */
export function epsgDefinition(code: number): string | null {
  if (code === 4326 || code === 4979) return 'WGS84';
  if (code === 32648 || code === 32649) return `+proj=utm +zone=${code - 32600} +datum=WGS84 +units=m +no_defs`;
  if (code === 4756) return `+proj=longlat +ellps=WGS84 +towgs84=${VN2000_TOWGS84} +no_defs`;
  if (code === 3405 || code === 3406) return tm(code === 3405 ? 105 : 111, 0.9996);
  if (code in TM3_ZONES) return tm(TM3_ZONES[code]!, 0.9999);
  return null;
}

export const KNOWN_EPSG = [4326, 32648, 32649, 4756, 3405, 3406, ...Object.keys(TM3_ZONES).map(Number)];

export interface CrsResolution {
  definition: string;
  /** Human note when the definition was mended (missing or wrongly signed VN-2000 shift). */
  note: { vi: string; en: string } | null;
}

const isVn2000 = (text: string) => /vn[-_ ]?2000|vietnam[-_ ]?2000/i.test(text);

/** A coordinate system from an EPSG code, an "EPSG:n" / OGC URN name, or .prj WKT; null when it cannot be used. */
export function resolveCrs(input: string | number): CrsResolution | null {
  const code = typeof input === 'number' ? input : /EPSG:{1,2}(\d{4,5})\s*$/i.exec(input.trim())?.[1];
  if (code !== undefined) {
    const definition = epsgDefinition(Number(code));
    return definition ? { definition, note: null } : null;
  }
  const wkt = String(input);
  if (/OGC:{1,2}CRS84|WGS[_ ]?(19)?84/i.test(wkt) && !/PROJCS|PROJCRS/i.test(wkt) && !isVn2000(wkt))
    return { definition: 'WGS84', note: null };
  let parsed: proj4.ProjectionDefinition & {
    projName?: string;
    long0?: number;
    k0?: number;
    x0?: number;
    y0?: number;
    lat0?: number;
    datum_params?: number[];
  };
  try {
    parsed = new proj4.Proj(wkt) as never;
  } catch {
    return null;
  }
  if (!isVn2000(wkt)) return { definition: wkt, note: null };
  // VN-2000 without the shift (ESRI .prj never carries it) or with unflipped rotations: rebuilt with the official one.
  const params = parsed.datum_params ?? [];
  const note =
    params.length < 7
      ? {
          vi: 'Tệp .prj không có tham số chuyển đổi VN-2000 → WGS 84; đã dùng 7 tham số của QĐ 05/2007/QĐ-BTNMT',
          en: 'The .prj lacks the VN-2000 → WGS 84 shift; the 7 parameters of Decision 05/2007/QĐ-BTNMT were used',
        }
      : params.every((p, i) => Math.abs(p - VN2000_TOWGS84_CF[i]!) < 1e-9)
        ? {
            vi: 'Tệp .prj ghi dấu các góc xoay VN-2000 theo quy ước khác; đã sửa theo QĐ 05/2007/QĐ-BTNMT',
            en: 'The .prj gives the VN-2000 rotations in the other sign convention; corrected per Decision 05/2007/QĐ-BTNMT',
          }
        : null;
  if (!note) return { definition: wkt, note: null };
  const deg = (r: number | undefined) => ((r ?? 0) * 180) / Math.PI;
  if (parsed.projName === 'longlat') return { definition: epsgDefinition(4756)!, note };
  if (!/transverse|tmerc|utm/i.test(parsed.projName ?? '')) return null;
  const definition = `+proj=tmerc +lat_0=${deg(parsed.lat0)} +lon_0=${deg(parsed.long0)} +k=${parsed.k0 ?? 1} +x_0=${parsed.x0 ?? 0} +y_0=${parsed.y0 ?? 0} +ellps=WGS84 +towgs84=${VN2000_TOWGS84} +units=m +no_defs`;
  return { definition, note };
}

/** A function taking a position in the given system to WGS 84 longitude/latitude. */
export function toWgs84(definition: string): (p: Position) => Position {
  if (definition === 'WGS84') return (p) => p;
  const converter = proj4(definition, 'WGS84');
  return (p) => converter.forward([p[0]!, p[1]!]);
}
