// Police operation workflow in Chromium: draw an area on the map, see the hotspots inside, save it as a crackdown
// operation, record its results, and watch the eliminated hotspots change colour on the map.
import { expect, it } from 'vitest';
import { addDays, formatVnDate } from '../../geo/dates';
import { distance, pointOnFeature } from '@turf/turf';
import { apiReader } from './api-session';
import { appAndBrowser, describeInBrowser } from './app-server';
import { DashboardDriver } from './driver';

/** The hotspot point colours the map must draw, written out here, not read from the web code. */
const HOTSPOT_FILL = { active: '#67001f', eliminated: '#1b7837' } as const;

type Pt = [number, number];

describeInBrowser('police operations in Chromium', () => {
  const app = appAndBrowser(18974);

  it('police draw an area, see its hotspots, save an operation, record results, and the eliminated hotspots change colour', async () => {
    const asPolice = await apiReader(app.origin, 'congan');
    const { today } = await asPolice('/api/health');
    const all = (await asPolice('/api/hotspots?limit=20000')).features as {
      properties: { id: number; status: string };
      geometry: { coordinates: Pt };
    }[];
    // The area: a box of ±0.004° around the active hotspot with the most active neighbours in it.
    const inBox = (c: Pt, [x, y]: Pt, r: number) => Math.abs(x - c[0]) < r && Math.abs(y - c[1]) < r;
    const active = all.filter((f) => f.properties.status === 'active');
    const centre = active
      .map((f) => ({
        at: f.geometry.coordinates,
        n: active.filter((g) => inBox(f.geometry.coordinates, g.geometry.coordinates, 0.0035)).length,
      }))
      .sort((a, b) => b.n - a.n)[0]!.at;
    const R = 0.004;
    const corners: Pt[] = [
      [centre[0] - R, centre[1] - R],
      [centre[0] + R, centre[1] - R],
      [centre[0] + R, centre[1] + R],
      [centre[0] - R, centre[1] + R],
    ];

    const police = await DashboardDriver.open(
      app.browser,
      app.origin,
      '/?layers=hotspots',
      { width: 1280, height: 800 },
      'congan',
    );
    await police.page.evaluate((c) => (window as any).__map.jumpTo({ center: c, zoom: 14 }), centre);
    await police.page.getByTestId('draw-area').click();
    await police.page.getByTestId('area-panel').waitFor();
    for (const c of corners) await police.clickAt(c);
    await expect(police.page.getByTestId('draft-points').textContent()).resolves.toBe('4 điểm đã bấm');
    await police.page.getByTestId('area-search').click();
    await police.page.getByTestId('area-summary').waitFor();

    // Listed = every hotspot inside the drawn box (a pixel of slack at the edges for the clicks).
    const listed = await police.page
      .locator('[data-testid^="area-hotspot-"]')
      .evaluateAll((rows) => rows.map((r) => Number(r.getAttribute('data-testid')!.split('-').pop())));
    const slack = 0.0002;
    for (const f of all) {
      if (inBox(centre, f.geometry.coordinates, R - slack)) expect(listed).toContain(f.properties.id);
      if (!inBox(centre, f.geometry.coordinates, R + slack)) expect(listed).not.toContain(f.properties.id);
    }
    const targets = all
      .filter((f) => listed.includes(f.properties.id) && f.properties.status === 'active')
      .map((f) => f.properties.id);
    expect(targets.length).toBeGreaterThanOrEqual(2);
    await expect(police.page.getByTestId('area-summary').textContent()).resolves.toContain(
      `${targets.length} đang hoạt động`,
    );
    await police.screenshot('test-artifacts/area-search-1280x800.png');

    const name = 'Đợt cao điểm tấn công trấn áp tội phạm ma túy — tháng 11';
    const form = police.page.getByTestId('operation-form');
    await form.locator('input[name="name"]').fill(name);
    await form.locator('input[name="to"]').fill(formatVnDate(addDays(today, 30)));
    await form.locator('textarea[name="units"]').fill('Phòng Cảnh sát điều tra tội phạm về ma túy\nCông an xã');
    await police.page.getByTestId('operation-submit').click();
    await expect(police.page.getByTestId('operation-name').textContent()).resolves.toBe(name);
    expect(await police.page.locator('[data-testid^="op-hotspot-status-"]').count()).toBe(targets.length);

    // Before the results the targets are drawn in the active colour.
    const colours = async () => new Map((await police.drawnHotspots()).map((h) => [h.id, h.color]));
    await police.page.waitForFunction((ids) => {
      const drawn = (window as any).__map
        .queryRenderedFeatures({ layers: ['hotspot-points'] })
        .map((f: any) => Number(f.properties.id));
      return ids.every((id: number) => drawn.includes(id));
    }, targets);
    const before = await colours();
    for (const id of targets) expect(before.get(id)).toBe(HOTSPOT_FILL.active);

    const results = police.page.getByTestId('results-form');
    await results.locator('input[name="arrested"]').fill('4');
    await results.locator('input[name="cases"]').fill('2');
    await police.page.getByTestId('add-seizure').click();
    await results.getByLabel('Loại').fill('Ma túy đá');
    await results.getByLabel('Số lượng').first().fill('12,5');
    for (const id of targets) await police.page.getByTestId(`eliminate-${id}`).check();
    await police.page.getByTestId('results-submit').click();
    await expect(police.page.getByTestId('operation-results').textContent()).resolves.toContain('Ma túy đá 12,5 g');
    for (const id of targets)
      await expect(police.page.getByTestId(`op-hotspot-status-${id}`).textContent()).resolves.toBe('Đã triệt xóa');

    // The map follows: every eliminated target is redrawn in the eliminated colour, without reloading.
    await police.page.waitForFunction(
      ({ ids, colour }) => {
        const hex = (c: any) =>
          '#' +
          [c.r, c.g, c.b]
            .map((v: number) =>
              Math.round(v * 255)
                .toString(16)
                .padStart(2, '0'),
            )
            .join('');
        const drawn = new Map(
          (window as any).__map
            .queryRenderedFeatures({ layers: ['hotspot-points'] })
            .map((f: any) => [Number(f.properties.id), hex(f.layer.paint['circle-color'])]),
        );
        return ids.every((id: number) => drawn.get(id) === colour);
      },
      { ids: targets, colour: HOTSPOT_FILL.eliminated },
    );
    const after = await colours();
    for (const id of targets) expect(after.get(id)).toBe(HOTSPOT_FILL.eliminated);
    await police.screenshot('test-artifacts/operation-results-1280x800.png');

    // The server agrees, and the packet downloads from the panel.
    for (const id of targets) expect((await asPolice(`/api/hotspots/${id}`)).status).toBe('eliminated');
    for (const format of ['xlsx', 'pdf'] as const) {
      const href = await police.page.getByTestId(`op-export-${format}`).getAttribute('href');
      const file = await police.page.request.get(app.origin + href!);
      expect(file.status()).toBe(200);
      expect(file.headers()['content-type']).toContain(format === 'pdf' ? 'application/pdf' : 'spreadsheetml');
    }

    // The list of operations shows it with its results; the operations layer draws its area.
    await police.page.getByTestId('nav-operations').click();
    const row = police.page.getByTestId('operations-page').locator('tbody tr', { hasText: name });
    await expect(row.textContent()).resolves.toContain('Đã có kết quả');
    await row.getByRole('button').click();
    await police.page.getByTestId('operation-panel').waitFor();
    await police.page.getByTestId('toggle-operations').check();
    await police.page.waitForFunction(
      (n) => (window as any).__map.querySourceFeatures('operations').some((f: any) => f.properties.name === n),
      name,
    );
    expect(police.outsideRequests).toEqual([]);
    expect(police.consoleErrors).toEqual([]);
  });
  it('police open a hotspot on the map, drag it into another commune, and record its elimination', async () => {
    const asPolice = await apiReader(app.origin, 'congan');
    const all = (await asPolice('/api/hotspots?status=active&limit=20000')).features as {
      properties: { id: number; communeCode: string };
      geometry: { coordinates: Pt };
    }[];
    const alone = (p: Pt, except?: number) =>
      all.every((g) => g.properties.id === except || distance(p, g.geometry.coordinates, { units: 'meters' }) > 150);
    const h = all.find((f) => alone(f.geometry.coordinates, f.properties.id))!;
    const communes = (await asPolice('/api/communes')).features as any[];
    const from = h.geometry.coordinates;
    // The nearest other commune whose inner point has no active hotspot near it.
    const target = communes
      .filter((c) => c.properties.code !== h.properties.communeCode)
      .map((c) => ({ c, at: pointOnFeature(c).geometry.coordinates as Pt }))
      .filter((x) => alone(x.at))
      .sort((a, b) => distance(from, a.at) - distance(from, b.at))[0]!;

    const police = await DashboardDriver.open(
      app.browser,
      app.origin,
      '/?layers=hotspots',
      { width: 1280, height: 800 },
      'congan',
    );
    await police.page.evaluate(
      ([a, b]: Pt[]) =>
        (window as any).__map.fitBounds(
          [
            [Math.min(a![0], b![0]), Math.min(a![1], b![1])],
            [Math.max(a![0], b![0]), Math.max(a![1], b![1])],
          ],
          { padding: 120, animate: false, maxZoom: 15 },
        ),
      [from, target.at],
    );
    await police.page.waitForFunction(
      (id) =>
        (window as any).__map
          .queryRenderedFeatures({ layers: ['hotspot-points'] })
          .some((f: any) => Number(f.properties.id) === id),
      h.properties.id,
    );
    await police.clickAt(from);
    const panel = police.page.getByTestId('hotspot-panel');
    await expect(panel.locator('h2').textContent()).resolves.toBe(`Điểm #${h.properties.id}`);
    await expect(police.page.getByTestId('hotspot-events').textContent()).resolves.toContain('Phát hiện');

    // Drag the yellow marker from the hotspot's place to the other commune, then save.
    await police.page.getByTestId('move-start').click();
    const marker = police.page.getByTestId('placed-marker');
    await marker.waitFor();
    const [a, b] = await police.page.evaluate(
      ([p, q]) => [(window as any).__map.project(p), (window as any).__map.project(q)],
      [from, target.at],
    );
    const box = (await marker.boundingBox())!;
    const start = { x: box.x + box.width / 2, y: box.y + box.height / 2 };
    await police.page.mouse.move(start.x, start.y);
    await police.page.mouse.down();
    await police.page.mouse.move(start.x + (b.x - a.x), start.y + (b.y - a.y), { steps: 12 });
    await police.page.mouse.up();
    await police.page.getByTestId('move-save').click();
    await expect(police.page.getByTestId('hotspot-saved').textContent()).resolves.toBe(
      `Đã chuyển điểm, thuộc ${target.c.properties.type} ${target.c.properties.name}`,
    );
    const moved = await asPolice(`/api/hotspots/${h.properties.id}`);
    expect(moved.commune.code).toBe(target.c.properties.code);
    const { today } = await asPolice('/api/health');
    expect(distance(moved.location, target.at, { units: 'meters' })).toBeLessThan(60); // within a pixel or two of the drop

    await police.page.getByTestId('event-submit').click(); // "eliminated", today
    await police.page.waitForFunction(
      () => document.querySelector('[data-testid="hotspot-status"]')?.textContent === 'Đã triệt xóa',
    );
    const events = (await asPolice(`/api/hotspots/${h.properties.id}`)).events.map((e: any) => ({
      kind: e.kind,
      date: e.date,
    }));
    expect(events).toEqual([
      ...moved.events.map((e: any) => ({ kind: e.kind, date: e.date })),
      { kind: 'eliminated', date: today },
    ]);
    await police.screenshot('test-artifacts/hotspot-panel-1280x800.png');
    expect(police.consoleErrors).toEqual([]);
  });

  it('a buffer around an uploaded list of places lists the hotspots within the radius', async () => {
    const asPolice = await apiReader(app.origin, 'congan');
    const all = (await asPolice('/api/hotspots?limit=20000')).features as {
      properties: { id: number };
      geometry: { coordinates: Pt };
    }[];
    const places: Pt[] = [all[5]!.geometry.coordinates, all[40]!.geometry.coordinates];
    const csv = `\uFEFFTên địa điểm;Vĩ độ;Kinh độ\nTrường THCS Nhị Điền;${places[0]![1]};${places[0]![0]}\nChợ Tân An;${places[1]![1]};${places[1]![0]}\nDòng hỏng;abc;\n`;
    const police = await DashboardDriver.open(app.browser, app.origin, '/', { width: 1280, height: 800 }, 'congan');
    await police.page.getByTestId('draw-area').click();
    await police.page.getByTestId('mode-buffer').check();
    await police.page.getByTestId('radius').fill('400');
    await police.page
      .getByTestId('places-file')
      .setInputFiles({ name: 'dia-diem.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await expect(police.page.getByTestId('places-note').textContent()).resolves.toContain('Đã nạp 2 địa điểm');
    await expect(police.page.getByTestId('places-note').textContent()).resolves.toContain('Dòng 4');
    await police.page.getByTestId('area-search').click();
    await police.page.getByTestId('area-summary').waitFor();
    const listed = await police.page
      .locator('[data-testid^="area-hotspot-"]')
      .evaluateAll((rows) => rows.map((r) => Number(r.getAttribute('data-testid')!.split('-').pop())));
    const near = (f: (typeof all)[number], r: number) =>
      places.some((p) => distance(p, f.geometry.coordinates, { units: 'meters' }) < r);
    for (const f of all) {
      if (near(f, 395)) expect(listed).toContain(f.properties.id);
      if (!near(f, 405)) expect(listed).not.toContain(f.properties.id);
    }
    await police.screenshot('test-artifacts/area-buffer-1280x800.png');
    expect(police.consoleErrors).toEqual([]);
  });
});
