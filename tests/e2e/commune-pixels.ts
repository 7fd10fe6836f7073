// What the screen must show for communes, written out (PRODUCT.md's colour intents as web/map/style.ts draws them):
// the pixel checks compare the canvas with these values, not with the code under test.
import { bbox, booleanPointInPolygon } from '@turf/turf';
import { labelPoint } from '../../geo/labels';
import type { DashboardDriver } from './driver';
import { channelDistance, over, rgb, type MapPixel, type MapShot, type Rgb } from './map-pixels';

export const BACKGROUND = '#eef2f5';
export const STATUS_FILL = {
  drug_free: '#a6dba0',
  complex: '#b2182b',
  transformed: '#2166ac',
  relapsed: '#f4a582',
  none: '#e0e0e0',
} as const;
export const FILL_OPACITY = 0.85; // over the background: drug-free #b7e1b4, complex #c2384b, transformed #407bb7, relapsed #f2b18f, none #e2e3e4
export const TOLERANCE = 4; // per channel, 0–255

export type Status = keyof typeof STATUS_FILL;
export const communeFill = (status: Status): Rgb => over(rgb(STATUS_FILL[status]), FILL_OPACITY, rgb(BACKGROUND));

/** Every pixel that differs from what it should be, as a readable line (an empty list when the screen is right). */
export function mismatches(
  shot: MapShot,
  checks: { what: string; pixel: MapPixel; expected: Rgb; r?: number; status?: Status }[],
): string[] {
  return checks.flatMap(({ what, pixel, expected, r, status }) => {
    // A relapsed commune is hatched (dark diagonal lines every 12 px): its fill is the ground between the lines, and
    // the lines must be there.
    if (status === 'relapsed') {
      const { ground, darkest } = shot.groundAndLines(pixel, 5);
      const hatched = darkest[0] + darkest[1] + darkest[2] < 400;
      return [
        ...(channelDistance(ground, expected) <= TOLERANCE
          ? []
          : [`${what} at ${pixel.x},${pixel.y}: ground rgb(${ground.join(',')}), expected rgb(${expected.join(',')})`]),
        ...(hatched ? [] : [`${what} at ${pixel.x},${pixel.y}: no hatch line (darkest rgb(${darkest.join(',')}))`]),
      ];
    }
    const actual = shot.at(pixel, r);
    return channelDistance(actual, expected) <= TOLERANCE
      ? []
      : [`${what} at ${pixel.x},${pixel.y}: rgb(${actual.join(',')}), expected rgb(${expected.join(',')})`];
  });
}

/** Places inside a commune to look for its fill: the label point, then a grid over its box (a relapsed commune's
 *  label, wider, covers the ring around its label point in small communes). */
export function insidePoints(geometry: any): [number, number][] {
  const [w, s, e, n] = bbox(geometry);
  const grid: [number, number][] = [];
  for (let i = 1; i < 6; i++) for (let j = 1; j < 6; j++) grid.push([w + ((e - w) * i) / 6, s + ((n - s) * j) / 6]);
  return [labelPoint(geometry), ...grid.filter((p) => booleanPointInPolygon(p, geometry))];
}

/** For each commune of the date, a pixel inside it (near its label point first) where the screen shows only its fill. */
export async function communeChecks(d: DashboardDriver, api: (path: string) => Promise<any>, date: string) {
  const { statuses } = await api(`/api/statuses?date=${date}`);
  const { features } = await api(`/api/communes?date=${date}`);
  const pixels = await d.communePixels(
    features.map((f: any) => ({ code: f.properties.code, lngLats: insidePoints(f.geometry) })),
  );
  const checks = [...pixels].map(([code, pixel]) => {
    const status: Status = statuses[code]?.status ?? 'none';
    return { what: `commune ${code} (${status})`, status, pixel, expected: communeFill(status) };
  });
  return {
    checks,
    communes: features.length,
    statuses: new Set(features.map((f: any): Status => statuses[f.properties.code]?.status ?? 'none')),
  };
}
