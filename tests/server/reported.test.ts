// Reported indicators through the API, computed by hand from the mini province's figures (tests/fixtures): R1 counts
// a year (+5% on the previous one), R2 a quarter's share (over 90%); due 10 days after a period, locked after 30.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { miniProvince } from '../fixtures/mini-province';
import { createTestApp, type TestApp } from '../helpers/app';
import { signIn, type Client } from '../helpers/auth';

let t: TestApp;
let leader: Client;
const body = async (c: Client, path: string) => {
  const res = await c.get(path);
  expect(res.status, path).toBe(200);
  return res.json() as Promise<any>;
};
const pick = (list: any[], code: string) => list.find((i) => i.code === code);

beforeAll(async () => {
  t = await createTestApp(miniProvince);
  leader = await signIn(t, 'leader');
});
afterAll(() => t.close());

describe('GET /api/reported', () => {
  it('R1 for 2023 on 30/6/2024: the province 110 + 40 = 150 against 150 × 1.05 = 157.5, behind', async () => {
    const r = await body(leader, '/api/reported?date=2024-06-30');
    const r1 = pick(r.indicators, 'R1');
    expect(r1).toMatchObject({
      periodKey: '2023',
      numerator: 150,
      value: 150,
      bar: 157.5,
      onTrack: false,
      base: { key: '2022', value: 150 },
      start: '2023-01-01',
      end: '2023-12-31',
      due: '2024-01-10',
      locked: true,
    });
    expect(r1.name).toEqual({
      vi: 'Số vụ phạm tội về ma túy được phát hiện, xử lý',
      en: 'Drug crimes detected and handled',
    });
    // By district: Châu Thành 110 against 105 (on track), Cầu Kè 40 against 52.5 (behind).
    const byDistrict = r.children.map((c: any) => [
      c.code,
      c.name,
      pick(c.indicators, 'R1').value,
      pick(c.indicators, 'R1').bar,
      pick(c.indicators, 'R1').onTrack,
    ]);
    expect(byDistrict).toEqual([
      ['981', 'Châu Thành', 110, 105, true],
      ['982', 'Cầu Kè', 40, 52.5, false],
    ]);
  });

  it('R2 for Q1 2024 on 20/4/2024: 9/10 and 18/20 are 27/30 = 90%, not over 90%; one district sent late', async () => {
    const r2 = pick((await body(leader, '/api/reported?date=2024-04-20')).indicators, 'R2');
    expect(r2).toMatchObject({
      periodKey: '2024-Q1',
      numerator: 27,
      denominator: 30,
      value: 0.9,
      bar: 0.9,
      onTrack: false,
      due: '2024-04-10',
    });
    expect(r2.completeness).toEqual({ expected: 2, approved: 2, pending: 0, missing: 0, sentLate: 1, onTime: 1 });
  });

  it('R2 for Q2 2024 on 30/6/2024: nothing approved yet, one waiting, none missing before the due day', async () => {
    const r2 = pick((await body(leader, '/api/reported?date=2024-06-30')).indicators, 'R2');
    expect(r2).toMatchObject({ periodKey: '2024-Q2', value: null, onTrack: null, locked: false });
    expect(r2.completeness).toEqual({ expected: 2, approved: 0, pending: 1, missing: 0, sentLate: 0, onTime: 1 });
  });

  it('within a district, and a year before any period has ended', async () => {
    const r = await body(leader, '/api/reported?date=2024-06-30&unit=982');
    expect(r.unit).toEqual({ code: '982', name: 'Cầu Kè', type: 'Huyện' });
    expect(pick(r.indicators, 'R1')).toMatchObject({ value: 40, bar: 52.5, onTrack: false });
    const early = await body(leader, '/api/reported?date=2021-06-30');
    expect(pick(early.indicators, 'R1')).toMatchObject({ periodKey: null, value: null, completeness: null });
  });
});
