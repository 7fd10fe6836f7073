// Search areas for police work: a drawn polygon, a circle, or a buffer of N metres around points, measured on the
// ground (turf's circle walks geodesic bearings; the buffer is built in a local metric projection, geo/buffer.ts),
// and what lies inside. Tests run part by part, each behind its own bounding box, so a buffer of hundreds of
// separate circles costs a few box checks per point, not a walk over every vertex.
import { booleanIntersects, booleanPointInPolygon, circle, point } from '@turf/turf';
import type { Polygon, Position } from 'geojson';
import { pointsBuffer } from './buffer';
import { bboxOf, type Area, type BBox } from './spatial';

export type AreaSpec =
  | { type: 'polygon'; coordinates: Position[][] }
  | { type: 'circle'; center: [number, number]; radiusM: number }
  | { type: 'buffer'; points: [number, number][]; radiusM: number };

const STEPS = 64;

/** The geometry an area spec stands for (a large buffer is better built off the event loop: server/services/area-builder.ts). */
export function areaGeometry(spec: AreaSpec): Area {
  switch (spec.type) {
    case 'polygon':
      return { type: 'Polygon', coordinates: spec.coordinates };
    case 'circle':
      return circle(spec.center, spec.radiusM / 1000, { steps: STEPS, units: 'kilometers' }).geometry;
    case 'buffer':
      return pointsBuffer(spec.points, spec.radiusM);
  }
}

interface AreaPart {
  polygon: Polygon;
  bbox: BBox;
}

export interface PreparedArea {
  geometry: Area;
  bbox: BBox;
  parts: AreaPart[];
}

export function prepareGeometry(geometry: Area): PreparedArea {
  const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  const parts = polygons.map((coordinates) => {
    const polygon: Polygon = { type: 'Polygon', coordinates };
    return { polygon, bbox: bboxOf(polygon) };
  });
  return { geometry, bbox: bboxOf(geometry), parts };
}

export function prepareArea(spec: AreaSpec): PreparedArea {
  return prepareGeometry(areaGeometry(spec));
}

const boxesMeet = ([w, s, e, n]: BBox, [w2, s2, e2, n2]: BBox) => !(w2 > e || e2 < w || s2 > n || n2 < s);

export function areaContains(area: PreparedArea, [x, y]: [number, number]): boolean {
  const at: BBox = [x, y, x, y];
  if (!boxesMeet(area.bbox, at)) return false;
  const p = point([x, y]);
  return area.parts.some((part) => boxesMeet(part.bbox, at) && booleanPointInPolygon(p, part.polygon));
}

export function areaTouches(area: PreparedArea, other: { geometry: Area; bbox: BBox }): boolean {
  if (!boxesMeet(area.bbox, other.bbox)) return false;
  return area.parts.some((part) => boxesMeet(part.bbox, other.bbox) && booleanIntersects(part.polygon, other.geometry));
}
