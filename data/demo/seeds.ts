// Commune seed points: best-candidate sampling (denser around the towns) and a few damped Lloyd steps.
import * as turf from '@turf/turf';
import type { Polygon } from 'geojson';
import { distKm, distanceToPathKm, frameAround, type Pos } from './geometry';
import type { Random } from './random';

const CANDIDATES_PER_SEED = 14;
const BORDER_MARGIN_KM = 1.6;
const LLOYD_STEPS = 2;
const LLOYD_FACTOR = 0.55;

export interface SeedOptions {
  count: number;
  outline: Polygon;
  city: Pos;
  town: Pos;
}

/** Relative density of communes: high in the provincial city, raised in the second town. */
function density(p: Pos, o: SeedOptions): number {
  const dc = distKm(p, o.city);
  const dt = distKm(p, o.town);
  return 1 + 7 * Math.exp(-((dc / 5.5) ** 2)) + 1.5 * Math.exp(-((dt / 4) ** 2));
}

function insideWithMargin(p: Pos, o: SeedOptions): boolean {
  const ring = o.outline.coordinates[0]!;
  return turf.booleanPointInPolygon(p, o.outline) && distanceToPathKm(p, ring) >= BORDER_MARGIN_KM;
}

function randomInside(rng: Random, o: SeedOptions): Pos {
  const [w, s, e, n] = turf.bbox(o.outline);
  for (;;) {
    const p: Pos = [rng.range(w, e), rng.range(s, n)];
    if (insideWithMargin(p, o)) return p;
  }
}

/** Mitchell's best-candidate sampling with spacing scaled by 1/sqrt(density). */
function bestCandidates(rng: Random, o: SeedOptions): Pos[] {
  const seeds: Pos[] = [o.city];
  while (seeds.length < o.count) {
    let best: Pos | null = null;
    let bestScore = -Infinity;
    for (let c = 0; c < CANDIDATES_PER_SEED; c++) {
      const p = randomInside(rng, o);
      let nearest = Infinity;
      for (const s of seeds) nearest = Math.min(nearest, distKm(p, s));
      const score = nearest * Math.sqrt(density(p, o));
      if (score > bestScore) [best, bestScore] = [p, score];
    }
    seeds.push(best!);
  }
  return seeds;
}

/** Moves each seed part of the way to the centroid of its clipped Voronoi cell. */
function lloydStep(seeds: Pos[], o: SeedOptions): Pos[] {
  const bbox = frameAround(o.outline);
  const cells = turf.voronoi(turf.featureCollection(seeds.map((s) => turf.point(s))), { bbox });
  return seeds.map((s, i) => {
    const cell = cells.features[i];
    if (!cell) return s;
    const clipped = turf.intersect(turf.featureCollection([cell, turf.feature(o.outline)]));
    if (!clipped) return s;
    const c = turf.centerOfMass(clipped).geometry.coordinates;
    const moved: Pos = [s[0] + LLOYD_FACTOR * (c[0]! - s[0]), s[1] + LLOYD_FACTOR * (c[1]! - s[1])];
    return insideWithMargin(moved, o) ? moved : s;
  });
}

export function makeSeeds(rng: Random, options: SeedOptions): Pos[] {
  let seeds = bestCandidates(rng, options);
  for (let i = 0; i < LLOYD_STEPS; i++) seeds = lloydStep(seeds, options);
  return seeds;
}
