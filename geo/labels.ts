// Where a unit's name goes on the map: the point of the unit farthest from its edges (pole of inaccessibility),
// so that labels of concave or ring-shaped communes stay inside them.
import polylabel from 'polylabel';
import type { Position } from 'geojson';
import type { Area } from './spatial';

/** Planar area of a ring in square degrees, enough to pick the largest part of a unit. */
function ringArea(ring: Position[]): number {
  let sum = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++)
    sum += (ring[j]![0]! - ring[i]![0]!) * (ring[j]![1]! + ring[i]![1]!);
  return Math.abs(sum) / 2;
}

/** Label point of the largest polygon of `geometry`; `precision` in degrees (0.0005° ≈ 55 m). */
export function labelPoint(geometry: Area, precision = 0.0005): [number, number] {
  const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  let largest = polygons[0]!;
  for (const p of polygons) if (ringArea(p[0]!) > ringArea(largest[0]!)) largest = p;
  const [x, y] = polylabel(largest as [number, number][][], precision);
  return [x!, y!];
}
