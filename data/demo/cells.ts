// Commune polygons: Voronoi cells of the seeds with wiggled shared edges, clipped to the province outline,
// with clip points snapped so neighbours keep identical vertices (no gaps, no overlaps after rounding).
import * as turf from '@turf/turf';
import type { Feature, MultiPolygon, Polygon, Position } from 'geojson';
import { EdgeWiggler } from './edges';
import {
  areaFromPolygons,
  cleanRing,
  edgeKeys,
  frameAround,
  polygonsOf,
  posKey,
  roundPos,
  type Area,
  type Pos,
} from './geometry';

const MAX_DAMPING_ROUNDS = 6;
const SNAP_DEG = 3e-6;

type Frame = [number, number, number, number];

function onSameFrameSide(a: Pos, b: Pos, f: Frame): boolean {
  return (a[0] === b[0] && (a[0] === f[0] || a[0] === f[2])) || (a[1] === b[1] && (a[1] === f[1] || a[1] === f[3]));
}

/** The rounded straight Voronoi rings, one per seed. */
function voronoiRings(seeds: Pos[], frame: Frame): Pos[][] {
  const roundedFrame = frame.map((v) => Math.round(v * 1e6) / 1e6) as Frame;
  const cells = turf.voronoi(turf.featureCollection(seeds.map((s) => turf.point(s))), { bbox: roundedFrame });
  return seeds.map((_, i) => {
    const cell = cells.features[i];
    if (!cell) throw new Error(`demo: no Voronoi cell for seed ${i}`);
    const ring = cleanRing(cell.geometry.coordinates[0]!.map(roundPos));
    if (!ring) throw new Error(`demo: degenerate Voronoi cell ${i}`);
    return ring;
  });
}

function wiggleRing(ring: Pos[], wiggler: EdgeWiggler, frame: Frame): Pos[] {
  const out: Pos[] = [];
  for (let i = 0; i + 1 < ring.length; i++) {
    const [a, b] = [ring[i]!, ring[i + 1]!];
    out.push(a);
    if (!onSameFrameSide(a, b, frame)) out.push(...wiggler.interior(a, b));
  }
  out.push(ring[0]!);
  return out;
}

/** Wiggled rings; edges of cells that would self-intersect are damped until none does. */
function wiggledRings(straight: Pos[][], wiggler: EdgeWiggler, frame: Frame): Pos[][] {
  for (let round = 0; ; round++) {
    const rings = straight.map((r) => wiggleRing(r, wiggler, frame));
    const bad = rings.flatMap((r, i) => (turf.kinks(turf.polygon([r])).features.length > 0 ? [i] : []));
    if (bad.length === 0) return rings;
    if (round === MAX_DAMPING_ROUNDS) throw new Error('demo: could not remove self-intersections');
    for (const i of bad) {
      const r = straight[i]!;
      for (let k = 0; k + 1 < r.length; k++) wiggler.dampen(r[k]!, r[k + 1]!);
    }
  }
}

/** Snaps points created by clipping onto an earlier equal point, so both neighbours share it exactly. */
class Snapper {
  private readonly grid = new Map<string, Pos[]>();

  constructor(private readonly known: Set<string>) {}

  snap(p: Position): Pos {
    const q = roundPos(p);
    if (this.known.has(posKey(q))) return q;
    const [gx, gy] = [Math.floor(q[0] / 1e-5), Math.floor(q[1] / 1e-5)];
    for (let dx = -1; dx <= 1; dx++) {
      for (let dy = -1; dy <= 1; dy++) {
        for (const c of this.grid.get(`${gx + dx},${gy + dy}`) ?? []) {
          if (Math.abs(c[0] - q[0]) <= SNAP_DEG && Math.abs(c[1] - q[1]) <= SNAP_DEG) return c;
        }
      }
    }
    const key = `${gx},${gy}`;
    this.grid.set(key, [...(this.grid.get(key) ?? []), q]);
    return q;
  }
}

function clipCell(ring: Pos[], outline: Feature<Polygon>, snapper: Snapper): Pos[][][] {
  const clipped = turf.intersect(turf.featureCollection<Polygon | MultiPolygon>([turf.polygon([ring]), outline]));
  if (!clipped) return [];
  const polygons: Pos[][][] = [];
  for (const polygon of clipped.geometry.type === 'Polygon'
    ? [clipped.geometry.coordinates]
    : clipped.geometry.coordinates) {
    const rings = polygon.map((r) => cleanRing(r.map((p) => snapper.snap(p))));
    if (rings[0]) polygons.push(rings.filter((r): r is Pos[] => r !== null));
  }
  return polygons;
}

/** Index of the part that holds the seed, else the largest part. */
function mainPart(parts: Pos[][][], seed: Pos): number {
  const holder = parts.findIndex((p) => turf.booleanPointInPolygon(seed, turf.polygon(p)));
  if (holder >= 0) return holder;
  const areas = parts.map((p) => turf.area(turf.polygon(p)));
  return areas.indexOf(Math.max(...areas));
}

/** Gives each detached part of a clipped cell to the neighbour it shares most edges with. */
function mergeFragments(parts: Pos[][][][], seeds: Pos[]): Area[] {
  const areas: Area[] = [];
  const fragments: { owner: number; polygon: Pos[][] }[] = [];
  parts.forEach((p, i) => {
    if (p.length === 0) throw new Error(`demo: commune ${i} lies outside the outline`);
    const main = mainPart(p, seeds[i]!);
    areas.push({ type: 'Polygon', coordinates: p[main]! });
    p.forEach((polygon, j) => j !== main && fragments.push({ owner: i, polygon }));
  });
  for (const f of fragments) {
    const keys = new Set(edgeKeys({ type: 'Polygon', coordinates: f.polygon }));
    const shared = areas.map((a, i) => (i === f.owner ? 0 : edgeKeys(a).filter((k) => keys.has(k)).length));
    const target = shared.indexOf(Math.max(...shared));
    const merged =
      shared[target]! > 0
        ? turf.union(
            turf.featureCollection<Polygon | MultiPolygon>([turf.feature(areas[target]!), turf.polygon(f.polygon)]),
          )
        : null;
    if (merged && merged.geometry.type === 'Polygon') areas[target] = merged.geometry as Area;
    else areas[f.owner] = areaFromPolygons([...polygonsOf(areas[f.owner]!), f.polygon]);
  }
  return areas;
}

/** One area per seed; together they tile the outline exactly. */
export function makeCommuneCells(seeds: Pos[], outline: Polygon, seed: number): Area[] {
  const frame = frameAround(outline);
  const straight = voronoiRings(seeds, frame);
  const rings = wiggledRings(straight, new EdgeWiggler(seed), frame);
  const known = new Set<string>();
  for (const r of [...rings, outline.coordinates[0]!]) for (const p of r) known.add(posKey(p));
  const snapper = new Snapper(known);
  const outlineFeature = turf.feature(outline);
  const parts = rings.map((r) => clipCell(r, outlineFeature, snapper));
  return mergeFragments(parts, seeds).map((a) => turf.rewind(a) as Area);
}
