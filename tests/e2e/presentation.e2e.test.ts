// The presentation view ("Trình chiếu") on projector sizes: nothing overlaps, type legible from the back of a room,
// the legend off the map, the communes in their status colours on the canvas, and keyboard control.
import { mkdirSync } from 'node:fs';
import { expect, it } from 'vitest';
import { apiReader } from './api-session';
import { appAndBrowser, describeInBrowser } from './app-server';
import { communeChecks, mismatches } from './commune-pixels';
import { DashboardDriver } from './driver';

interface Box {
  name: string;
  x: number;
  y: number;
  width: number;
  height: number;
}
const overlap = (a: Box, b: Box) =>
  a.x < b.x + b.width - 0.5 && b.x < a.x + a.width - 0.5 && a.y < b.y + b.height - 0.5 && b.y < a.y + a.height - 0.5;

/** The layout's blocks and tiles, their font sizes, and the tiles whose content does not fit. */
function layout(page: DashboardDriver['page']) {
  return page.evaluate(() => {
    const box = (name: string, el: Element) => {
      const r = el.getBoundingClientRect();
      return { name, x: r.x, y: r.y, width: r.width, height: r.height };
    };
    const one = (id: string) => box(id, document.querySelector(`[data-testid="${id}"]`)!);
    const px = (sel: string) =>
      [...document.querySelectorAll(sel)].map((e) => parseFloat(getComputedStyle(e).fontSize));
    const tiles = [...document.querySelectorAll('.tile')];
    return {
      blocks: ['present-title', 'present-map', 'present-tiles', 'legend', 'timebar'].map((id) =>
        id === 'timebar' ? box(id, document.querySelector('.timebar')!) : one(id),
      ),
      tiles: tiles.map((t) => box(t.getAttribute('data-testid')!, t)),
      overflowing: tiles.filter((t) => t.scrollHeight > t.clientHeight + 1).map((t) => t.getAttribute('data-testid')),
      valueSizes: px('.tile-value'),
      labelSizes: [...px('.tile-name'), ...px('.tile-line'), ...px('.present-legend li'), ...px('.present-heading p')],
      viewport: { width: innerWidth, height: innerHeight },
    };
  });
}

describeInBrowser('presentation view in Chromium', () => {
  const app = appAndBrowser(18977);
  /** A leader's presentation at 1280×720, and the API as the leader reads it with today's date. */
  const presenting = async () => {
    const d = await DashboardDriver.open(app.browser, app.origin, '/', { width: 1280, height: 720 }, 'lanhdao');
    await d.page.getByTestId('present').click(); // the header's button, as a leader would
    await d.page.getByTestId('presentation').waitFor();
    await d.waitForMap();
    const api = await apiReader(app.origin, 'lanhdao');
    const { today } = await api('/api/health');
    return { d, api, today: today as string };
  };

  for (const [width, height] of [
    [1280, 720],
    [1920, 1080],
  ] as const)
    it(`at ${width}×${height}: no overlap, legible, in both languages, with large type on and off`, async () => {
      mkdirSync('test-artifacts', { recursive: true });
      const d = await DashboardDriver.open(app.browser, app.origin, '/', { width, height }, 'lanhdao');
      for (const lang of ['vi', 'en'] as const)
        for (const large of [false, true]) {
          await d.page.goto(`${app.origin}/?present=1${lang === 'en' ? '&lang=en' : ''}${large ? '&large=1' : ''}`);
          await d.page.getByTestId('tile-value-C1').waitFor();
          await d.waitForMap();
          const l = await layout(d.page);
          const all = [...l.blocks, ...l.tiles];
          const within = all.filter(
            (b) =>
              b.x < -0.5 ||
              b.y < -0.5 ||
              b.x + b.width > l.viewport.width + 0.5 ||
              b.y + b.height > l.viewport.height + 0.5,
          );
          expect(
            within.map((b) => b.name),
            `${lang} large=${large}: outside the screen`,
          ).toEqual([]);
          const pairs = (xs: Box[]) =>
            xs.flatMap((a, i) =>
              xs
                .slice(i + 1)
                .filter((b) => overlap(a, b))
                .map((b) => `${a.name} × ${b.name}`),
            );
          expect([...pairs(l.blocks), ...pairs(l.tiles)], `${lang} large=${large}: overlaps`).toEqual([]);
          expect(l.tiles).toHaveLength(6);
          expect(l.overflowing, `${lang} large=${large}: tile content cut`).toEqual([]);
          expect(Math.min(...l.valueSizes)).toBeGreaterThanOrEqual(32);
          expect(Math.min(...l.labelSizes)).toBeGreaterThanOrEqual(14);
          await d.page.screenshot({
            path: `test-artifacts/present-${width}x${height}-${lang}${large ? '-large' : ''}.png`,
          });
        }
    });

  it('draws each commune in its status colour (pixels sampled on the canvas, palette written out in the spec)', async () => {
    const { d, api, today } = await presenting();
    const { checks, communes } = await communeChecks(d, api, today);
    expect(checks.length).toBeGreaterThan(communes * 0.6);
    expect(mismatches(await d.shootMap(), checks)).toEqual([]);
  });

  it('is driven from the keyboard: ← steps a month back, 1 focuses H1 by district, Escape closes then leaves', async () => {
    const { d, api, today } = await presenting();
    await d.page
      .locator('body')
      .click({ position: { x: 5, y: 5 } })
      .catch(() => undefined);
    await d.page.keyboard.press('ArrowLeft');
    const lastMonthEnd = new Date(Date.UTC(Number(today.slice(0, 4)), Number(today.slice(5, 7)) - 1, 0))
      .toISOString()
      .slice(0, 10);
    await d.page.waitForURL((u) => u.searchParams.get('date') === lastMonthEnd);
    await d.page.keyboard.press(' ');
    await expect(d.page.getByTestId('play').getAttribute('aria-pressed')).resolves.toBe('true');
    await d.page.keyboard.press(' ');
    await expect(d.page.getByTestId('play').getAttribute('aria-pressed')).resolves.toBe('false');
    await d.page.keyboard.press('1');
    await d.page.getByTestId('tile-districts').waitFor();
    expect(await d.page.locator('.tile').count()).toBe(1);
    const { units } = await api(`/api/indicators/ranking?date=${lastMonthEnd}`);
    expect(await d.page.getByTestId('tile-districts').locator('li').count()).toBe(units.length);
    await d.page.keyboard.press('Escape');
    await d.page.getByTestId('tile-districts').waitFor({ state: 'detached' });
    expect(await d.page.locator('.tile').count()).toBe(6);
    await d.page.keyboard.press('Escape');
    await d.page.getByTestId('presentation').waitFor({ state: 'detached' });
    expect(new URL(d.page.url()).searchParams.get('present')).toBeNull();
    expect(d.consoleErrors).toEqual([]);
  });
});
