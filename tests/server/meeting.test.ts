// The leader's meeting through the API: what each card counts (within what the role may see), and the bar
// "expected by now" of every card computed by hand for two dates.
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { miniProvince } from '../fixtures/mini-province';
import { createTestApp, type TestApp } from '../helpers/app';
import { signIn, type Client } from '../helpers/auth';

let t: TestApp;
let police: Client;
let leader: Client;
const body = async (c: Client, path: string) => {
  const res = await c.get(path);
  expect(res.status, path).toBe(200);
  return res.json() as Promise<any>;
};

beforeAll(async () => {
  t = await createTestApp(miniProvince);
  police = await signIn(t, 'police');
  leader = await signIn(t, 'leader');
});
afterAll(() => t.close());

describe('GET /api/indicators/:id/members', () => {
  it('H1 for police: the four hotspots active in the plan period, two eliminated, with their addresses', async () => {
    const m = await body(police, '/api/indicators/H1/members?date=2024-06-30');
    expect(m).toMatchObject({ indicator: 'H1', asOf: '2024-06-30', computedAt: '2024-06-30', plan: { id: 'p1' } });
    expect(m.hotspots.map((h: any) => [h.address, h.commune, h.numerator, h.denominator])).toEqual([
      ['Ấp 1, xã Tân An', '98101', 1, 1],
      ['Khóm 2, thị trấn Hòa Lợi', '98102', 0, 1],
      ['Khu phố 3, phường Long Đức', '98202', 1, 1],
      ['Khu phố 4, phường Long Đức', '98202', 0, 1],
    ]);
    expect(m.communes.map((c: any) => [c.code, c.name, c.parent.name, c.numerator, c.denominator])).toEqual([
      ['98202', 'Long Đức', 'Cầu Kè', 1, 2],
      ['98101', 'Tân An', 'Châu Thành', 1, 1],
      ['98102', 'Hòa Lợi', 'Châu Thành', 0, 1],
    ]);
  });

  it('for a leader (no need to know) the same counts per commune, and no hotspot at all', async () => {
    const m = await body(leader, '/api/indicators/H1/members?date=2024-06-30');
    expect(m.hotspots).toBeNull();
    expect(m.communes.map((c: any) => [c.code, c.numerator, c.denominator])).toEqual([
      ['98202', 1, 2],
      ['98101', 1, 1],
      ['98102', 0, 1],
    ]);
    expect(JSON.stringify(m)).not.toContain('Khu phố');
  });

  it('T1 within a district lists its selected communes; C1 says who was drug-free a year earlier', async () => {
    const t1 = await body(leader, '/api/indicators/T1/members?date=2024-06-30&unit=981');
    expect(t1.unit).toEqual({ code: '981', name: 'Châu Thành', type: 'Huyện' });
    expect(t1.communes.map((c: any) => [c.code, c.numerator, c.denominator])).toEqual([
      ['98101', 1, 1],
      ['98102', 1, 1],
    ]);
    const c1 = await body(leader, '/api/indicators/C1/members?date=2024-06-30');
    expect(c1.communes.map((c: any) => [c.code, c.numerator, c.previous])).toEqual([
      ['98102', 1, 0],
      ['98202', 1, 1],
      ['98101', 0, 0],
      ['98201', 0, 0],
    ]);
  });

  it('refuses an unknown indicator with 400 naming the field, and an unknown unit with 404', async () => {
    const bad = await leader.get('/api/indicators/X9/members');
    expect(bad.status).toBe(400);
    expect(JSON.stringify(await bad.json())).toContain('indicator');
    expect((await leader.get('/api/indicators/H1/members?unit=77777')).status).toBe(404);
  });
});

