// Two dates compared in Chromium: the maps side by side in their dates' status colours, kept in step when one is
// dragged or zoomed, the changed communes outlined in yellow on both, the indicator differences as the API's numbers
// read, and the same comparison reopened from its URL.
import { expect, it } from 'vitest';
import { apiReader } from './api-session';
import { appAndBrowser, describeInBrowser } from './app-server';
import { communeChecks, mismatches } from './commune-pixels';
import { DashboardDriver } from './driver';
import { channelDistance, rgb } from './map-pixels';

const CHANGED_LINE = '#ffd600'; // the yellow outline of a changed commune (its casing is near-black)
const dmy = (iso: string) => iso.split('-').reverse().join('/');
const yearBefore = (iso: string) => `${Number(iso.slice(0, 4)) - 1}${iso.slice(4)}`;
const pointsVi = (a: number, b: number) =>
  `${new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 1, signDisplay: 'exceptZero' }).format(Math.round((b - a) * 1000) / 10)} điểm %`;

type Page = DashboardDriver['page'];
/** Points the pixel helpers (which read window.__map) at map A (0) or B (1) of the comparison. */
const useMap = (page: Page, i: 0 | 1) =>
  page.evaluate((n) => {
    const w = window as unknown as { __map: unknown; __compareMaps: unknown[] };
    w.__map = w.__compareMaps[n];
  }, i);
const cameras = (page: Page) =>
  page.evaluate(() =>
    (
      window as unknown as { __compareMaps: { getCenter(): { lng: number; lat: number }; getZoom(): number }[] }
    ).__compareMaps.map((m) => ({ ...m.getCenter(), zoom: m.getZoom() })),
  );
const outlined = (page: Page, i: 0 | 1) =>
  page.evaluate(
    (n) =>
      [
        ...new Set(
          (
            window as unknown as {
              __compareMaps: { queryRenderedFeatures(o: { layers: string[] }): { properties: { code: string } }[] }[];
            }
          ).__compareMaps[n]!.queryRenderedFeatures({ layers: ['commune-changed'] }).map((f) => f.properties.code),
        ),
      ].sort(),
    i,
  );

