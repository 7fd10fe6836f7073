// What the map really shows on screen, for browser specs: a screenshot of the map canvas's place on the page (so a
// panel drawn over the map, or a layer drawn transparent, shows as such) decoded to pixels, colour arithmetic for
// the expected values, and places on the map where one feature alone is drawn (no label, line, other feature or
// map furniture over it), found with MapLibre's own index of what it rendered.
import type { Page } from 'playwright-core';
import { decodePng, type Rgba } from './png';

export type Rgb = [number, number, number];

export function rgb(hex: string): Rgb {
  const n = parseInt(hex.slice(1), 16);
  return [(n >> 16) & 0xff, (n >> 8) & 0xff, n & 0xff];
}

/** `colour` painted at `opacity` over `under` (source-over, rounded to bytes). */
export function over(colour: Rgb, opacity: number, under: Rgb): Rgb {
  return colour.map((c, i) => Math.round(c * opacity + under[i]! * (1 - opacity))) as Rgb;
}

/** The largest difference over the three channels. */
export function channelDistance(a: Rgb, b: Rgb): number {
  return Math.max(...a.map((v, i) => Math.abs(v - b[i]!)));
}

/** A map pixel, in CSS pixels from the map canvas's top-left corner (what map.project returns). */
export interface MapPixel {
  x: number;
  y: number;
}

export class MapShot {
  constructor(private readonly image: Rgba) {}

  /** The per-channel median of the (2r+1)² pixels around a point: hatch lines and antialiased edges don't move it. */
  at({ x, y }: MapPixel, r = 2): Rgb {
    const channels: number[][] = [[], [], []];
    for (let dy = -r; dy <= r; dy++)
      for (let dx = -r; dx <= r; dx++) {
        const i = ((Math.round(y) + dy) * this.image.width + Math.round(x) + dx) * 4;
        for (let c = 0; c < 3; c++) channels[c]!.push(this.image.data[i + c]!);
      }
    return channels.map((v) => v.sort((a, b) => a - b)[v.length >> 1]!) as Rgb;
  }

  /** The commonest colour of the (2r+1)² pixels around a point, and the darkest (by the sum of channels): the ground
   *  and the lines of a hatch whose spacing is under 2r. */
  groundAndLines({ x, y }: MapPixel, r: number): { ground: Rgb; darkest: Rgb } {
    const counts = new Map<string, number>();
    let darkest: Rgb = [255, 255, 255];
    for (let dy = -r; dy <= r; dy++)
      for (let dx = -r; dx <= r; dx++) {
        const i = ((Math.round(y) + dy) * this.image.width + Math.round(x) + dx) * 4;
        const c = [this.image.data[i]!, this.image.data[i + 1]!, this.image.data[i + 2]!] as Rgb;
        counts.set(c.join(','), (counts.get(c.join(',')) ?? 0) + 1);
        if (c[0] + c[1] + c[2] < darkest[0] + darkest[1] + darkest[2]) darkest = c;
      }
    const ground = [...counts]
      .sort((a, b) => b[1] - a[1])[0]![0]
      .split(',')
      .map(Number) as Rgb;
    return { ground, darkest };
  }
}

/**
 * The screen where the map canvas is, as the user sees it (pointer moved off the map first, so no hover tooltip);
 * `scope` is a selector of the element holding the map when the page shows more than one.
 * Playwright's element screenshot clips the page screenshot: whatever covers the canvas is in it.
 */
export async function shootMap(page: Page, scope = ''): Promise<MapShot> {
  await page.mouse.move(0, 0);
  await waitForIdleMap(page);
  const canvas = page.locator(`${scope} [data-testid="map"] canvas.maplibregl-canvas`);
  return new MapShot(decodePng(await canvas.screenshot({ scale: 'css' })));
}

/** Resolves once MapLibre has drawn everything asked of it (tiles, placement, fades): its next 'idle' event. */
export async function waitForIdleMap(page: Page, mapHandle = '__map'): Promise<void> {
  await page.evaluate(
    (handle) =>
      new Promise<void>((resolve) => {
        const map = (
          window as unknown as Record<string, { once(e: string, f: () => void): void; triggerRepaint(): void }>
        )[handle]!;
        map.once('idle', () => resolve());
        map.triggerRepaint();
      }),
    mapHandle,
  );
}

