// The status workflow across three browsers: an editor proposes, an approver approves, and a leader's dashboard,
// open all along, shows the dashed outline and then the new colour without reloading.
import { expect, it } from 'vitest';
import { STATUS_TRANSITIONS, type CommuneStatus } from '../../geo/status';
import { pointOnFeature } from '@turf/turf';
import { apiReader, signInOverHttp } from './api-session';
import { appAndBrowser, describeInBrowser } from './app-server';
import { DashboardDriver } from './driver';
import { STATUS_FILL } from './commune-pixels';

describeInBrowser('status workflow in Chromium', () => {
  const app = appAndBrowser(18972);

  it('editor proposes, approver approves, the leader sees the dashed outline and then the new colour live', async () => {
    const asEditor = await apiReader(app.origin, 'bientap');
    const { communes } = await asEditor('/api/my-area');
    const target = communes.find(
      (c: any) =>
        c.status &&
        c.pendingProposalId === null &&
        STATUS_TRANSITIONS[c.status as CommuneStatus].some((s) => s !== 'transformed'),
    );
    const next = STATUS_TRANSITIONS[target.status as CommuneStatus].find((s) => s !== 'transformed')!;

    const leader = await DashboardDriver.open(app.browser, app.origin, '/', { width: 1280, height: 720 }, 'lanhdao');
    await leader.page.evaluate(() => ((window as any).__notReloaded = true));
    const colourOf = async () => (await leader.drawnCommunes()).find((c) => c.code === target.code)!;
    expect(await colourOf()).toMatchObject({
      status: target.status,
      color: STATUS_FILL[target.status as CommuneStatus],
    });

    const editor = await DashboardDriver.open(
      app.browser,
      app.origin,
      `/?commune=${target.code}`,
      { width: 420, height: 900 },
      'bientap',
    );
    await editor.page.getByTestId('propose').click();
    const form = editor.page.getByTestId('proposal-form');
    await form.locator('select[name="status"]').selectOption(next);
    await form.locator('input[name="documentNumber"]').fill('15/QĐ-UBND');
    await form.locator('textarea[name="note"]').fill('Kết quả rà soát quý IV');
    await editor.page.getByTestId('proposal-submit').click();
    await editor.page.getByTestId('proposal-sent').waitFor();
    await editor.page.screenshot({ path: 'test-artifacts/proposal-phone-420x900.png', fullPage: true });

    // The leader's map: dashed outline for the pending proposal, colour unchanged (it does not count yet).
    await leader.page.waitForFunction(
      (code) => (window as any).__map.querySourceFeatures('pending').some((f: any) => f.properties.code === code),
      target.code,
    );
    expect((await colourOf()).status).toBe(target.status);

    const approver = await DashboardDriver.open(app.browser, app.origin, '/', { width: 1280, height: 720 }, 'pheduyet');
    await approver.page.getByTestId('nav-queue').click();
    const item = approver.page.locator(`[data-commune="${target.code}"]`);
    await item.waitFor();
    await expect(item.textContent()).resolves.toContain('15/QĐ-UBND');
    await item.locator('button[data-testid^="approve-"]').click();
    await item.waitFor({ state: 'detached' });

    // The new colour arrives through the live events, without a reload.
    await leader.page.waitForFunction(
      ([code, status]) =>
        (window as any).__map
          .queryRenderedFeatures({ layers: ['commune-fill'] })
          .some((f: any) => f.properties.code === code && f.state.status === status),
      [target.code, next] as const,
    );
    await leader.waitForMap();
    expect(await colourOf()).toMatchObject({ status: next, color: STATUS_FILL[next] });
    expect(await leader.page.evaluate(() => (window as any).__notReloaded)).toBe(true);
    await leader.page.waitForFunction(
      (code) => !(window as any).__map.querySourceFeatures('pending').some((f: any) => f.properties.code === code),
      target.code,
    );
    await leader.screenshot('test-artifacts/leader-after-approval-1280x720.png');
    for (const d of [leader, editor, approver]) {
      expect(d.outsideRequests).toEqual([]);
      expect(d.consoleErrors).toEqual([]);
    }
  });

  it('an admin creates a user who signs in and changes the password; the audit page shows it and verifies the chain', async () => {
    const admin = await DashboardDriver.open(app.browser, app.origin, '/', { width: 1280, height: 720 }, 'quantri');
    await admin.page.getByTestId('nav-users').click();
    const form = admin.page.getByTestId('user-create');
    await form.getByLabel('Tên đăng nhập').fill('canbo.moi');
    await form.getByLabel('Họ tên').fill('Lê Thị Mới');
    await form.getByLabel('role').selectOption('editor');
    await form.getByLabel('Địa bàn (mã đơn vị, cách nhau bởi dấu phẩy)').fill('993');
    await form.getByLabel('Mật khẩu').fill('Mat-khau-ban-dau-1');
    await form.getByRole('button', { name: 'Tạo người dùng' }).click();
    await admin.page.getByTestId('user-canbo.moi').waitFor();
    await admin.screenshot('test-artifacts/users-1280x720.png');

    const user = await DashboardDriver.open(
      app.browser,
      app.origin,
      '/',
      { width: 1280, height: 720 },
      'canbo.moi',
      'Mat-khau-ban-dau-1',
    );
    await user.page.getByTestId('nav-area').click();
    const rows = user.page.locator('[data-testid^="area-99"]');
    await rows.first().waitFor();
    const asEditor = await apiReader(app.origin, 'bientap');
    expect(await rows.count()).toBe((await asEditor('/api/my-area')).communes.length);
    await user.screenshot('test-artifacts/my-area-1280x720.png');
    await user.page.getByTestId('nav-account').click();
    const pw = user.page.getByTestId('password-form');
    await pw.locator('input[name="current"]').fill('Mat-khau-ban-dau-1');
    await pw.locator('input[name="next"]').fill('Mat-khau-rieng-2026');
    await pw.locator('input[name="repeat"]').fill('Mat-khau-rieng-2026');
    await pw.getByRole('button', { name: 'Đổi mật khẩu' }).click();
    await expect(user.page.getByTestId('password-result').textContent()).resolves.toBe('Đã lưu');

    await admin.page.getByTestId('nav-audit').click();
    await admin.page.getByTestId('audit-verify').click();
    await expect(admin.page.getByTestId('audit-result').textContent()).resolves.toMatch(/^Nhật ký nguyên vẹn/);
    const text = await admin.page.getByTestId('audit-page').textContent();
    for (const action of ['user_create', 'password_change', 'proposal_approve', 'login'])
      expect(text).toContain(action);
    await admin.screenshot('test-artifacts/audit-1280x720.png');
    for (const d of [admin, user]) expect(d.consoleErrors).toEqual([]);
  });

  it("a detection in a drug-free commune shows a relapse marker on the map and in the editor's area, until dismissed", async () => {
    const asEditor = await apiReader(app.origin, 'bientap');
    const { communes } = await asEditor('/api/my-area');
    const target = communes.find(
      (c: any) => (c.status === 'drug_free' || c.status === 'transformed') && c.openFlagId === null,
    );
    const fc = await asEditor('/api/communes');
    const feature = fc.features.find((f: any) => f.properties.code === target.code);
    const at = pointOnFeature(feature).geometry.coordinates;
    const { cookie, csrf } = await signInOverHttp(app.origin, 'congan');
    const made = await fetch(`${app.origin}/api/hotspots`, {
      method: 'POST',
      headers: { Cookie: cookie, 'X-CSRF-Token': csrf, Origin: app.origin, 'Content-Type': 'application/json' },
      body: JSON.stringify({
        location: at,
        address: 'Quán nước đầu ấp',
        kind: 'diem',
        activities: ['using'],
        detectedOn: (await asEditor('/api/health')).today,
        acknowledgeDuplicates: true,
      }),
    });
    expect(made.status).toBe(201);

    const editor = await DashboardDriver.open(app.browser, app.origin, '/', { width: 1280, height: 720 }, 'bientap');
    await editor.page.waitForFunction(
      (code) => (window as any).__map.querySourceFeatures('flags').some((f: any) => f.properties.code === code),
      target.code,
    );
    await editor.page.getByTestId('legend-flag').waitFor();
    await editor.screenshot('test-artifacts/relapse-flag-1280x720.png');
    await editor.page.getByTestId('nav-area').click();
    const row = editor.page.getByTestId(`area-${target.code}`);
    await row.locator('[data-testid^="flag-"]').waitFor();
    await row.getByRole('button', { name: 'Bỏ qua' }).click();
    await row.locator('[data-testid^="flag-"]').waitFor({ state: 'detached' });
    expect((await asEditor('/api/flags')).flags.some((f: any) => f.commune.code === target.code)).toBe(false);
    expect(editor.consoleErrors).toEqual([]);
  });

  it('police search hotspots without diacritics, page through them, and download the same list', async () => {
    const asPolice = await apiReader(app.origin, 'congan');
    const fold = (a: string) =>
      a
        .normalize('NFD')
        .replace(/[\u0300-\u036f]/g, '')
        .replace(/đ/g, 'd')
        .replace(/Đ/g, 'd')
        .toLowerCase();
    // A commune name as it appears in an address, typed without diacritics: "Tân Đức" → "tan duc".
    const sample = (await asPolice('/api/hotspots?limit=1')).features[0].properties.address as string;
    const typed = fold(
      sample
        .split(', ')
        .at(-1)!
        .replace(/^(xã|phường|thị trấn) /i, ''),
    );
    const expected = await asPolice(`/api/hotspots?q=${encodeURIComponent(typed)}&limit=1`);
    expect(expected.total).toBeGreaterThan(0);
    const police = await DashboardDriver.open(app.browser, app.origin, '/', { width: 1280, height: 720 }, 'congan');
    await police.page.getByTestId('nav-search').click();
    const form = police.page.getByTestId('search-form');
    await form.locator('input[name="q"]').fill(typed);
    await form.getByRole('button', { name: 'Tìm' }).click();
    await police.page.waitForFunction(
      (n) => document.querySelector('[data-testid="search-total"]')?.textContent === `Tìm thấy ${n} điểm, tụ điểm`,
      expected.total,
    );
    const addresses = await police.page.locator('[data-testid^="hotspot-"] td:nth-child(2)').allTextContents();
    expect(addresses.length).toBe(Math.min(50, expected.total));
    expect(fold(addresses[0]!)).toContain(typed); // the phrase as typed comes first
    await police.screenshot('test-artifacts/hotspot-search-1280x720.png');
    const href = await police.page.getByTestId('export-csv').getAttribute('href');
    const csv = await police.page.request.get(app.origin + href!);
    expect(csv.status()).toBe(200);
    const text = await csv.text();
    expect(text.split('\n').filter(Boolean).length).toBe(expected.total + 1);
    expect(fold(text)).toContain(typed);
    expect(police.consoleErrors).toEqual([]);
  });

  it('police add a hotspot by clicking the map; the commune comes from the point; a second one there is flagged as a likely duplicate', async () => {
    const asPolice = await apiReader(app.origin, 'congan');
    const fc = await asPolice('/api/communes');
    const feature = fc.features.find((f: any) => f.properties.code === '99050') ?? fc.features[10];
    const at = pointOnFeature(feature).geometry.coordinates as [number, number];
    const police = await DashboardDriver.open(app.browser, app.origin, '/', { width: 1280, height: 720 }, 'congan');
    const add = async (address: string) => {
      await police.page.getByTestId('add-hotspot').click();
      const { x, y } = await police.page.evaluate((p) => (window as any).__map.project(p), at);
      const box = (await police.page.getByTestId('map').boundingBox())!;
      await police.page.mouse.click(box.x + x, box.y + y);
      const form = police.page.getByTestId('hotspot-form');
      await form.waitFor();
      await form.locator('input[name="address"]').fill(address);
      await police.page.getByTestId('hotspot-submit').click();
      return form;
    };
    await add('Quán cà phê ven kênh');
    await expect(police.page.getByTestId('hotspot-saved').textContent()).resolves.toBe(
      `Đã lưu điểm mới thuộc ${feature.properties.type} ${feature.properties.name}`,
    );
    const list = await asPolice(`/api/hotspots?q=${encodeURIComponent('quán cà phê ven kênh')}`);
    expect(list.features).toHaveLength(1);
    expect(list.features[0].properties.communeCode).toBe(feature.properties.code);
    await police.page.waitForFunction(async () =>
      ((await (window as any).__map.getSource('hotspots').getData()).features as any[]).some(
        (f) => f.properties.address === 'Quán cà phê ven kênh',
      ),
    );

    const form = await add('Quán cà phê ven kênh (lần 2)');
    await form.getByTestId('duplicates').waitFor();
    await expect(form.getByTestId('duplicates').textContent()).resolves.toContain('Quán cà phê ven kênh');
    await police.screenshot('test-artifacts/hotspot-duplicate-1280x720.png');
    await police.page.getByTestId('hotspot-submit').click(); // "checked — save as a new hotspot"
    await police.page.getByTestId('hotspot-saved').waitFor();
    expect((await asPolice(`/api/hotspots?q=${encodeURIComponent('quán cà phê ven kênh')}`)).features).toHaveLength(2);
    expect(police.consoleErrors.filter((e) => !/409/.test(e))).toEqual([]);
  });
});
