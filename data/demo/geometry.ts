// Small planar helpers for the demo province: 6-decimal rounding, vertex keys, km distances, ring clean-up.
import type { Polygon, Position } from 'geojson';

export type Pos = [number, number];
/** Polygon or MultiPolygon with [lng, lat] pairs, as the dataset format types them. */
export type Area = { type: 'Polygon'; coordinates: Pos[][] } | { type: 'MultiPolygon'; coordinates: Pos[][][] };

/** Centre of the fictional province (Mekong delta latitude). */
export const CENTER: Pos = [106.0, 10.0];
export const KM_PER_DEG_LAT = 110.57;
export const KM_PER_DEG_LNG = 111.32 * Math.cos((CENTER[1] * Math.PI) / 180);

export function round6(value: number): number {
  return Math.round(value * 1e6) / 1e6;
}

export function roundPos(p: Position): Pos {
  return [round6(p[0]!), round6(p[1]!)];
}

export function posKey(p: Position): string {
  return `${p[0]},${p[1]}`;
}

/** Position at (east, north) kilometres from `origin`. */
export function offsetKm(origin: Pos, eastKm: number, northKm: number): Pos {
  return [origin[0] + eastKm / KM_PER_DEG_LNG, origin[1] + northKm / KM_PER_DEG_LAT];
}

/** (east, north) kilometres of `p` relative to `origin`. */
export function toKm(p: Position, origin: Pos = CENTER): Pos {
  return [(p[0]! - origin[0]) * KM_PER_DEG_LNG, (p[1]! - origin[1]) * KM_PER_DEG_LAT];
}

export function distKm(a: Position, b: Position): number {
  const [dx, dy] = toKm(a, [b[0]!, b[1]!]);
  return Math.hypot(dx, dy);
}

/** Planar distance in km from `p` to the nearest segment of a polyline or closed ring. */
export function distanceToPathKm(p: Position, ring: readonly Position[]): number {
  let best = Infinity;
  const [px, py] = toKm(p);
  for (let i = 0; i + 1 < ring.length; i++) {
    const [ax, ay] = toKm(ring[i]!);
    const [bx, by] = toKm(ring[i + 1]!);
    const [dx, dy] = [bx - ax, by - ay];
    const len2 = dx * dx + dy * dy;
    const t = len2 === 0 ? 0 : Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / len2));
    best = Math.min(best, Math.hypot(px - ax - t * dx, py - ay - t * dy));
  }
  return best;
}

/** Bounding box of `polygon` widened by `marginDeg` on every side (the Voronoi frame). */
export function frameAround(polygon: Polygon, marginDeg = 0.15): [number, number, number, number] {
  let [w, s, e, n] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const p of polygon.coordinates[0]!) {
    [w, s] = [Math.min(w, p[0]!), Math.min(s, p[1]!)];
    [e, n] = [Math.max(e, p[0]!), Math.max(n, p[1]!)];
  }
  return [w - marginDeg, s - marginDeg, e + marginDeg, n + marginDeg];
}

/** Drops consecutive duplicates and closes the ring; null when fewer than 3 distinct vertices remain. */
export function cleanRing(ring: readonly Position[]): Pos[] | null {
  const out: Pos[] = [];
  for (const p of ring) {
    const q: Pos = [p[0]!, p[1]!];
    const last = out[out.length - 1];
    if (!last || last[0] !== q[0] || last[1] !== q[1]) out.push(q);
  }
  while (out.length > 1 && posKey(out[0]!) === posKey(out[out.length - 1]!)) out.pop();
  if (out.length < 3) return null;
  out.push([out[0]![0], out[0]![1]]);
  return out;
}

/** The polygons of an area as lists of rings. */
export function polygonsOf(geometry: Area): Pos[][][] {
  return geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
}

/** Polygon for one part, MultiPolygon for several. */
export function areaFromPolygons(polygons: Pos[][][]): Area {
  if (polygons.length === 1) return { type: 'Polygon', coordinates: polygons[0]! };
  return { type: 'MultiPolygon', coordinates: polygons };
}

/** Undirected edge key of two vertices, independent of direction. */
export function edgeKey(a: Position, b: Position): string {
  const ka = posKey(a);
  const kb = posKey(b);
  return ka < kb ? `${ka}|${kb}` : `${kb}|${ka}`;
}

/** Every undirected edge of an area's rings. */
export function edgeKeys(geometry: Area): string[] {
  const keys: string[] = [];
  for (const polygon of polygonsOf(geometry)) {
    for (const ring of polygon) for (let i = 0; i + 1 < ring.length; i++) keys.push(edgeKey(ring[i]!, ring[i + 1]!));
  }
  return keys;
}

export function vertexCount(geometry: Area): number {
  let n = 0;
  for (const polygon of polygonsOf(geometry)) for (const ring of polygon) n += ring.length;
  return n;
}
