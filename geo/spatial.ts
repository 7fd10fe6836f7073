// Point-in-commune and bounding boxes over GeoJSON areas (WGS84, [lng, lat]).
import { booleanPointInPolygon, point } from '@turf/turf';
import type { MultiPolygon, Polygon, Position } from 'geojson';

export type Area = Polygon | MultiPolygon;
export type BBox = [west: number, south: number, east: number, north: number];

export function bboxOf(geometry: Area): BBox {
  let [w, s, e, n] = [Infinity, Infinity, -Infinity, -Infinity];
  const polygons: Position[][][] = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  for (const polygon of polygons)
    for (const [x, y] of polygon[0] ?? []) {
      if (x! < w) w = x!;
      if (x! > e) e = x!;
      if (y! < s) s = y!;
      if (y! > n) n = y!;
    }
  return [w, s, e, n];
}

export function bboxContains([w, s, e, n]: BBox, [x, y]: Position): boolean {
  return x! >= w && x! <= e && y! >= s && y! <= n;
}

export interface LocatableArea<K> {
  key: K;
  code: string;
  bbox: BBox;
  geometry: Area;
}

/**
 * The area containing the point. A point on a border shared by several areas goes to the one
 * with the smallest code, so every point has exactly one commune. Holes are outside.
 */
export function locatePoint<K>(areas: readonly LocatableArea<K>[], location: Position): LocatableArea<K> | null {
  let best: LocatableArea<K> | null = null;
  const p = point(location);
  for (const a of areas) {
    if (!bboxContains(a.bbox, location)) continue;
    if (best && best.code < a.code) continue;
    if (booleanPointInPolygon(p, a.geometry)) best = a;
  }
  return best;
}