/** Places to look for a clean pixel: the point itself, then rings of offsets around it (label text sits on label points). */
const OFFSETS: [number, number][] = [[0, 0]];
for (const r of [12, 18, 24, 32])
  for (const [dx, dy] of [
    [0, 1],
    [0, -1],
    [1, 0],
    [-1, 0],
    [0.7, 0.7],
    [-0.7, 0.7],
    [0.7, -0.7],
    [-0.7, -0.7],
  ] as const)
    OFFSETS.push([Math.round(dx * r), Math.round(dy * r)]);

export interface CleanQuery {
  /** Key, place, and the one feature that may be drawn there: its layers (none: nothing may) and the value of `property`. */
  places: { key: string; lngLat: [number, number]; value: string | number }[];
  layers: string[];
  property: string;
  /** Layers drawn beneath that may be there too (their colour is accounted for otherwise). */
  beneath?: string[];
  /** Half-size of the square that must hold nothing else, in CSS pixels. */
  margin: number;
  /** Offsets to try, in CSS pixels; the point itself only by default. */
  offsets?: [number, number][];
}

/**
 * For each place, the first pixel (the point, then offsets) where the renderer drew nothing in a square of ±margin
 * but the one feature of `layers` with `property` = value (and whatever `beneath` layers hold), away from the map's
 * furniture (legend, tool buttons, zoom buttons); places without one are left out.
 */
export async function cleanPixels(page: Page, query: CleanQuery): Promise<{ key: string; pixel: MapPixel }[]> {
  return page.evaluate(
    ({ places, layers, property, margin, offsets, beneath }) => {
      type Rendered = { layer: { id: string }; properties: Record<string, unknown> };
      const map = (
        window as unknown as {
          __map: {
            project(p: [number, number]): MapPixel;
            getCanvas(): HTMLCanvasElement;
            queryRenderedFeatures(b: [[number, number], [number, number]]): Rendered[];
          };
        }
      ).__map;
      const canvas = map.getCanvas().getBoundingClientRect();
      const furniture = [...document.querySelectorAll('[data-testid="legend"], .map-tools, .maplibregl-ctrl')].map(
        (e) => e.getBoundingClientRect(),
      );
      const inside = (x: number, y: number) =>
        x - margin >= 0 && y - margin >= 0 && x + margin < canvas.width && y + margin < canvas.height;
      const underFurniture = (x: number, y: number) =>
        furniture.some(
          (r) =>
            canvas.left + x + margin >= r.left &&
            canvas.left + x - margin <= r.right &&
            canvas.top + y + margin >= r.top &&
            canvas.top + y - margin <= r.bottom,
        );
      const found: { key: string; pixel: MapPixel }[] = [];
      for (const place of places) {
        const p = map.project(place.lngLat);
        for (const [dx, dy] of offsets) {
          const [x, y] = [Math.round(p.x) + dx, Math.round(p.y) + dy];
          if (!inside(x, y) || underFurniture(x, y)) continue;
          const drawn = map
            .queryRenderedFeatures([
              [x - margin, y - margin],
              [x + margin, y + margin],
            ])
            .filter((f) => !beneath.includes(f.layer.id));
          const alone = drawn.every((f) => layers.includes(f.layer.id) && f.properties[property] === place.value);
          if (alone && (layers.length === 0 || drawn.some((f) => f.layer.id === layers[0]))) {
            found.push({ key: place.key, pixel: { x, y } });
            break;
          }
        }
      }
      return found;
    },
    { ...query, offsets: query.offsets ?? [[0, 0]], beneath: query.beneath ?? [] },
  );
}

export const AROUND_LABEL = OFFSETS;

/** Where map coordinates are drawn, in CSS pixels of the map canvas. */
export function project(page: Page, points: [number, number][]): Promise<MapPixel[]> {
  return page.evaluate(
    (ps) =>
      ps.map((p) => (window as unknown as { __map: { project(p: [number, number]): MapPixel } }).__map.project(p)),
    points,
  );
}
