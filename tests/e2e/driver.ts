// Domain actions on the dashboard for browser specs: open, wait for the map, read what is drawn, click, set the date.
import type { Browser, Page } from 'playwright-core';
import { DEMO_PASSWORD } from '../../data/seed';
import { AROUND_LABEL, cleanPixels, shootMap, waitForIdleMap, type MapPixel, type MapShot } from './map-pixels';

type MapWindow = {
  __appliedStatuses?: number;
  __map?: {
    loaded(): boolean;
    queryRenderedFeatures(o: { layers: string[] }): {
      properties: Record<string, string>;
      layer: { paint: Record<string, { r: number; g: number; b: number }> };
      state: { status?: string };
    }[];
    project(p: [number, number]): { x: number; y: number };
  };
};

/** Layers drawn beneath the hotspots: their colours show through translucent clusters and the heatmap. */
const BENEATH_HOTSPOTS = ['commune-fill', 'commune-hatch', 'rivers', 'district-line', 'province-line'];

export interface Drawn {
  code: string;
  status: string;
  color: string;
}

export class DashboardDriver {
  readonly outsideRequests: string[] = [];
  readonly consoleErrors: string[] = [];
  private constructor(
    readonly page: Page,
    readonly origin: string,
  ) {}

  /** A new browser context signed in as a demo user (police by default: it may see the hotspot layer). */
  static async open(
    browser: Browser,
    origin: string,
    path = '/',
    viewport = { width: 1280, height: 720 },
    user = 'congan',
    password = DEMO_PASSWORD,
  ): Promise<DashboardDriver> {
    const page = await browser.newPage({ viewport });
    // Waits end when their condition holds; this limit only names the wait that hung, before the test's own limit.
    page.setDefaultTimeout(10 * 60_000);
    const d = new DashboardDriver(page, origin);
    page.on('request', (r) => {
      const url = r.url();
      if (!url.startsWith(origin) && !url.startsWith('blob:') && !url.startsWith('data:')) d.outsideRequests.push(url);
    });
    page.on('console', (m) => m.type() === 'error' && d.consoleErrors.push(m.text()));
    page.on('pageerror', (e) => d.consoleErrors.push(e.message));
    await page.goto(origin + path);
    await d.signIn(user, password);
    await d.waitForMap();
    return d;
  }

  async signIn(user: string, password = DEMO_PASSWORD): Promise<void> {
    const form = this.page.getByTestId('login-form');
    await form.waitFor();
    await form.locator('input[name="username"]').fill(user);
    await form.locator('input[name="password"]').fill(password);
    await this.page.getByTestId('login-submit').click();
    await this.page.getByTestId('user').waitFor();
  }

  /** Waits until the statuses for the shown date are applied and the map has finished rendering (its 'idle'). */
  async waitForMap(minApplied = 1): Promise<void> {
    await this.page.waitForFunction((n) => {
      const w = window as unknown as MapWindow;
      return (w.__appliedStatuses ?? 0) >= n && !!w.__map?.loaded();
    }, minApplied);
    await waitForIdleMap(this.page);
  }

  async appliedCount(): Promise<number> {
    return this.page.evaluate(() => (window as unknown as MapWindow).__appliedStatuses ?? 0);
  }

  /** Commune fills the renderer drew, one per code, with their evaluated colour. */
  async drawnCommunes(): Promise<Drawn[]> {
    return this.page.evaluate(() => {
      const map = (window as unknown as MapWindow).__map!;
      const hex = (c: { r: number; g: number; b: number }) =>
        '#' +
        [c.r, c.g, c.b]
          .map((v) =>
            Math.round(v * 255)
              .toString(16)
              .padStart(2, '0'),
          )
          .join('');
      const byCode = new Map<string, { code: string; status: string; color: string }>();
      for (const f of map.queryRenderedFeatures({ layers: ['commune-fill'] }))
        byCode.set(f.properties.code!, {
          code: f.properties.code!,
          status: f.state.status ?? 'none',
          color: hex(f.layer.paint['fill-color']!),
        });
      return [...byCode.values()];
    });
  }

  /** Hotspot points the renderer drew (unclustered), one per id, with their evaluated colour. */
  async drawnHotspots(): Promise<{ id: number; status: string; color: string }[]> {
    return this.page.evaluate(() => {
      const map = (window as unknown as MapWindow).__map!;
      const hex = (c: { r: number; g: number; b: number }) =>
        '#' +
        [c.r, c.g, c.b]
          .map((v) =>
            Math.round(v * 255)
              .toString(16)
              .padStart(2, '0'),
          )
          .join('');
      const byId = new Map<number, { id: number; status: string; color: string }>();
      for (const f of map.queryRenderedFeatures({ layers: ['hotspot-points'] }))
        byId.set(Number(f.properties.id), {
          id: Number(f.properties.id),
          status: f.properties.status!,
          color: hex(f.layer.paint['circle-color']!),
        });
      return [...byId.values()];
    });
  }

