// Areas measured on the ground: circle and buffer radii checked against GeographicLib's ellipsoidal geodesics
// (Karney 2013, WGS84), the reference for distances at the demo province's latitude (≈ 10° N).
import { describe, expect, it } from 'vitest';
import { Geodesic } from 'geographiclib-geodesic';
import { areaContains, areaGeometry, prepareArea } from '../../geo/areas';
import { pointsBuffer } from '../../geo/buffer';

const WGS84 = Geodesic.WGS84;
const metres = (a: number[], b: number[]) => WGS84.Inverse(a[1]!, a[0]!, b[1]!, b[0]!).s12!;
const ring = (g: ReturnType<typeof areaGeometry>) =>
  g.type === 'Polygon' ? g.coordinates[0]! : g.coordinates.flatMap((p) => p[0]!);

describe('areas in metres on the ground', () => {
  const center: [number, number] = [106.35, 10.25];

  it.each([100, 500, 2000, 10_000])('a circle of %i m has every vertex within 1%% of that distance', (r) => {
    for (const v of ring(areaGeometry({ type: 'circle', center, radiusM: r })))
      expect(Math.abs(metres(center, v) - r) / r).toBeLessThan(0.01);
  });

  it.each([200, 1000, 5000])(
    'a buffer of %i m around two points keeps its edge that far from the nearer point',
    (r) => {
      const points: [number, number][] = [center, [106.4, 10.27]];
      const g = areaGeometry({ type: 'buffer', points, radiusM: r });
      for (const v of ring(g)) {
        const d = Math.min(...points.map((p) => metres(p, v)));
        expect(Math.abs(d - r) / r).toBeLessThan(0.01);
      }
    },
  );

  it('contains a point 990 m away and not one 1010 m away, whatever the bearing', () => {
    const area = prepareArea({ type: 'circle', center, radiusM: 1000 });
    for (const azi of [0, 45, 90, 180, 270]) {
      const at = (d: number) => {
        const r = WGS84.Direct(center[1], center[0], azi, d);
        return [r.lon2!, r.lat2!] as [number, number];
      };
      expect(areaContains(area, at(990)), `990 m at ${azi}°`).toBe(true);
      expect(areaContains(area, at(1010)), `1010 m at ${azi}°`).toBe(false);
    }
  });
});

describe('buffer limits', () => {
  it('refuses an area with more vertices than the limit, naming it', () => {
    const points: [number, number][] = Array.from({ length: 50 }, (_, i) => [106 + i * 0.01, 10]);
    expect(() => pointsBuffer(points, 100, { maxSpanM: 500_000, maxVertices: 500 })).toThrow(/beyond the limit of 500/);
    expect(pointsBuffer(points, 100, { maxSpanM: 500_000, maxVertices: 5000 }).type).toBe('MultiPolygon');
  });

  it('merges overlapping circles into one polygon without holes', () => {
    const points: [number, number][] = Array.from({ length: 200 }, (_, i) => [
      106 + (i % 20) * 0.01,
      10 + Math.floor(i / 20) * 0.01,
    ]);
    const g = pointsBuffer(points, 2000);
    expect(g.type).toBe('Polygon');
    expect(g.type === 'Polygon' && g.coordinates.length).toBe(1);
  });
});