describe('GET /api/changes', () => {
  it('2023: status changes grouped by the status reached, dated, with the legal basis; a corrected record is gone', async () => {
    const c = await body(leader, '/api/changes?from=2023-01-01&to=2023-12-31');
    const rows = (group: string) =>
      c.statusChanges
        .find((g: any) => g.group === group)
        .communes.map((x: any) => [x.code, x.previous, x.status, x.effectiveDate, x.legalBasis]);
    expect(c.statusChanges.map((g: any) => g.group)).toEqual([
      'became_complex',
      'transformed',
      'relapsed',
      'became_drug_free',
    ]);
    expect(rows('became_complex')).toEqual([]);
    expect(rows('transformed')).toEqual([
      ['98102', 'complex', 'transformed', '2023-01-01', '6/QĐ-UBND ngày 01/01/2023'],
    ]);
    expect(rows('relapsed')).toEqual([['98101', 'transformed', 'relapsed', '2023-03-01', '3/QĐ-UBND ngày 01/03/2023']]);
    expect(rows('became_drug_free')).toEqual([
      ['98202', 'complex', 'drug_free', '2023-06-01', '13/QĐ-UBND ngày 01/06/2023'],
      ['98102', 'transformed', 'drug_free', '2023-09-01', '8/QĐ-UBND ngày 01/09/2023'],
    ]);
    expect(JSON.stringify(c)).not.toContain('2023-08-01'); // the relapse recorded in error, corrected since
  });

  it('hotspot events of the period: counts per commune for a leader, one by one for police', async () => {
    const c = await body(leader, '/api/changes?from=2023-01-01&to=2023-12-31');
    expect(c.hotspots.total).toEqual({ detected: 1, eliminated: 1, reformed: 0 });
    expect(c.hotspots.communes.map((x: any) => [x.code, x.detected, x.eliminated, x.reformed])).toEqual([
      ['98101', 0, 1, 0],
      ['98202', 1, 0, 0],
    ]);
    expect(c.hotspots.list).toBeNull();
    const p = await body(police, '/api/changes?from=2022-01-01&to=2022-12-31');
    expect(p.hotspots.list.map((h: any) => [h.address, h.detected, h.eliminated, h.reformed])).toEqual([
      ['Ấp 1, xã Tân An', 0, 0, 1],
      ['Khu phố 3, phường Long Đức', 1, 0, 0],
    ]);
  });

  it('within a district, and refusals: reversed dates and a missing start are 400 naming the field', async () => {
    const c = await body(leader, '/api/changes?from=2023-01-01&to=2023-12-31&within=982');
    expect(c.statusChanges.flatMap((g: any) => g.communes.map((x: any) => x.code))).toEqual(['98202']);
    for (const path of ['/api/changes?from=2023-12-31&to=2023-01-01', '/api/changes?to=2023-01-01']) {
      const res = await leader.get(path);
      expect(res.status, path).toBe(400);
      expect(JSON.stringify(await res.json()), path).toContain('from');
    }
  });
});

describe('GET /api/compare: two dates side by side', () => {
  it('the communes whose status differs on 1/1/2023 and 30/6/2024 (a relapse and back in between is no change)', async () => {
    const c = await body(leader, '/api/compare?a=2023-01-01&b=2024-06-30');
    // Tân An: transformed on both days (relapsed 1/3/2023, transformed again 1/2/2024); Phước Hưng complex on both.
    expect(c.communes.map((x: any) => [x.code, x.name, x.parent.name, x.before, x.after])).toEqual([
      ['98202', 'Long Đức', 'Cầu Kè', 'complex', 'drug_free'],
      ['98102', 'Hòa Lợi', 'Châu Thành', 'transformed', 'drug_free'],
    ]);
    expect(c.a).toEqual({ asOf: '2023-01-01', changed: ['98102', '98202'] });
    expect(c.b).toEqual({ asOf: '2024-06-30', changed: ['98102', '98202'] });
  });

  it('the six indicators on both days, as /api/indicators gives them; drug-free communes 0 then 2', async () => {
    const c = await body(leader, '/api/compare?a=2023-01-01&b=2024-06-30');
    expect(c.plan.id).toBe('p1');
    expect(c.indicators.map((i: any) => i.id)).toEqual(['H1', 'H2', 'H3', 'T1', 'T2', 'C1']);
    const [a, b] = [
      await body(leader, '/api/indicators?plan=p1&date=2023-01-01'),
      await body(leader, '/api/indicators?plan=p1&date=2024-06-30'),
    ];
    expect(c.indicators.map((i: any) => i.a)).toEqual(a.indicators);
    expect(c.indicators.map((i: any) => i.b)).toEqual(b.indicators);
    const c1 = c.indicators.find((i: any) => i.id === 'C1');
    expect([c1.a.value, c1.b.value]).toEqual([0, 2]);
  });

  it('dates in either order, within a district; a missing or malformed date is 400 naming the field', async () => {
    const c = await body(leader, '/api/compare?a=2024-06-30&b=2023-01-01&unit=981');
    expect(c.communes.map((x: any) => [x.code, x.before, x.after])).toEqual([['98102', 'transformed', 'drug_free']]);
    expect(c.a).toEqual({ asOf: '2024-06-30', changed: ['98102'] });
    for (const path of ['/api/compare?b=2023-01-01', '/api/compare?a=2023-02-30']) {
      const res = await leader.get(path);
      expect(res.status, path).toBe(400);
      expect(JSON.stringify(await res.json()), path).toContain('query.a');
    }
  });
});

