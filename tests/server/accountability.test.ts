// Accountability through the API, by hand from the mini province: Phước Hưng complex since 10/1/2021.
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
beforeAll(async () => {
  t = await createTestApp(miniProvince);
  leader = await signIn(t, 'leader');
});
afterAll(() => t.close());

describe('GET /api/accountability', () => {
  it('30/6/2024: Phước Hưng complex 1,267 days (over 24 months), its leaders in office since then', async () => {
    const a = await body(leader, '/api/accountability?date=2024-06-30');
    expect(a.months).toBe(24);
    expect(a.communes).toEqual([
      {
        code: '98201',
        name: 'Phước Hưng',
        type: 'Xã',
        parent: { code: '982', name: 'Cầu Kè', type: 'Huyện' },
        status: 'complex',
        since: '2021-01-10',
        days: 1267,
        officials: [
          { role: 'party_secretary', name: 'Trần Thị Bình', from: '2021-01-01', to: null },
          { role: 'chairman', name: 'Lê Văn Cường', from: '2019-06-01', to: null },
        ],
        hotspots: { active: 0, detected: 0, eliminated: 0, reformed: 0 },
      },
    ]);
  });

  it('nobody on 31/12/2022 (Phước Hưng two years on 10/1/2023), nor after its transformation', async () => {
    expect((await body(leader, '/api/accountability?date=2022-12-31')).communes).toEqual([]);
    expect((await body(leader, '/api/accountability?date=2023-01-10')).communes.map((c: any) => c.code)).toEqual([
      '98201',
    ]);
    expect((await body(leader, '/api/accountability?date=2024-09-01')).communes).toEqual([]);
    expect((await body(leader, '/api/accountability?date=2024-06-30&unit=981')).communes).toEqual([]);
  });

  it('the plan sets the time: with 12 months, Tân An complex since 10/1/2021 is listed on 1/3/2022', async () => {
    const data = structuredClone(miniProvince) as any;
    data.plans[0].accountabilityMonths = 12;
    const other = await createTestApp(data);
    try {
      const reader = await signIn(other, 'leader');
      const a = await body(reader, '/api/accountability?date=2022-03-01');
      expect(a.months).toBe(12);
      expect(a.communes.map((c: any) => [c.code, c.since, c.days])).toEqual([
        ['98201', '2021-01-10', 415],
        ['98101', '2021-01-10', 415],
        ['98102', '2021-01-10', 415],
      ]);
    } finally {
      await other.close();
    }
  });
});