describeInBrowser('two-date comparison in Chromium', () => {
  const app = appAndBrowser(18978);

  it('opens from the header a year back (or at the plan’s start): both maps in their dates’ colours, changed communes outlined, differences listed', async () => {
    const api = await apiReader(app.origin, 'lanhdao');
    const { today } = await api('/api/health');
    const d = await DashboardDriver.open(app.browser, app.origin, '/', { width: 1280, height: 720 }, 'lanhdao');
    await d.page.getByTestId('compare').click();
    const { plan } = await api(`/api/indicators?date=${today}`);
    const a = plan.start > yearBefore(today) ? plan.start : yearBefore(today);
    await d.page.waitForURL((u) => u.searchParams.get('compare') === a);
    await d.page.getByTestId('compare-row-C1').waitFor();
    await d.page.waitForFunction(
      () => (window as unknown as { __compareMaps?: unknown[] }).__compareMaps?.length === 2,
    );
    await expect(d.page.getByTestId('compare-caption-a').textContent()).resolves.toBe(`Ngày A: ${dmy(a)}`);
    await expect(d.page.getByTestId('compare-caption-b').textContent()).resolves.toBe(`Ngày B: ${dmy(today)}`);

    const cmp = await api(`/api/compare?a=${a}&b=${today}`);
    expect(cmp.communes.length).toBeGreaterThan(0);
    // Each map in the colours of its own date.
    for (const [i, date] of [
      [0, a],
      [1, today],
    ] as const) {
      await useMap(d.page, i);
      const { checks, communes } = await communeChecks(d, api, date);
      expect(checks.length, `clean pixels on map ${i}`).toBeGreaterThan(communes * 0.5);
      expect(mismatches(await d.shootMap(`[data-testid="compare-map-${i ? 'b' : 'a'}"]`), checks)).toEqual([]);
      expect(await outlined(d.page, i)).toEqual(i ? cmp.b.changed : cmp.a.changed);
    }
    // The yellow outline is on screen along the first changed commune's border on map B.
    const code = cmp.b.changed[0];
    const { features } = await api(`/api/communes?date=${today}`);
    const geometry = features.find((f: any) => f.properties.code === code).geometry;
    const ring: [number, number][] = geometry.type === 'Polygon' ? geometry.coordinates[0] : geometry.coordinates[0][0];
    const border = await d.page.evaluate(
      (pts) => pts.map((p) => (window as unknown as { __map: { project(p: number[]): any } }).__map.project(p)),
      ring.filter((_, k) => k % Math.max(1, Math.floor(ring.length / 40)) === 0),
    );
    const shot = await d.shootMap('[data-testid="compare-map-b"]');
    const yellow = border.filter((p) => channelDistance(shot.at(p, 1), rgb(CHANGED_LINE)) <= 40);
    expect(yellow.length, `yellow pixels along ${code}'s border`).toBeGreaterThan(border.length / 3);

    // The differences as the numbers read: C1 in communes, H1 in percentage points.
    const row = (id: string) => d.page.getByTestId(`compare-row-${id}`).locator('td');
    const c1 = cmp.indicators.find((x: any) => x.id === 'C1');
    const c1diff = c1.b.value - c1.a.value;
    await expect(row('C1').nth(2).textContent()).resolves.toBe(c1diff > 0 ? `+${c1diff}` : String(c1diff));
    const h1 = cmp.indicators.find((x: any) => x.id === 'H1');
    await expect(row('H1').nth(2).textContent()).resolves.toBe(pointsVi(h1.a.value, h1.b.value));
    const listed = d.page.getByTestId('compare-communes').locator('li');
    expect(await listed.count()).toBe(cmp.communes.length);
    await d.page.screenshot({ path: 'test-artifacts/compare-1280x720.png' });
    expect(d.consoleErrors).toEqual([]);
    expect(d.outsideRequests).toEqual([]);
  });

  it('keeps the maps in step when one is dragged or zoomed, and reopens the same comparison from its URL', async () => {
    const api = await apiReader(app.origin, 'lanhdao');
    const { today } = await api('/api/health');
    const a = `${today.slice(0, 4)}-01-01`;
    const path = `/?date=${today}&compare=${a}`;
    const d = await DashboardDriver.open(app.browser, app.origin, path, { width: 1280, height: 720 }, 'lanhdao');
    await d.page.waitForFunction(
      () => (window as unknown as { __compareMaps?: unknown[] }).__compareMaps?.length === 2,
    );
    await expect(d.page.getByTestId('compare-caption-a').textContent()).resolves.toBe(`Ngày A: ${dmy(a)}`);
    const before = await cameras(d.page);
    expect(before[0]).toEqual(before[1]);

    // Drag map A 150 px to the left: map B follows.
    const boxA = (await d.page.getByTestId('compare-map-a').locator('canvas').boundingBox())!;
    const [cx, cy] = [boxA.x + boxA.width / 2, boxA.y + boxA.height / 2];
    await d.page.mouse.move(cx, cy);
    await d.page.mouse.down();
    for (let k = 1; k <= 10; k++) await d.page.mouse.move(cx - 15 * k, cy);
    await d.page.mouse.up();
    await d.page.waitForFunction(() => {
      const ms = (window as unknown as { __compareMaps: { isMoving(): boolean }[] }).__compareMaps;
      return ms.every((m) => !m.isMoving());
    });
    const dragged = await cameras(d.page);
    expect(dragged[0]!.lng).toBeGreaterThan(before[0]!.lng);
    expect(dragged[1]).toEqual(dragged[0]);

    // Zoom in on map B with the zoom button: map A follows.
    await d.page.getByTestId('compare-map-b').locator('.maplibregl-ctrl-zoom-in').click();
    await d.page.waitForFunction((z) => {
      const ms = (window as unknown as { __compareMaps: { getZoom(): number; isMoving(): boolean }[] }).__compareMaps;
      return ms.every((m) => !m.isMoving() && m.getZoom() > z + 0.9);
    }, dragged[0]!.zoom);
    const zoomed = await cameras(d.page);
    expect(zoomed[0]).toEqual(zoomed[1]);

    // A typed date A moves the URL; the URL opened elsewhere shows the same two dates.
    const earlier = `${Number(today.slice(0, 4)) - 2}-06-30`;
    await d.page.locator('input[name="date-a"]').fill(dmy(earlier));
    await d.page.waitForURL((u) => u.searchParams.get('compare') === earlier);
    const again = await DashboardDriver.open(
      app.browser,
      app.origin,
      new URL(d.page.url()).search ? `/${new URL(d.page.url()).search}` : '/',
      { width: 1280, height: 720 },
      'lanhdao',
    );
    await again.page.getByTestId('compare-row-H1').waitFor();
    await expect(again.page.getByTestId('compare-caption-a').textContent()).resolves.toBe(`Ngày A: ${dmy(earlier)}`);
    await expect(again.page.getByTestId('compare-caption-b').textContent()).resolves.toBe(`Ngày B: ${dmy(today)}`);
    await again.page.getByTestId('leave-compare').click();
    await again.page.getByTestId('indicator-panel').waitFor();
    expect(new URL(again.page.url()).searchParams.get('compare')).toBeNull();
    expect([...d.consoleErrors, ...again.consoleErrors]).toEqual([]);
  });
});
