// Natural-looking shared borders: every straight edge is subdivided by midpoint displacement whose noise
// depends only on the edge's two endpoints, so both neighbouring cells get exactly the same wiggled edge.
import { KM_PER_DEG_LAT, KM_PER_DEG_LNG, distKm, edgeKey, posKey, roundPos, type Pos } from './geometry';
import { Random, hashString } from './random';

/** Stop subdividing below this segment length. */
const SEGMENT_KM = 0.4;
/** Displacement as a share of the segment length, by subdivision level. */
const AMPLITUDES = [0.17, 0.13, 0.1, 0.08, 0.06];
const MAX_OFFSET_KM = 0.7;

export class EdgeWiggler {
  /** Per-edge damping factor, lowered for edges whose cell would self-intersect. */
  private readonly damping = new Map<string, number>();

  constructor(private readonly seed: number) {}

  dampingOf(a: Pos, b: Pos): number {
    return this.damping.get(edgeKey(a, b)) ?? 1;
  }

  /** Halves the noise of an edge (set to 0 after a few halvings). */
  dampen(a: Pos, b: Pos): void {
    const key = edgeKey(a, b);
    const next = (this.damping.get(key) ?? 1) / 2;
    this.damping.set(key, next < 0.1 ? 0 : next);
  }

  /** The vertices strictly between `a` and `b`, in the a→b direction. */
  interior(a: Pos, b: Pos): Pos[] {
    const damping = this.dampingOf(a, b);
    if (damping === 0) return [];
    const forward = posKey(a) < posKey(b);
    const [lo, hi] = forward ? [a, b] : [b, a];
    const rng = new Random(hashString(`${this.seed}:${edgeKey(a, b)}`));
    const points = subdivide(lo, hi, 0, damping, rng);
    return forward ? points : points.reverse();
  }
}

function subdivide(p: Pos, q: Pos, level: number, damping: number, rng: Random): Pos[] {
  const len = distKm(p, q);
  if (len < SEGMENT_KM) return [];
  const amplitude = AMPLITUDES[Math.min(level, AMPLITUDES.length - 1)]! * damping;
  const offsetKm = Math.max(-MAX_OFFSET_KM, Math.min(MAX_OFFSET_KM, rng.range(-1, 1) * amplitude * len));
  // Unit normal in km, converted back to degrees.
  const ex = (q[0] - p[0]) * KM_PER_DEG_LNG;
  const ny = (q[1] - p[1]) * KM_PER_DEG_LAT;
  const mid = roundPos([
    (p[0] + q[0]) / 2 + ((-ny / len) * offsetKm) / KM_PER_DEG_LNG,
    (p[1] + q[1]) / 2 + ((ex / len) * offsetKm) / KM_PER_DEG_LAT,
  ]);
  return [...subdivide(p, mid, level + 1, damping, rng), mid, ...subdivide(mid, q, level + 1, damping, rng)];
}
