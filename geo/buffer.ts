// A buffer of N metres around points, built once as a planar union in a local metric projection: azimuthal
// equidistant on WGS 84 around the points' centre (proj4), each point a polygonal circle with just enough sides for
// BUFFER_ACCURACY, the circles sorted along a Z-order curve and merged eight at a time (unionAll) so that every
// union stays small. Unioning thousands of overlapping circles in one noding pass (turf's buffer of a MultiPoint)
// grew with the square of the overlaps: 2,000 points × 20 km ran out of memory after minutes.
import type { MultiPolygon, Polygon, Position } from 'geojson';
import type { MultiPolygon as ClipMulti } from 'polygon-clipping';
import proj4 from 'proj4';
import { unionAll } from './neighbours';

export interface BufferLimits {
  /** Largest distance between the two farthest points (east–west or north–south), in metres. */
  maxSpanM: number;
  /** Largest number of vertices the resulting area may have. */
  maxVertices: number;
}

export const BUFFER_LIMITS: BufferLimits = { maxSpanM: 500_000, maxVertices: 60_000 };

/** How far the polygon may lie inside the true circle: 0.4% of the radius, at least 2 m (80 m at 20 km). */
export function bufferAccuracyM(radiusM: number): number {
  return Math.max(2, radiusM * 0.004);
}

/** Sides of a circle whose chords stay within the accuracy of the radius (8 to 64). */
export function circleSides(radiusM: number): number {
  const e = Math.min(bufferAccuracyM(radiusM) / radiusM, 1);
  return Math.min(64, Math.max(8, Math.ceil(Math.PI / Math.acos(1 - e))));
}

/** A request beyond a limit: which one, in words for the user (Vietnamese and English). */
export class AreaLimitError extends Error {
  constructor(
    readonly limit: string,
    readonly vi: string,
    readonly en: string,
  ) {
    super(en);
  }
}

const aeqd = (lon: number, lat: number) =>
  proj4('WGS84', `+proj=aeqd +lat_0=${lat} +lon_0=${lon} +datum=WGS84 +units=m +no_defs`);

/** Interleaved bits of two 16-bit cells: nearby points get nearby keys, so neighbours merge first. */
function zOrder(x: number, y: number): number {
  let key = 0;
  for (let bit = 15; bit >= 0; bit--) key = key * 4 + ((x >> bit) & 1) * 2 + ((y >> bit) & 1);
  return key;
}

export function pointsBuffer(
  points: readonly [number, number][],
  radiusM: number,
  limits: BufferLimits = BUFFER_LIMITS,
): Polygon | MultiPolygon {
  const lons = points.map((p) => p[0]);
  const lats = points.map((p) => p[1]);
  const centre = [(Math.min(...lons) + Math.max(...lons)) / 2, (Math.min(...lats) + Math.max(...lats)) / 2] as const;
  const projection = aeqd(centre[0], centre[1]);
  const planar = points.map((p) => projection.forward([p[0], p[1]]) as [number, number]);
  const xs = planar.map((p) => p[0]);
  const ys = planar.map((p) => p[1]);
  const [minX, minY] = [Math.min(...xs), Math.min(...ys)];
  const span = Math.max(Math.max(...xs) - minX, Math.max(...ys) - minY);
  if (span > limits.maxSpanM)
    throw new AreaLimitError(
      'maxSpanM',
      `Các điểm trải rộng ${Math.round(span / 1000)} km, quá giới hạn ${limits.maxSpanM / 1000} km`,
      `The points spread over ${Math.round(span / 1000)} km, beyond the limit of ${limits.maxSpanM / 1000} km`,
    );

  // Points closer than the accuracy to one already kept change the area by less than the accuracy.
  const accuracy = bufferAccuracyM(radiusM);
  const cell = accuracy / Math.SQRT2;
  const kept = new Map<string, [number, number]>();
  for (const [x, y] of planar) {
    const key = `${Math.floor((x - minX) / cell)},${Math.floor((y - minY) / cell)}`;
    if (!kept.has(key)) kept.set(key, [x, y]);
  }
  const scale = 65_535 / Math.max(span, 1);
  const order = (p: [number, number]) => zOrder(Math.floor((p[0] - minX) * scale), Math.floor((p[1] - minY) * scale));
  const sides = circleSides(radiusM);
  const circles: ClipMulti[] = [...kept.values()]
    .map((p) => [order(p), p] as const)
    .sort((a, b) => a[0] - b[0])
    .map(([, [x, y]]) => {
      const ring: [number, number][] = [];
      for (let i = 0; i < sides; i++) {
        const a = (2 * Math.PI * i) / sides;
        ring.push([x + radiusM * Math.sin(a), y + radiusM * Math.cos(a)]);
      }
      ring.push(ring[0]!);
      return [[ring]];
    });
  const union = unionAll(circles);
  const vertices = union.reduce((n, polygon) => n + polygon.reduce((m, r) => m + r.length, 0), 0);
  if (vertices > limits.maxVertices)
    throw new AreaLimitError(
      'maxVertices',
      `Vùng có ${vertices} đỉnh, quá giới hạn ${limits.maxVertices}`,
      `The area has ${vertices} vertices, beyond the limit of ${limits.maxVertices}`,
    );
  const polygons = union.map((polygon) => polygon.map((r) => r.map((v) => projection.inverse(v) as Position)));
  return polygons.length === 1
    ? { type: 'Polygon', coordinates: polygons[0]! }
    : { type: 'MultiPolygon', coordinates: polygons };
}