  /** The map as it shows on screen now, pixel by pixel. */
  shootMap(scope = ''): Promise<MapShot> {
    return shootMap(this.page, scope);
  }

  /** For each commune, a pixel near the first of its given points that has one where only its fill is drawn, by code. */
  async communePixels(communes: { code: string; lngLats: [number, number][] }[]): Promise<Map<string, MapPixel>> {
    const places = communes.flatMap((c) => c.lngLats.map((lngLat) => ({ key: c.code, lngLat, value: c.code })));
    const found = await cleanPixels(this.page, {
      places,
      layers: ['commune-fill', 'commune-hatch'],
      property: 'code',
      margin: 4,
      offsets: AROUND_LABEL,
    });
    const first = new Map<string, MapPixel>();
    for (const f of found) if (!first.has(f.key)) first.set(f.key, f.pixel);
    return first;
  }

  /** Centres of the unclustered hotspot points and of the clusters the renderer drew, with a pixel where each is alone. */
  async hotspotPixels(): Promise<{
    points: { id: number; pixel: MapPixel }[];
    clusters: { id: number; pixel: MapPixel }[];
  }> {
    const drawn = await this.page.evaluate(() => {
      const map = (
        window as unknown as {
          __map: {
            queryRenderedFeatures(o: { layers: string[] }): {
              layer: { id: string };
              properties: Record<string, number>;
              geometry: { coordinates: [number, number] };
            }[];
          };
        }
      ).__map;
      return map.queryRenderedFeatures({ layers: ['hotspot-points', 'hotspot-clusters'] }).map((f) => ({
        layer: f.layer.id,
        id: f.properties.id ?? f.properties.cluster_id!,
        lngLat: f.geometry.coordinates,
      }));
    });
    const unique = (layer: string) => [
      ...new Map(
        drawn.filter((f) => f.layer === layer).map((f) => [f.id, { key: String(f.id), lngLat: f.lngLat, value: f.id }]),
      ).values(),
    ];
    const points = await cleanPixels(this.page, {
      places: unique('hotspot-points'),
      layers: ['hotspot-points'],
      property: 'id',
      beneath: BENEATH_HOTSPOTS,
      margin: 2,
    });
    // A cluster's count is written at its centre: look a little off it, still well inside the 12 px radius.
    const offsets: [number, number][] = [
      [0, 9],
      [0, -9],
      [9, 0],
      [-9, 0],
      [7, 7],
      [-7, 7],
      [7, -7],
      [-7, -7],
    ];
    const clusters = await cleanPixels(this.page, {
      places: unique('hotspot-clusters'),
      layers: ['hotspot-clusters'],
      property: 'cluster_id',
      beneath: BENEATH_HOTSPOTS,
      margin: 1,
      offsets,
    });
    const byId = (found: { key: string; pixel: MapPixel }[]) =>
      found.map((f) => ({ id: Number(f.key), pixel: f.pixel }));
    return { points: byId(points), clusters: byId(clusters) };
  }

  /** Pixels at the given places where nothing but communes, lines and the heatmap is drawn, in the order given. */
  async unlabelledPixels(lngLats: [number, number][]): Promise<MapPixel[]> {
    const places = lngLats.map((lngLat, i) => ({ key: String(i), lngLat, value: i }));
    return (
      await cleanPixels(this.page, {
        places,
        layers: [],
        property: '',
        beneath: [...BENEATH_HOTSPOTS, 'hotspot-heat'],
        margin: 3,
      })
    ).map((f) => f.pixel);
  }

  /** A click on the map at a place. */
  async clickAt(lngLat: [number, number]): Promise<void> {
    const { x, y } = await this.page.evaluate((p) => (window as unknown as MapWindow).__map!.project(p), lngLat);
    const box = (await this.page.getByTestId('map').boundingBox())!;
    await this.page.mouse.click(box.x + x, box.y + y);
  }

  async clickCommune(code: string, lngLat: [number, number]): Promise<void> {
    await this.clickAt(lngLat);
    await this.page.waitForSelector(`[data-testid="commune-panel"][data-code="${code}"]`);
  }

  async setDate(ddmmyyyy: string): Promise<void> {
    const before = await this.appliedCount();
    const input = this.page.getByTestId('date-input');
    await input.fill(ddmmyyyy);
    await input.press('Enter');
    await this.waitForMap(before + 1);
  }

  async indicatorValue(id: string): Promise<string> {
    return (await this.page.getByTestId(`indicator-value-${id}`).textContent()) ?? '';
  }

  async indicatorFraction(id: string): Promise<string> {
    return (await this.page.getByTestId(`indicator-fraction-${id}`).textContent()) ?? '';
  }

  async screenshot(path: string): Promise<void> {
    await this.page.screenshot({ path });
  }
}
