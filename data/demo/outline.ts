// The province outline (a radial-noise polygon) and its rivers, with the towns placed on the main river.
import * as turf from '@turf/turf';
import type { Polygon } from 'geojson';
import { CENTER, offsetKm, roundPos, toKm, type Pos } from './geometry';
import type { Random } from './random';

export interface Landscape {
  outline: Polygon;
  rivers: { name: string; geometry: { type: 'LineString'; coordinates: Pos[] } }[];
  /** The provincial city centre, on the main river. */
  city: Pos;
  /** Centre of the second town (thị xã), downstream on the main river. */
  town: Pos;
}

const OUTLINE_VERTICES = 180;
const SEMI_AXIS_EAST_KM = 40;
const SEMI_AXIS_NORTH_KM = 35;
const HARMONICS = [
  { k: 2, amplitude: 0.06 },
  { k: 3, amplitude: 0.05 },
  { k: 4, amplitude: 0.03 },
  { k: 6, amplitude: 0.025 },
  { k: 9, amplitude: 0.015 },
  { k: 13, amplitude: 0.01 },
  { k: 19, amplitude: 0.006 },
];

/** Star-shaped outline: an ellipse whose radius is modulated by a few seeded sines; counter-clockwise. */
function makeOutline(rng: Random): Polygon {
  const phases = HARMONICS.map(() => rng.range(0, 2 * Math.PI));
  const ring: Pos[] = [];
  for (let i = 0; i < OUTLINE_VERTICES; i++) {
    const theta = (2 * Math.PI * i) / OUTLINE_VERTICES;
    const a = SEMI_AXIS_EAST_KM;
    const b = SEMI_AXIS_NORTH_KM;
    const ellipse = (a * b) / Math.hypot(b * Math.cos(theta), a * Math.sin(theta));
    let noise = 1 + rng.range(-0.004, 0.004);
    HARMONICS.forEach((h, j) => (noise += h.amplitude * Math.sin(h.k * theta + phases[j]!)));
    const r = ellipse * noise;
    ring.push(roundPos(offsetKm(CENTER, r * Math.cos(theta), r * Math.sin(theta))));
  }
  ring.push([ring[0]![0], ring[0]![1]]);
  return { type: 'Polygon', coordinates: [ring] };
}

interface Meander {
  start: Pos;
  /** Heading of the main direction, radians from east, counter-clockwise. */
  heading: number;
  lengthKm: number;
  waves: { amplitudeKm: number; cycles: number; phase: number }[];
}

/** Points of a meandering course, one about every 400 m. */
function meanderPoints(m: Meander): Pos[] {
  const steps = Math.ceil(m.lengthKm / 0.4);
  const [dx, dy] = [Math.cos(m.heading), Math.sin(m.heading)];
  const points: Pos[] = [];
  for (let i = 0; i <= steps; i++) {
    const t = i / steps;
    let side = 0;
    for (const w of m.waves) side += w.amplitudeKm * Math.sin(2 * Math.PI * w.cycles * t + w.phase);
    const along = t * m.lengthKm;
    points.push(offsetKm(m.start, along * dx - side * dy, along * dy + side * dx));
  }
  return points;
}

/** Keeps the run of points inside the outline, plus one point beyond each end so the river leaves the map. */
function clipToOutline(points: Pos[], outline: Polygon): Pos[] {
  const inside = points.map((p) => turf.booleanPointInPolygon(p, outline));
  const first = inside.indexOf(true);
  const last = inside.lastIndexOf(true);
  if (first < 0) throw new Error('demo river misses the province');
  return points.slice(Math.max(0, first - 1), Math.min(points.length, last + 2)).map(roundPos);
}

function waves(rng: Random, spec: [number, number][]): Meander['waves'] {
  return spec.map(([amplitudeKm, cycles]) => ({ amplitudeKm, cycles, phase: rng.range(0, 2 * Math.PI) }));
}

/** Nearest course point to a fraction of its length. */
function pointAt(points: Pos[], fraction: number): Pos {
  return points[Math.round(fraction * (points.length - 1))]!;
}

export function makeLandscape(rng: Random): Landscape {
  const outline = makeOutline(rng);
  const heading = (-25 * Math.PI) / 180 + rng.range(-0.08, 0.08);
  const mainStart = offsetKm(CENTER, -55 * Math.cos(heading), 4 - 55 * Math.sin(heading));
  const main = meanderPoints({
    start: mainStart,
    heading,
    lengthKm: 110,
    waves: waves(rng, [
      [3.2, 2.3],
      [1.4, 5.2],
      [0.5, 11],
    ]),
  });
  const city = roundPos(pointAt(main, 0.33));
  const town = roundPos(pointAt(main, 0.66));
  const branchStart = pointAt(main, 0.5);
  const [bx, by] = toKm(branchStart);
  const branchHeading = Math.atan2(-30 - by, 8 - bx);
  const branch = meanderPoints({
    start: branchStart,
    heading: branchHeading,
    lengthKm: 45,
    waves: waves(rng, [
      [1.6, 2.7],
      [0.6, 6.5],
    ]),
  });
  return {
    outline,
    city,
    town,
    rivers: [
      { name: 'Sông Ngọc', geometry: { type: 'LineString', coordinates: clipToOutline(main, outline) } },
      { name: 'Rạch Mây', geometry: { type: 'LineString', coordinates: clipToOutline(branch, outline) } },
    ],
  };
}
