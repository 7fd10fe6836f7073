// The dashboard as a user sees it, in Debian's headless Chromium against the built product.
import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { pointOnFeature } from '@turf/turf';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { HEAVY_TIMEOUT } from '../helpers/requirements';
import { startAppServer, describeInBrowser } from './app-server';
import { launchBrowser } from './browser';
import { DashboardDriver } from './driver';
import { apiReader } from './api-session';
import { over, rgb, type MapPixel } from './map-pixels';
import { communeChecks, mismatches, STATUS_FILL } from './commune-pixels';

const ARTIFACTS = 'test-artifacts';

const HOTSPOT_FILL = { active: '#67001f', eliminated: '#1b7837' } as const; // opaque
const CLUSTER_FILL = '#4a148c';
const CLUSTER_OPACITY = 0.85;

describeInBrowser('dashboard in Chromium', () => {
  let server: Awaited<ReturnType<typeof startAppServer>>;
  let browser: Browser;
  let d: DashboardDriver;
  let api: (path: string) => Promise<any>;

  beforeAll(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    server = await startAppServer(18971);
    api = await apiReader(server.origin);
    browser = await launchBrowser();
    d = await DashboardDriver.open(browser, server.origin);
  }, HEAVY_TIMEOUT);
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  }, HEAVY_TIMEOUT);

  it('asks for sign-in first, and refuses a wrong password with a message in Vietnamese', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
    await page.goto(server.origin);
    await page.getByTestId('login-form').waitFor();
    expect(await page.getByTestId('map').count()).toBe(0);
    await expect(page.getByTestId('demo-accounts').textContent()).resolves.toContain('quantri');
    await page.locator('input[name="username"]').fill('lanhdao');
    await page.locator('input[name="password"]').fill('sai-mat-khau');
    await page.getByTestId('login-submit').click();
    await expect(page.getByTestId('login-error').textContent()).resolves.toBe('Sai tên đăng nhập hoặc mật khẩu');
    await page.screenshot({ path: `${ARTIFACTS}/login-1280x720.png` });
    await page.close();
  });

  it('draws every commune the API serves, each filled with the colour of its API status', async () => {
    const { today } = await api('/api/health');
    const { statuses } = await api(`/api/statuses?date=${today}`);
    const drawn = await d.drawnCommunes();
    expect(drawn.length).toBe(Object.keys(statuses).length);
    expect(drawn.length).toBeGreaterThan(100);
    for (const c of drawn) {
      const status = statuses[c.code]?.status ?? 'none';
      expect(c.status, c.code).toBe(status);
      expect(c.color, c.code).toBe(STATUS_FILL[status as keyof typeof STATUS_FILL]);
    }
    await expect(d.page.getByTestId('demo-badge').textContent()).resolves.toContain('MINH HỌA');
  });

  it('shows each commune on screen in its status colour, 85 % over the background, beside its label', async () => {
    const { today } = await api('/api/health');
    const { checks, communes, statuses } = await communeChecks(d, api, today);
    const shot = await d.shootMap();
    expect(checks.length).toBeGreaterThan(communes * 0.6); // the rest lie under the legend or are too small at this zoom
    expect([...new Set(checks.map((c) => c.status))].sort()).toEqual([...statuses].sort());
    expect(mismatches(shot, checks)).toEqual([]);
  });

  it('clicking a commune opens its panel with the full history', async () => {
    const fc = await api('/api/communes');
    const feature = fc.features.find((f: any) => f.properties.status === 'relapsed') ?? fc.features[0];
    const code = feature.properties.code;
    const detail = await api(`/api/communes/${code}`);
    await d.clickCommune(code, pointOnFeature(feature).geometry.coordinates as [number, number]);
    const items = d.page.locator('[data-testid="commune-history"] li');
    expect(await items.count()).toBe(detail.history.length);
    const newest = detail.history[detail.history.length - 1];
    const [y, m, day] = newest.effectiveDate.split('-');
    await expect(items.first().textContent()).resolves.toContain(`${day}/${m}/${y}`);
    await expect(d.page.getByTestId('commune-panel').locator('h2').textContent()).resolves.toBe(
      `${feature.properties.type} ${feature.properties.name}`,
    );
    await d.page.getByRole('button', { name: 'Đóng' }).click();
  });

  it('changing the date changes the map and the indicators to what the API returns for that date', async () => {
    await d.setDate('30/06/2023');
    const { statuses } = await api('/api/statuses?date=2023-06-30');
    const drawn = await d.drawnCommunes();
    for (const c of drawn) expect(c.status, c.code).toBe(statuses[c.code]?.status ?? 'none');
    const report = await api('/api/indicators?date=2023-06-30');
    expect(report.plan.id).toBe('2021-2025');
    await d.page.waitForFunction(
      (v) => document.querySelector('[data-testid="indicator-fraction-H1"]')?.textContent === v,
      `${report.indicators[0].numerator}/${report.indicators[0].denominator}`,
    );
    for (const i of report.indicators.filter(
      (x: any) => x.numerator !== null && x.denominator !== null && x.id !== 'H2',
    ))
      expect(await d.indicatorFraction(i.id)).toBe(`${i.numerator}/${i.denominator}`);
    expect(d.page.url()).toContain('date=2023-06-30');
  });

  it('drills down into a district and back up with the breadcrumb', async () => {
    const { units } = await api('/api/units?parent=99');
    const district = units[3];
    await d.page.getByTestId('district-select').selectOption(district.code);
    const report = await api(`/api/indicators?date=2023-06-30&unit=${district.code}`);
    const h1 = report.indicators[0];
    await d.page.waitForFunction(
      (v) => document.querySelector('[data-testid="indicator-fraction-H1"]')?.textContent === v,
      `${h1.numerator}/${h1.denominator}`,
    );
    await expect(d.page.getByTestId('indicator-panel').locator('h2').textContent()).resolves.toContain(district.name);
    const legendTotal = (await d.page.locator('[data-testid^="legend-count-"]').allTextContents()).reduce(
      (a, b) => a + Number(b),
      0,
    );
    expect(legendTotal).toBe(district.communeCount);
    await d.page.getByTestId('crumb-root').click();
    const province = await api('/api/indicators?date=2023-06-30');
    await d.page.waitForFunction(
      (v) => document.querySelector('[data-testid="indicator-fraction-H1"]')?.textContent === v,
      `${province.indicators[0].numerator}/${province.indicators[0].denominator}`,
    );
  });

  it('switches to English and back, and the URL reopens the same view', async () => {
    await d.page.getByTestId('lang-switch').click();
    await expect(d.page.locator('h1').textContent()).resolves.toContain('Drug-prevention map');
    await expect(d.page.getByTestId('legend').textContent()).resolves.toContain('Drug-free');
    const url = d.page.url();
    expect(url).toContain('lang=en');
    const again = await DashboardDriver.open(browser, server.origin, url.slice(server.origin.length));
    await expect(again.page.locator('h1').textContent()).resolves.toContain('Drug-prevention map');
    await expect(again.page.getByTestId('date-input').inputValue()).resolves.toBe('30/06/2023');
    await again.page.close();
    await d.page.getByTestId('lang-switch').click();
    await expect(d.page.locator('h1').textContent()).resolves.toContain('Bản đồ phòng, chống ma túy');
  });

  it('shows the hotspot layer clustered, coloured by status as of the date', async () => {
    const before = await d.shootMap();
    await d.page.getByTestId('toggle-hotspots').check();
    await d.page.waitForFunction(() => {
      const map = (window as any).__map;
      return (
        map.getLayoutProperty('hotspot-clusters', 'visibility') === 'visible' &&
        map.queryRenderedFeatures({ layers: ['hotspot-clusters', 'hotspot-points'] }).length > 0
      );
    });
    expect(d.page.url()).toContain('layers=hotspots');
    const { features } = await api('/api/hotspots?date=2023-06-30&limit=20000');
    const statusOf = new Map<number, keyof typeof HOTSPOT_FILL>(
      features.map((f: any) => [f.properties.id, f.properties.status]),
    );
    const { points, clusters } = await d.hotspotPixels();
    const shot = await d.shootMap();
    expect(points.length).toBeGreaterThan(0);
    expect(clusters.length).toBeGreaterThanOrEqual(10);
    expect(
      mismatches(shot, [
        ...points.map(({ id, pixel }) => ({
          what: `hotspot ${id} (${statusOf.get(id)})`,
          pixel,
          r: 1,
          expected: rgb(HOTSPOT_FILL[statusOf.get(id)!]),
        })),
        // A cluster is translucent: what was drawn there before shows through.
        ...clusters.map(({ id, pixel }) => ({
          what: `cluster ${id}`,
          pixel,
          r: 1,
          expected: over(rgb(CLUSTER_FILL), CLUSTER_OPACITY, before.at(pixel, 1)),
        })),
      ]),
    ).toEqual([]);
  });

  it('switches the hotspots to a heatmap and the labels to large type', async () => {
    await d.page.getByTestId('toggle-heatmap').check();
    await d.page.waitForFunction(
      () => (window as any).__map.getLayoutProperty('hotspot-heat', 'visibility') === 'visible',
    );
    expect(await d.page.evaluate(() => (window as any).__map.getLayoutProperty('hotspot-clusters', 'visibility'))).toBe(
      'none',
    );
    await expectHeatOnScreen();
    const small = await d.page.evaluate(() =>
      JSON.stringify((window as any).__map.getLayoutProperty('commune-label', 'text-size')),
    );
    const h1Small = await d.page.locator('h1').evaluate((e) => parseFloat(getComputedStyle(e).fontSize));
    await d.page.getByTestId('toggle-large').click();
    await expect(d.page.getByTestId('toggle-large').getAttribute('aria-pressed')).resolves.toBe('true');
    expect(
      await d.page.evaluate(() =>
        JSON.stringify((window as any).__map.getLayoutProperty('commune-label', 'text-size')),
      ),
    ).not.toBe(small);
    expect(await d.page.locator('h1').evaluate((e) => parseFloat(getComputedStyle(e).fontSize))).toBeGreaterThan(
      h1Small,
    );
    expect(d.page.url()).toContain('large=1');
    await d.screenshot(`${ARTIFACTS}/dashboard-large-heatmap-1280x720.png`);
    await d.page.getByTestId('toggle-large').click();
    await d.page.getByTestId('toggle-heatmap').uncheck();
  });

  /** Where active hotspots crowd, the screen is hot (red to yellow); far from all of them it shows the communes as they are. */
  async function expectHeatOnScreen() {
    const { features } = await api('/api/hotspots?date=2023-06-30&limit=20000');
    const active: [number, number][] = features
      .filter((f: any) => f.properties.status === 'active')
      .map((f: any) => f.geometry.coordinates);
    const at = await d.page.evaluate(
      (ps) => ps.map((p) => (window as any).__map.project(p) as { x: number; y: number }),
      active,
    );
    const near = (p: MapPixel, radius: number) => at.filter((q) => Math.hypot(q.x - p.x, q.y - p.y) <= radius).length;
    const crowded = active
      .map((lngLat, i) => ({ lngLat, n: near(at[i]!, 12) }))
      .sort((a, b) => b.n - a.n)
      .slice(0, 20);
    const [hottest] = await d.unlabelledPixels(crowded.map((c) => c.lngLat));
    const { checks } = await communeChecks(d, api, '2023-06-30');
    const cold = checks.filter((c) => near(c.pixel, 48) === 0);
    const shot = await d.shootMap();
    expect(hottest).toBeDefined();
    // Red to yellow at 80 % over anything: red above 200, blue below 80 (blue, cyan and lime mean a thin heat).
    const [r, g, b] = shot.at(hottest!);
    expect(r >= 200 && b <= 80, `heat at ${hottest!.x},${hottest!.y}: rgb(${r},${g},${b})`).toBe(true);
    expect(cold.length).toBeGreaterThan(10);
    expect(mismatches(shot, cold)).toEqual([]);
  }

  it('works from the keyboard alone: district, commune panel, Escape', async () => {
    const k = await DashboardDriver.open(browser, server.origin);
    const focusedTestId = () =>
      k.page.evaluate(() => document.activeElement?.getAttribute('data-testid') ?? document.activeElement?.tagName);
    const tabTo = async (testId: string) => {
      for (let i = 0; i < 40 && (await focusedTestId()) !== testId; i++) await k.page.keyboard.press('Tab');
      expect(await focusedTestId()).toBe(testId);
    };
    await tabTo('district-select');
    await k.page.keyboard.press('ArrowDown');
    await k.page.waitForSelector('[data-testid="commune-select"]');
    await tabTo('commune-select');
    await k.page.keyboard.press('ArrowDown');
    const panel = k.page.getByTestId('commune-panel');
    await panel.waitFor();
    expect(await k.page.evaluate(() => document.activeElement?.tagName)).toBe('H2');
    await k.page.keyboard.press('Escape');
    await panel.waitFor({ state: 'detached' });
    await k.page.getByTestId('indicator-panel').waitFor();
    expect(k.consoleErrors).toEqual([]);
    await k.page.close();
  });

  it('says when the server is out of reach, keeps the last map, and recovers on its own', async () => {
    const k = await DashboardDriver.open(browser, server.origin);
    await k.page.route('**/api/**', (r) => r.abort('connectionrefused'));
    await k.page.getByTestId('date-input').fill('31/03/2022');
    await k.page.getByTestId('date-input').press('Enter');
    await expect(k.page.getByTestId('error').textContent()).resolves.toContain('Không kết nối được máy chủ');
    expect((await k.drawnCommunes()).length).toBeGreaterThan(100);
    const before = await k.appliedCount();
    await k.page.unroute('**/api/**');
    await k.waitForMap(before + 1); // the retry, without any user action
    await k.page.getByTestId('error').waitFor({ state: 'detached' });
    const { statuses } = await api('/api/statuses?date=2022-03-31');
    for (const c of await k.drawnCommunes()) expect(c.status, c.code).toBe(statuses[c.code]?.status ?? 'none');
    await k.page.close();
  });

  it("shows the server's own message for a link to a commune that does not exist, and a notice for a date without data", async () => {
    const k = await DashboardDriver.open(browser, server.origin, '/?commune=99999&date=2021-01-01');
    await expect(k.page.getByTestId('error').textContent()).resolves.toBe('Không có xã 99999');
    await expect(k.page.getByTestId('no-data').textContent()).resolves.toContain('Chưa có dữ liệu');
    await k.page.close();
  });

  it('saves screenshots at 1280×720 and 1920×1080', async () => {
    await d.screenshot(`${ARTIFACTS}/dashboard-1280x720.png`);
    const wide = await DashboardDriver.open(browser, server.origin, '/?date=2025-12-31', { width: 1920, height: 1080 });
    await wide.screenshot(`${ARTIFACTS}/dashboard-1920x1080.png`);
    expect(wide.consoleErrors).toEqual([]);
    expect(wide.outsideRequests).toEqual([]);
    await wide.page.close();
  });

  it('made no request outside its origin and logged no console error', () => {
    expect(d.outsideRequests).toEqual([]);
    expect(d.consoleErrors).toEqual([]);
  });

  it("reads its handles from the specs' build only: the product's page has none", () => {
    const scripts = (dir: string) =>
      readdirSync(`${dir}/assets`)
        .filter((f) => f.endsWith('.js'))
        .map((f) => readFileSync(`${dir}/assets/${f}`, 'utf8'))
        .join('\n');
    const [specs, product] = [scripts('dist/web-specs'), scripts('dist/web')];
    for (const handle of ['__map', '__appliedStatuses', '__previewMap']) {
      const named = new RegExp(`["'\`]${handle}["'\`]`); // the name as a string, not Vite's __mapDeps
      expect(named.test(specs), `${handle} in dist/web-specs`).toBe(true);
      expect(named.test(product), `${handle} in dist/web`).toBe(false);
    }
  });
});
