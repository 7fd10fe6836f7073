// The leader's meeting in Chromium: cards that say what is due by now and list what they count, the district table
// sorted as its numbers read, what changed in the year, and the brief downloaded as a PDF.
import { expect, it } from 'vitest';
import { apiReader } from './api-session';
import { appAndBrowser, describeInBrowser } from './app-server';
import { DashboardDriver } from './driver';

const DAY = 86_400_000;
const days = (from: string, to: string) => Math.round((Date.parse(to) - Date.parse(from)) / DAY);
const percentVi = (v: number) =>
  new Intl.NumberFormat('vi-VN', { style: 'percent', maximumFractionDigits: 1 }).format(v);

describeInBrowser('meeting tools in Chromium', () => {
  const app = appAndBrowser(18976);

  it('H1 says what is due by now: the target times the share of the plan elapsed, computed here', async () => {
    const read = await apiReader(app.origin, 'lanhdao');
    const { today } = await read('/api/health');
    const leader = await DashboardDriver.open(app.browser, app.origin, '/', { width: 1280, height: 720 }, 'lanhdao');
    const report = await read(`/api/indicators?date=${today}`);
    const { plans } = await read('/api/plans');
    const plan = plans.find((p: any) => p.id === report.plan.id);
    const h1 = plan.targets.H1;
    expect(h1.projection).toBe('linear');
    const due = (h1.value * days(plan.start, today)) / days(plan.start, plan.end);
    await expect(leader.page.getByTestId('indicator-expected-H1').textContent()).resolves.toBe(
      `cần đạt ${percentVi(due)} đến nay`,
    );
    await expect(leader.page.getByTestId('indicator-expected-C1').textContent()).resolves.toMatch(
      /^một năm trước: \d+ xã$/,
    );

    await leader.page.getByTestId('indicator-open-T1').click();
    const members = await read(`/api/indicators/T1/members?plan=${plan.id}&date=${today}`);
    const rows = leader.page.getByTestId('members-communes').locator('tbody tr');
    await rows.first().waitFor();
    expect(await rows.count()).toBe(members.communes.length);
    expect(await leader.page.getByTestId('members-hotspots').count()).toBe(0);
    const first = members.communes[0];
    await rows.first().locator('button').click();
    await leader.page.waitForURL((u) => u.searchParams.get('commune') === first.code);
    expect(leader.consoleErrors).toEqual([]);
    expect(leader.outsideRequests).toEqual([]);
  });

  it('the district table sorts by the numbers it shows and marks lagging cells; the brief downloads', async () => {
    const leader = await DashboardDriver.open(app.browser, app.origin, '/', { width: 1280, height: 720 }, 'lanhdao');
    await leader.page.getByTestId('open-district-table').click();
    const table = leader.page.getByTestId('district-table');
    await table.waitFor();
    await leader.page.getByTestId('sort-H1').click();
    const shown = await table.locator('tbody td[data-id="H1"] strong').allTextContents();
    const numbers = shown.filter((s) => s !== '—').map((s) => Number(s.replace('%', '').replace(',', '.')));
    expect(numbers.length).toBeGreaterThan(3);
    expect([...numbers].sort((a, b) => b - a)).toEqual(numbers);
    expect(await table.locator('td.lagging').count()).toBeGreaterThan(0);
    await leader.page.screenshot({ path: 'test-artifacts/meeting-district-table-1280x720.png' });
    await leader.page.keyboard.press('Escape');
    await table.waitFor({ state: 'detached' });

    await leader.page.getByTestId('open-changes').click();
    await leader.page.getByTestId('changes-period').selectOption('year');
    const read = await apiReader(app.origin, 'lanhdao');
    const { today } = await read('/api/health');
    const range = `01/01/${today.slice(0, 4)} – ${today.split('-').reverse().join('/')}`;
    await expect(leader.page.getByTestId('changes-range').textContent()).resolves.toBe(range);
    await leader.page.getByTestId('changes-hotspots').waitFor();
    await leader.page.screenshot({ path: 'test-artifacts/meeting-changes-1280x720.png' });
    await leader.page.keyboard.press('Escape');

    const href = await leader.page.getByTestId('brief-a4').getAttribute('href');
    const pdf = await leader.page.request.get(app.origin + href!);
    expect(pdf.headers()['content-type']).toBe('application/pdf');
    expect(new TextDecoder().decode((await pdf.body()).subarray(0, 5))).toBe('%PDF-');
  });
});
