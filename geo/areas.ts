// Search areas for police work: a drawn polygon, a circle, or a buffer of N metres around points, measured on the
// ground (turf's circle walks geodesic bearings; its buffer projects around the shape's centre), and what lies inside.
import { booleanIntersects, booleanPointInPolygon, buffer, circle, multiPoint, point } from '@turf/turf';
import type { MultiPolygon, Polygon, Position } from 'geojson';
import { bboxOf, type Area, type BBox } from './spatial';

export type AreaSpec =
  | { type: 'polygon'; coordinates: Position[][] }
  | { type: 'circle'; center: [number, number]; radiusM: number }
  | { type: 'buffer'; points: [number, number][]; radiusM: number };

const STEPS = 64;

/** The geometry an area spec stands for. */
export function areaGeometry(spec: AreaSpec): Area {
  switch (spec.type) {
    case 'polygon':
      return { type: 'Polygon', coordinates: spec.coordinates };
    case 'circle':
      return circle(spec.center, spec.radiusM / 1000, { steps: STEPS, units: 'kilometers' }).geometry;
    case 'buffer': {
      if (spec.points.length === 1) return circle(spec.points[0]!, spec.radiusM / 1000, { steps: STEPS, units: 'kilometers' }).geometry;
      const shape = buffer(multiPoint(spec.points), spec.radiusM / 1000, { units: 'kilometers', steps: STEPS / 4 });
      return shape!.geometry as Polygon | MultiPolygon;
    }
  }
}

export interface PreparedArea {
  geometry: Area;
  bbox: BBox;
}

export function prepareArea(spec: AreaSpec): PreparedArea {
  const geometry = areaGeometry(spec);
  return { geometry, bbox: bboxOf(geometry) };
}

export function areaContains(area: PreparedArea, [x, y]: [number, number]): boolean {
  const [w, s, e, n] = area.bbox;
  if (x < w || x > e || y < s || y > n) return false;
  return booleanPointInPolygon(point([x, y]), area.geometry);
}

export function areaTouches(area: PreparedArea, other: { geometry: Area; bbox: BBox }): boolean {
  const [w, s, e, n] = area.bbox;
  const [w2, s2, e2, n2] = other.bbox;
  if (w2 > e || e2 < w || s2 > n || n2 < s) return false;
  return booleanIntersects(area.geometry, other.geometry);
}
