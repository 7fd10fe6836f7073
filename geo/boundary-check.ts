// Geometry checks of an imported boundary, ring by ring, before anything is written: what is wrong, what was
// repaired (only repairs that cannot change which land belongs to the unit) and what blocks the import.
import { area as turfArea, polygon as turfPolygon } from '@turf/turf';
import type { Geometry, MultiPolygon, Polygon, Position } from 'geojson';
import findIntersections from 'sweepline-intersections';

export const FINDING_KINDS = [
  'not_polygon',
  'empty_geometry',
  'out_of_range',
  'unclosed_ring',
  'repeated_vertices',
  'degenerate_ring',
  'winding',
  'zero_area_part',
  'zero_area_hole',
  'self_intersection',
] as const;
export type FindingKind = (typeof FINDING_KINDS)[number];

export interface Finding {
  kind: FindingKind;
  /** Index of the feature in the file (0-based). */
  feature: number;
  /** Blocking findings stop the import; the others were repaired (or are only reported). */
  blocking: boolean;
  repaired: boolean;
  /** Where, when it can be said: a vertex or intersection. */
  at?: Position;
  count?: number;
}

/** A part or hole smaller than this is a sliver: no land can be assigned by it. */
export const SLIVER_M2 = 1;

const samePoint = (a: Position, b: Position) => a[0] === b[0] && a[1] === b[1];

/** Twice the signed area in degrees² (shoelace): positive when counter-clockwise. */
export function signedArea(ring: Position[]): number {
  let s = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++)
    s += (ring[j]![0]! - ring[i]![0]!) * (ring[j]![1]! + ring[i]![1]!);
  return s;
}

function ringAreaM2(ring: Position[]): number {
  return turfArea(turfPolygon([ring]));
}

interface RingResult {
  ring: Position[] | null;
  findings: Omit<Finding, 'feature'>[];
}

/** Closes an open ring, drops repeated consecutive vertices, and says whether it is still a ring. */
function cleanRing(input: Position[]): RingResult {
  const findings: Omit<Finding, 'feature'>[] = [];
  const bad = input.find(
    (p) => !Number.isFinite(p[0]) || !Number.isFinite(p[1]) || Math.abs(p[0]!) > 180 || Math.abs(p[1]!) > 90,
  );
  if (bad) return { ring: null, findings: [{ kind: 'out_of_range', blocking: true, repaired: false, at: bad }] };
  const ring = input.map((p) => [p[0]!, p[1]!]);
  if (ring.length && !samePoint(ring[0]!, ring[ring.length - 1]!)) {
    ring.push(ring[0]!);
    findings.push({ kind: 'unclosed_ring', blocking: false, repaired: true, at: ring[0] });
  }
  const kept = ring.filter((p, i) => i === 0 || !samePoint(p, ring[i - 1]!));
  if (kept.length < ring.length)
    findings.push({
      kind: 'repeated_vertices',
      blocking: false,
      repaired: true,
      count: ring.length - kept.length,
      at: ring.find((p, i) => i > 0 && samePoint(p, ring[i - 1]!)),
    });
  if (kept.length < 4)
    return {
      ring: null,
      findings: [...findings, { kind: 'degenerate_ring', blocking: false, repaired: true, at: kept[0] }],
    };
  return { ring: kept, findings };
}

export interface CheckedGeometry {
  /** RFC 7946 geometry (exteriors counter-clockwise, holes clockwise), or null when nothing usable is left. */
  geometry: MultiPolygon | null;
  findings: Finding[];
}

const isPosition = (p: unknown) =>
  Array.isArray(p) && p.length >= 2 && p.every((x) => typeof x === 'number' && Number.isFinite(x));

/** Coordinates nested as polygons → rings → positions of finite numbers (a file may hold anything there). */
function polygonShaped(parts: unknown): boolean {
  return (
    Array.isArray(parts) &&
    parts.every((part) => Array.isArray(part) && part.every((ring) => Array.isArray(ring) && ring.every(isPosition)))
  );
}

type AddFinding = (f: Omit<Finding, 'feature'>) => void;

/** A ring crossing itself is not repaired: which side of the crossing is the unit's land cannot be known. */
function selfCrossings(geometry: Polygon | MultiPolygon, add: AddFinding): boolean {
  const crossings = findIntersections({ type: 'Feature', properties: {}, geometry }, false);
  if (crossings.length)
    add({ kind: 'self_intersection', blocking: true, repaired: false, count: crossings.length, at: crossings[0] });
  return crossings.length > 0;
}

/**
 * One polygon's rings cleaned: an exterior too small (or unreadable) drops the part, a tiny hole is dropped, a
 * crossing ring kept (and reported), the winding made exterior-counterclockwise. Returns the rings and how many
 * were rewound.
 */
function cleanPart(part: Position[][], add: AddFinding): { rings: Position[][]; rewound: number } {
  const rings: Position[][] = [];
  let rewound = 0;
  for (const [k, raw] of part.entries()) {
    const { ring, findings } = cleanRing(raw);
    findings.forEach(add);
    const isHole = k > 0;
    if (!ring) {
      if (!isHole) break; // no exterior: the whole part goes (its holes with it)
      continue;
    }
    if (selfCrossings({ type: 'Polygon', coordinates: [ring] }, add)) {
      rings.push(ring);
      continue;
    }
    if (ringAreaM2(ring) < SLIVER_M2) {
      add({ kind: isHole ? 'zero_area_hole' : 'zero_area_part', blocking: false, repaired: true, at: ring[0] });
      if (!isHole) break;
      continue;
    }
    if (signedArea(ring) > 0 === isHole) {
      ring.reverse();
      rewound++;
    }
    rings.push(ring);
  }
  return { rings, rewound };
}

/** Checks and, where safe, repairs one feature's geometry. */
export function checkGeometry(g: Geometry | null | undefined, feature: number): CheckedGeometry {
  const findings: Finding[] = [];
  const add: AddFinding = (f) => findings.push({ ...f, feature });
  if (!g) {
    add({ kind: 'empty_geometry', blocking: true, repaired: false });
    return { geometry: null, findings };
  }
  if (
    (g.type !== 'Polygon' && g.type !== 'MultiPolygon') ||
    !polygonShaped(g.type === 'Polygon' ? [g.coordinates] : g.coordinates)
  ) {
    add({ kind: 'not_polygon', blocking: true, repaired: false });
    return { geometry: null, findings };
  }
  const parts = g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
  const out: Position[][][] = [];
  let windingFixed = 0;
  for (const part of parts) {
    const { rings, rewound } = cleanPart(part, add);
    windingFixed += rewound;
    if (rings.length) out.push(rings);
  }
  if (windingFixed) add({ kind: 'winding', blocking: false, repaired: true, count: windingFixed });
  if (!out.length) {
    if (!findings.some((f) => f.blocking)) add({ kind: 'empty_geometry', blocking: true, repaired: false });
    return { geometry: null, findings };
  }
  const geometry: MultiPolygon = { type: 'MultiPolygon', coordinates: out };
  // Rings of the unit crossing one another (a hole across its exterior, overlapping parts): not repaired either.
  if (!findings.some((f) => f.kind === 'self_intersection')) selfCrossings(geometry, add);
  return { geometry, findings };
}
