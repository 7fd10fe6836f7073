// How a set of unit polygons fits together: overlaps between neighbours, gaps inside their union, and land outside
// a reference outline. Overlay uses polygon-clipping (floating point with robust predicates); polyclip-ts, which
// turf's own intersect uses, computes in arbitrary precision and was 35× slower on a province's communes.
import { area as turfArea, bbox as turfBbox } from '@turf/turf';
import type { MultiPolygon, Position } from 'geojson';
import polygonClipping, { type MultiPolygon as ClipMulti } from 'polygon-clipping';
import { labelPoint } from './labels';

export type BBox = [number, number, number, number];

export interface OverlayPiece {
  /** Indexes (in the input array) of the units concerned: two for an overlap, one for land outside the outline. */
  units: number[];
  areaM2: number;
  /** A point inside the piece, to find it on the map. */
  at: Position;
}

export interface Tolerances {
  /** Overlaps between two units smaller than this are ignored (rounding noise). */
  overlapM2: number;
  /** Holes in the union of all units smaller than this are ignored. */
  gapM2: number;
  /** Land of a unit outside the province outline smaller than this is ignored. */
  outsideM2: number;
}

/** The data README's own thresholds: overlaps above ~10 m², gaps above 0.01 km². */
export const DEFAULT_TOLERANCES: Tolerances = { overlapM2: 10, gapM2: 10_000, outsideM2: 10_000 };

const boxesMeet = (a: BBox, b: BBox) => !(a[0] > b[2] || b[0] > a[2] || a[1] > b[3] || b[1] > a[3]);

function areaM2(coordinates: ClipMulti | Position[][][]): number {
  return coordinates.length ? turfArea({ type: 'MultiPolygon', coordinates }) : 0;
}

/** Sutherland–Hodgman clip of a ring to a box: only the part of each unit that can meet the other is overlaid. */
function clipRing(ring: Position[], box: BBox): Position[] {
  let out = ring;
  const edges: [(p: Position) => boolean, (a: Position, b: Position) => Position][] = [
    [(p) => p[0]! >= box[0], (a, b) => cut(a, b, 0, box[0])],
    [(p) => p[0]! <= box[2], (a, b) => cut(a, b, 0, box[2])],
    [(p) => p[1]! >= box[1], (a, b) => cut(a, b, 1, box[1])],
    [(p) => p[1]! <= box[3], (a, b) => cut(a, b, 1, box[3])],
  ];
  for (const [inside, cross] of edges) {
    const input = out;
    out = [];
    for (let i = 0; i < input.length; i++) {
      const cur = input[i]!;
      const prev = input[(i + input.length - 1) % input.length]!;
      if (inside(cur)) {
        if (!inside(prev)) out.push(cross(prev, cur));
        out.push(cur);
      } else if (inside(prev)) out.push(cross(prev, cur));
    }
  }
  if (out.length && (out[0]![0] !== out[out.length - 1]![0] || out[0]![1] !== out[out.length - 1]![1]))
    out.push(out[0]!);
  return out;
}

function cut(a: Position, b: Position, axis: 0 | 1, value: number): Position {
  const t = (value - a[axis]!) / (b[axis]! - a[axis]!);
  const p = [a[0]! + t * (b[0]! - a[0]!), a[1]! + t * (b[1]! - a[1]!)];
  p[axis] = value;
  return p;
}

function clipToBox(g: MultiPolygon, box: BBox): ClipMulti {
  const out: ClipMulti = [];
  for (const part of g.coordinates) {
    const rings = part.map((r) => clipRing(r, box)).filter((r) => r.length >= 4);
    if (rings.length && part[0] && clipRing(part[0], box).length >= 4) out.push(rings as ClipMulti[number]);
  }
  return out;
}

function pieceAt(coordinates: Position[][][]): Position {
  return labelPoint({ type: 'MultiPolygon', coordinates }, 1e-5);
}

