// Reported figures in Chromium, as the three users meet them: the district officer of Cầu Mây enters a quarter's
// share of drug cases tried, the province's approver approves it, the leader sees the province's figure for that
// quarter computed from the approved entries (summed here from the API) on the dashboard's card.
import { expect, it } from 'vitest';
import { apiReader, signInOverHttp } from './api-session';
import { appAndBrowser, describeInBrowser } from './app-server';
import { DashboardDriver } from './driver';

/** The latest quarter ended by `today`, its key and last day. */
function lastQuarter(today: string) {
  const [y, m] = [Number(today.slice(0, 4)), Number(today.slice(5, 7))];
  const q = Math.ceil(m / 3) - 1;
  const [year, quarter] = q === 0 ? [y - 1, 4] : [y, q];
  const end = new Date(Date.UTC(year, quarter * 3, 0)).toISOString().slice(0, 10);
  return { key: `${year}-Q${quarter}`, end, label: `Quý ${quarter}/${year}` };
}
const percentVi = (v: number) =>
  new Intl.NumberFormat('vi-VN', { style: 'percent', maximumFractionDigits: 1 }).format(v);

describeInBrowser('reported figures in Chromium', () => {
  const app = appAndBrowser(18979);

  it('a district officer enters a quarter, an approver approves it, the leader sees it on the card', async () => {
    const read = await apiReader(app.origin, 'lanhdao');
    const { today } = await read('/api/health');
    const { plan } = await read(`/api/indicators?date=${today}`);
    const quarter = lastQuarter(today);
    // The quarter may have locked 30 days after its end: the administrator opens it again for a week.
    const admin = await signInOverHttp(app.origin, 'quantri');
    const week = new Date(Date.parse(`${today}T00:00:00Z`) + 7 * 86_400_000).toISOString().slice(0, 10);
    const reopened = await fetch(`${app.origin}/api/reported/reopenings`, {
      method: 'POST',
      headers: {
        'Content-Type': 'application/json',
        Origin: app.origin,
        Cookie: admin.cookie,
        'X-CSRF-Token': admin.csrf,
      },
      body: JSON.stringify({
        plan: plan.id,
        period: 'quarter',
        key: quarter.key,
        until: week,
        reason: 'Bổ sung số liệu',
      }),
    });
    expect(reopened.status, await reopened.clone().text()).toBe(201);

    const officer = await DashboardDriver.open(app.browser, app.origin, '/', { width: 1280, height: 900 }, 'bientap');
    await officer.page.getByTestId('nav-reports').click();
    const form = officer.page.getByTestId('reported-form');
    await form.locator('select[name="code"]').selectOption('R2');
    await expect(form.locator('select[name="unit"] option').allTextContents()).resolves.toEqual(['Huyện Cầu Mây']);
    await form.locator('input[name="period"]').fill(quarter.key);
    await form.locator('input[name="numerator"]').fill('21');
    await form.locator('input[name="denominator"]').fill('20');
    await officer.page.getByTestId('reported-send').click();
    // 21 of 20 cases is refused, the numerator marked.
    await expect(officer.page.getByTestId('reported-message').textContent()).resolves.toContain(
      'tỷ lệ không thể quá 100%',
    );
    await form.locator('label.invalid input[name="numerator"]').waitFor();
    await form.locator('input[name="numerator"]').fill('19');
    await form.locator('input[name="note"]').fill('Số liệu quý của Viện kiểm sát huyện');
    await officer.page.getByTestId('reported-send').click();
    await officer.page.getByText('Đã gửi, chờ duyệt').waitFor();
    // The officer's list shows the entry waiting.
    const mine = officer.page.getByTestId('reported-recent').locator('li[data-state="pending"]');
    await expect(mine.first().textContent()).resolves.toContain(
      `R2 · Huyện Cầu Mây · ${quarter.label}: 19/20 (95%) — Chờ duyệt`,
    );
    await officer.page.screenshot({ path: 'test-artifacts/reported-entry-1280x900.png' });
    // The period's Excel template downloads for the officer's district.
    await officer.page.locator('input[name="file-period"]').fill(quarter.key);
    const href = await officer.page.getByTestId('reported-template').getAttribute('href');
    const xlsx = await officer.page.request.get(app.origin + href!);
    expect(xlsx.headers()['content-disposition']).toContain(`so-lieu-${plan.id}-${quarter.key}.xlsx`);

    const approver = await DashboardDriver.open(app.browser, app.origin, '/', { width: 1280, height: 900 }, 'pheduyet');
    await approver.page.getByTestId('nav-reports').click();
    const waiting = approver.page.getByTestId('reported-waiting').locator('li', { hasText: 'Huyện Cầu Mây' });
    await expect(waiting.textContent()).resolves.toContain('19/20');
    await waiting.locator('button', { hasText: 'Phê duyệt' }).click();
    await waiting.waitFor({ state: 'detached' });
    // The reporting table: Cầu Mây's R2 approved.
    await expect(approver.page.getByTestId('completeness-993').textContent()).resolves.toContain('đã duyệt');
    await approver.page.screenshot({ path: 'test-artifacts/reported-approver-1280x900.png', fullPage: true });

    const { values } = await read(`/api/reported/values?plan=${plan.id}&code=R2&period=${quarter.key}&state=approved`);
    expect(values.find((v: any) => v.unit.code === '993')).toMatchObject({ numerator: 19, denominator: 20 });
    const [num, den] = values.reduce(([n, d]: number[], v: any) => [n + v.numerator, d + v.denominator], [0, 0]);
    const leader = await DashboardDriver.open(
      app.browser,
      app.origin,
      `/?date=${quarter.end}`,
      { width: 1280, height: 900 },
      'lanhdao',
    );
    const card = leader.page.getByTestId('reported-R2');
    await card.scrollIntoViewIfNeeded();
    await expect(leader.page.getByTestId('reported-value-R2').textContent()).resolves.toBe(percentVi(num / den));
    await expect(card.textContent()).resolves.toContain(quarter.label);
    await expect(card.textContent()).resolves.toContain(`${num}/${den}`);
    await expect(leader.page.getByTestId('reported-completeness-R2').textContent()).resolves.toMatch(
      /^\d+\/9 đơn vị đã báo cáo/,
    );
    await leader.page.screenshot({ path: 'test-artifacts/reported-cards-1280x900.png', fullPage: true });
    // The officer's refused entry is the one failed request the browser logs.
    expect(officer.consoleErrors).toEqual([
      'Failed to load resource: the server responded with a status of 400 (Bad Request)',
    ]);
    for (const d of [approver, leader]) expect(d.consoleErrors).toEqual([]);
    for (const d of [officer, approver, leader]) expect(d.outsideRequests).toEqual([]);
  });
});