describe('GET /api/indicators/ranking/export: the district table as XLSX', () => {
  it('every district with every indicator side by side, numbers as numbers, lagging cells shaded', async () => {
    const res = await leader.get('/api/indicators/ranking/export?date=2024-06-30');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toContain('chi-tieu-theo-don-vi-2024-06-30.xlsx');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(await res.arrayBuffer());
    const sheet = book.worksheets[0]!;
    expect(sheet.getCell('A1').value).toBe('Tiến độ thực hiện chỉ tiêu theo đơn vị');
    expect(sheet.getCell('A2').value).toBe(
      'Kế hoạch 2021–2025 (3220/KH-UBND ngày 25/9/2023) — số liệu tính đến ngày 30/06/2024',
    );
    expect(sheet.getCell('B3').value).toBe('H1. Điểm, tụ điểm đã triệt xóa');
    expect(sheet.getCell('B4').value).toBe('Giá trị (mục tiêu ≥ 80%)');
    expect(sheet.getCell('Q3').value).toBe('C1. Xã không có tệ nạn ma túy');
    const row = (n: number) => sheet.getRow(n);
    const [chauThanh, cauKe] = [row(5), row(6)];
    expect(chauThanh.getCell(1).value).toBe('Huyện Châu Thành');
    expect(cauKe.getCell(1).value).toBe('Huyện Cầu Kè');
    // H1 in Châu Thành: h1 eliminated of h1, h2 → 50 %, below the 55.9 % due by 30/06/2024: shaded.
    expect(chauThanh.getCell(2).value).toBe(0.5);
    expect(chauThanh.getCell(2).numFmt).toBe('0.0%');
    expect(chauThanh.getCell(3).value).toBe('1/2');
    expect(chauThanh.getCell(4).value).toBeCloseTo((0.8 * 1276) / 1825, 12);
    expect((chauThanh.getCell(2).fill as any)?.fgColor?.argb).toBe('FFF8D7D3');
    // T1 in Châu Thành: both selected communes transformed (100 %): on track, not shaded.
    expect(chauThanh.getCell(11).value).toBe(1);
    expect(chauThanh.getCell(12).value).toBe('2/2');
    expect((chauThanh.getCell(11).fill as any)?.fgColor?.argb).toBeUndefined();
    // C1 in Cầu Kè: 98202 drug-free now and a year earlier, 98201 not: 1 of 2, no change.
    expect(cauKe.getCell(17).value).toBe(1);
    expect(cauKe.getCell(18).value).toBe('1/2 (+0 so với 1 năm trước)');
  });
});

describe('expected by now: the plan projection of each target, by hand', () => {
  // Plan p1: 01/01/2021 – 31/12/2025, 1,825 days. Linear targets rise from 0 to their value over the plan,
  // H2 (−5 %) within each calendar year, H3, T2 and C1 apply in full at every date.
  const cases: [string, Record<string, number>][] = [
    [
      '2022-12-31', // 729 days into the plan; the whole of 2022
      { H1: (0.8 * 729) / 1825, H2: -0.05, H3: 0, T1: (0.6 * 729) / 1825, T2: 0.85, C1: 0 },
    ],
    [
      '2024-06-30', // 1,276 days into the plan; 182 of 2024's 366 days
      { H1: (0.8 * 1276) / 1825, H2: (-0.05 * 182) / 366, H3: 0, T1: (0.6 * 1276) / 1825, T2: 0.85, C1: 0 },
    ],
  ];
  for (const [date, expected] of cases)
    it(`on ${date}`, async () => {
      const report = await body(leader, `/api/indicators?date=${date}`);
      // Every card has a bar on both dates: the mini province has data for all six.
      expect(report.indicators.map((i: any) => i.id)).toEqual(['H1', 'H2', 'H3', 'T1', 'T2', 'C1']);
      for (const i of report.indicators) expect(i.expected, i.id).toBeCloseTo(expected[i.id]!, 12);
    });
});