/** Overlay that never throws: a pair polygon-clipping cannot resolve is skipped and counted, not fatal. */
function safely<T>(f: () => T, fallback: T, failed: { count: number }): T {
  try {
    return f();
  } catch {
    failed.count++;
    return fallback;
  }
}

/** Union of many polygons, eight at a time then the results: a third less peak memory than one sweep over all. */
export function unionAll(parts: ClipMulti[]): ClipMulti {
  let level = parts;
  while (level.length > 1) {
    const next: ClipMulti[] = [];
    for (let i = 0; i < level.length; i += 8) next.push(polygonClipping.union(level[i]!, ...level.slice(i + 1, i + 8)));
    level = next;
  }
  return level[0] ?? [];
}

export interface FitReport {
  overlaps: OverlayPiece[];
  gaps: OverlayPiece[];
  /** The union of all units (the derived outline), as MultiPolygon coordinates. */
  union: Position[][][];
  /** Overlays polygon-clipping could not resolve (reported, so a check is never silently skipped). */
  unresolved: number;
}

/** Overlaps between every pair of units whose boxes meet, and holes of the union larger than the gap tolerance. */
export function fitTogether(
  units: (MultiPolygon | null)[],
  tol: Tolerances = DEFAULT_TOLERANCES,
  progress?: (done: number, total: number) => void,
): FitReport {
  const boxes = units.map((g) => (g ? (turfBbox(g) as BBox) : null));
  const failed = { count: 0 };
  const overlaps: OverlayPiece[] = [];
  for (let i = 0; i < units.length; i++) {
    progress?.(i, units.length);
    for (let j = i + 1; j < units.length; j++) {
      const a = boxes[i],
        b = boxes[j];
      if (!a || !b || !boxesMeet(a, b)) continue;
      const box: BBox = [Math.max(a[0], b[0]), Math.max(a[1], b[1]), Math.min(a[2], b[2]), Math.min(a[3], b[3])];
      const ca = clipToBox(units[i]!, box),
        cb = clipToBox(units[j]!, box);
      if (!ca.length || !cb.length) continue;
      const x = safely(() => polygonClipping.intersection(ca, cb), [], failed);
      const m2 = areaM2(x);
      if (m2 > tol.overlapM2) overlaps.push({ units: [i, j], areaM2: m2, at: pieceAt(x) });
    }
  }
  const present = units.filter((g): g is MultiPolygon => g !== null).map((g) => g.coordinates as ClipMulti);
  const union = safely(() => unionAll(present), [], failed);
  const gaps: OverlayPiece[] = [];
  for (const part of union)
    for (const hole of part.slice(1)) {
      const m2 = areaM2([[hole]]);
      if (m2 > tol.gapM2) gaps.push({ units: [], areaM2: m2, at: pieceAt([[[...hole].reverse()]]) });
    }
  return { overlaps, gaps, union, unresolved: failed.count };
}

/** Land of each unit outside the outline, where larger than the tolerance. */
export function outsideOutline(
  units: (MultiPolygon | null)[],
  outline: MultiPolygon,
  tol: Tolerances = DEFAULT_TOLERANCES,
): { outside: OverlayPiece[]; unresolved: number } {
  const failed = { count: 0 };
  const box = turfBbox(outline) as BBox;
  const out: OverlayPiece[] = [];
  units.forEach((g, i) => {
    if (!g) return;
    const outside = boxesMeet(turfBbox(g) as BBox, box)
      ? safely(
          () => polygonClipping.difference(g.coordinates as ClipMulti, outline.coordinates as ClipMulti),
          [],
          failed,
        )
      : (g.coordinates as ClipMulti);
    const m2 = areaM2(outside);
    if (m2 > tol.outsideM2) out.push({ units: [i], areaM2: m2, at: pieceAt(outside) });
  });
  return { outside: out, unresolved: failed.count };
}
