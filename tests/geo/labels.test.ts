import { describe, expect, it } from 'vitest';
import { booleanPointInPolygon } from '@turf/turf';
import type { MultiPolygon, Polygon } from 'geojson';
import { labelPoint } from '../../geo/labels';

describe('labelPoint', () => {
  // A U shape whose centroid falls in the empty notch.
  const u: Polygon = {
    type: 'Polygon',
    coordinates: [
      [
        [0, 0],
        [3, 0],
        [3, 3],
        [2, 3],
        [2, 1],
        [1, 1],
        [1, 3],
        [0, 3],
        [0, 0],
      ],
    ],
  };

  it('puts the label inside a concave commune, away from its edges', () => {
    const p = labelPoint(u, 0.001);
    expect(booleanPointInPolygon(p, u)).toBe(true);
    expect(p[1]).toBeLessThan(1); // the bottom bar, the only part wider than one unit
  });

  it('labels the largest part of a multipolygon (mainland, not the island)', () => {
    const mp: MultiPolygon = {
      type: 'MultiPolygon',
      coordinates: [
        [
          [
            [10, 10],
            [10.1, 10],
            [10.1, 10.1],
            [10, 10],
          ],
        ],
        [
          [
            [0, 0],
            [2, 0],
            [2, 2],
            [0, 2],
            [0, 0],
          ],
        ],
      ],
    };
    const [x, y] = labelPoint(mp, 0.001);
    expect(x).toBeCloseTo(1, 1);
    expect(y).toBeCloseTo(1, 1);
  });

  it('keeps a label out of a hole', () => {
    const ring: Polygon = {
      type: 'Polygon',
      coordinates: [
        [
          [0, 0],
          [4, 0],
          [4, 4],
          [0, 4],
          [0, 0],
        ],
        [
          [1, 1],
          [3, 1],
          [3, 3],
          [1, 3],
          [1, 1],
        ],
      ],
    };
    const p = labelPoint(ring, 0.001);
    expect(booleanPointInPolygon(p, ring)).toBe(true);
  });
});
