// Domain actions on the dashboard for browser specs: open, wait for the map, read what is drawn, click, set the date.
import type { Browser, Page } from 'playwright-core';
import { DEMO_PASSWORD } from '../../server/seed';

type MapWindow = {
  __appliedStatuses?: number;
  __map?: {
    loaded(): boolean;
    queryRenderedFeatures(o: { layers: string[] }): { properties: Record<string, string>; layer: { paint: Record<string, { r: number; g: number; b: number }> }; state: { status?: string } }[];
    project(p: [number, number]): { x: number; y: number };
  };
};

export interface Drawn {
  code: string;
  status: string;
  color: string;
}

export class DashboardDriver {
  readonly outsideRequests: string[] = [];
  readonly consoleErrors: string[] = [];
  private constructor(readonly page: Page, readonly origin: string) {}

  /** A new browser context signed in as a demo user (police by default: it may see the hotspot layer). */
  static async open(browser: Browser, origin: string, path = '/', viewport = { width: 1280, height: 720 }, user = 'congan', password = DEMO_PASSWORD): Promise<DashboardDriver> {
    const page = await browser.newPage({ viewport });
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

  /** Waits until the statuses for the shown date are applied and the map has finished rendering. */
  async waitForMap(minApplied = 1): Promise<void> {
    await this.page.waitForFunction(
      (n) => {
        const w = window as unknown as MapWindow;
        return (w.__appliedStatuses ?? 0) >= n && !!w.__map?.loaded();
      },
      minApplied,
      { timeout: 30_000 },
    );
    await this.page.waitForTimeout(150);
  }

  async appliedCount(): Promise<number> {
    return this.page.evaluate(() => (window as unknown as MapWindow).__appliedStatuses ?? 0);
  }

  /** Commune fills the renderer drew, one per code, with their evaluated colour. */
  async drawnCommunes(): Promise<Drawn[]> {
    return this.page.evaluate(() => {
      const map = (window as unknown as MapWindow).__map!;
      const hex = (c: { r: number; g: number; b: number }) => '#' + [c.r, c.g, c.b].map((v) => Math.round(v * 255).toString(16).padStart(2, '0')).join('');
      const byCode = new Map<string, { code: string; status: string; color: string }>();
      for (const f of map.queryRenderedFeatures({ layers: ['commune-fill'] }))
        byCode.set(f.properties.code!, { code: f.properties.code!, status: f.state.status ?? 'none', color: hex(f.layer.paint['fill-color']!) });
      return [...byCode.values()];
    });
  }

  /** Hotspot points the renderer drew (unclustered), one per id, with their evaluated colour. */
  async drawnHotspots(): Promise<{ id: number; status: string; color: string }[]> {
    return this.page.evaluate(() => {
      const map = (window as unknown as MapWindow).__map!;
      const hex = (c: { r: number; g: number; b: number }) => '#' + [c.r, c.g, c.b].map((v) => Math.round(v * 255).toString(16).padStart(2, '0')).join('');
      const byId = new Map<number, { id: number; status: string; color: string }>();
      for (const f of map.queryRenderedFeatures({ layers: ['hotspot-points'] }))
        byId.set(Number(f.properties.id), { id: Number(f.properties.id), status: f.properties.status!, color: hex(f.layer.paint['circle-color']!) });
      return [...byId.values()];
    });
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
