// Exports opened as a user would: XLSX parsed back into rows, PDF text extracted, CSV and GeoJSON read; each export
// recorded in the audit trail and refused to roles without need to know.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, writeFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { parse } from 'csv-parse/sync';
import { miniProvince } from '../fixtures/mini-province';
import { createTestApp, type TestApp } from '../helpers/app';
import { signIn, type Client } from '../helpers/auth';

let t: TestApp;
let police: Client;
let operationId: number;

beforeAll(async () => {
  t = await createTestApp(miniProvince);
  police = await signIn(t, 'police');
  const { features } = (await (await police.get('/api/hotspots?status=active')).json()) as any;
  // Active on 30/06/2024 (the clock): Khóm 2 (h2) and Khu phố 4 (h5); the operation eliminates Khóm 2.
  expect(features.map((f: any) => f.properties.address).sort()).toEqual([
    'Khu phố 4, phường Long Đức',
    'Khóm 2, thị trấn Hòa Lợi',
  ]);
  const khom2 = features.find((f: any) => f.properties.address === 'Khóm 2, thị trấn Hòa Lợi').properties.id;
  const res = await police.send('POST', '/api/operations', {
    name: 'Đợt cao điểm Hòa Lợi',
    startDate: '2024-06-01',
    endDate: '2024-06-30',
    area: { type: 'circle', center: [106.15, 10.05], radiusM: 4000 },
    units: ['Công an thị trấn Hòa Lợi'],
    targetHotspotIds: features.map((f: any) => f.properties.id),
  });
  expect(res.status, await res.clone().text()).toBe(201);
  operationId = ((await res.json()) as any).id;
  const results = await police.send('POST', `/api/operations/${operationId}/results`, {
    arrested: 4,
    cases: 2,
    seizures: [{ substance: 'Ma túy đá', quantity: 25, unit: 'g' }],
    eliminated: [{ hotspotId: khom2, date: '2024-06-15' }],
  });
  expect(results.status, await results.clone().text()).toBe(200);
});
afterAll(() => t.close());

async function pdfText(bytes: ArrayBuffer): Promise<string> {
  const doc = await getDocument({ data: new Uint8Array(bytes), useSystemFonts: false, isEvalSupported: false }).promise;
  let text = '';
  for (let i = 1; i <= doc.numPages; i++)
    text += (await (await doc.getPage(i)).getTextContent()).items.map((x: any) => x.str ?? '').join(' ') + '\n';
  return text.normalize('NFC');
}

describe('hotspot list exports', () => {
  it('CSV: UTF-8 with BOM, one row per hotspot, Vietnamese intact', async () => {
    const res = await police.get('/api/hotspots/export?format=csv&date=2022-06-30');
    expect(res.headers.get('content-disposition')).toMatch(/\.csv"/);
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]); // the BOM (Response.text() would drop it unseen)
    const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    const rows = parse(text, { bom: true }) as string[][];
    expect(rows[0]).toEqual(['Mã', 'Địa chỉ', 'Xã', 'Loại', 'Hoạt động', 'Tình trạng', 'Từ ngày', 'Vĩ độ', 'Kinh độ']);
    // On 30/06/2022 the fixture has four hotspots (h5 is detected only in 2023), h3 already eliminated.
    expect(rows).toHaveLength(1 + 4);
    const id = expect.stringMatching(/^\d+$/);
    expect(rows.slice(1).sort((a, b) => a[1]!.localeCompare(b[1]!, 'vi'))).toEqual([
      [
        id,
        'Ấp 1, xã Tân An',
        'Xã Tân An',
        'Tụ điểm',
        'Mua bán, Sử dụng',
        'Đang hoạt động',
        '01/03/2022',
        '10.05',
        '106.05',
      ],
      [
        id,
        'Ấp Phước Hòa, xã Phước Hưng',
        'Xã Phước Hưng',
        'Điểm',
        'Chứa chấp',
        'Đã triệt xóa',
        '31/12/2020',
        '10.15',
        '106.05',
      ],
      [
        id,
        'Khóm 2, thị trấn Hòa Lợi',
        'Thị trấn Hòa Lợi',
        'Điểm',
        'Sử dụng',
        'Đang hoạt động',
        '01/07/2021',
        '10.05',
        '106.15',
      ],
      [
        id,
        'Khu phố 3, phường Long Đức',
        'Phường Long Đức',
        'Điểm',
        'Mua bán',
        'Đang hoạt động',
        '01/02/2022',
        '10.15',
        '106.15',
      ],
    ]);
    expect(new Set(rows.slice(1).map((r) => r[0])).size).toBe(4);
  });

  it('XLSX: the workbook opens and holds the same rows', async () => {
    const res = await police.get('/api/hotspots/export?format=xlsx&date=2022-06-30&within=981');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(await res.arrayBuffer());
    const sheet = book.getWorksheet('Điểm, tụ điểm')!;
    expect(sheet.rowCount).toBe(2 + 2); // title, header, and the two hotspots of district 981 on 30/06/2022
    expect(sheet.getRow(2).values).toEqual([
      undefined,
      'Mã',
      'Địa chỉ',
      'Xã',
      'Loại',
      'Hoạt động',
      'Tình trạng',
      'Từ ngày',
      'Vĩ độ',
      'Kinh độ',
    ]);
    const values = sheet
      .getSheetValues()
      .slice(3)
      .map((r: any) => r.slice(1));
    expect(values).toHaveLength(2);
    expect(values.sort((a: any[], b: any[]) => a[1].localeCompare(b[1], 'vi'))).toEqual([
      [
        expect.any(Number),
        'Ấp 1, xã Tân An',
        'Xã Tân An',
        'Tụ điểm',
        'Mua bán, Sử dụng',
        'Đang hoạt động',
        '01/03/2022',
        10.05,
        106.05,
      ],
      [
        expect.any(Number),
        'Khóm 2, thị trấn Hòa Lợi',
        'Thị trấn Hòa Lợi',
        'Điểm',
        'Sử dụng',
        'Đang hoạt động',
        '01/07/2021',
        10.05,
        106.15,
      ],
    ]);
    expect(String(sheet.getCell('A1').value)).toContain('30/06/2022');
  });

  it('GeoJSON: points with their properties', async () => {
    const fc = (await (await police.get('/api/hotspots/export?format=geojson&status=active')).json()) as any;
    expect(fc.type).toBe('FeatureCollection');
    // On 30/06/2024 only Khu phố 4 is active: Khóm 2 was eliminated by the operation on 15/06/2024.
    expect(fc.features).toHaveLength(1);
    expect(fc.features[0].type).toBe('Feature');
    expect(fc.features[0].geometry).toEqual({ type: 'Point', coordinates: [106.12, 10.18] });
    expect(fc.features[0].properties).toMatchObject({
      id: expect.any(Number),
      address: 'Khu phố 4, phường Long Đức',
      kind: 'tu_diem',
      activities: ['organising_use'],
      communeCode: '98202',
      status: 'active',
      since: '2023-03-03',
    });
    const eliminated = (await (
      await police.get('/api/hotspots/export?format=geojson&status=eliminated&date=2024-06-30')
    ).json()) as any;
    expect(
      eliminated.features.map((f: any) => [f.properties.address, f.properties.status, f.properties.since]).sort(),
    ).toEqual([
      ['Khu phố 3, phường Long Đức', 'eliminated', '2024-01-15'],
      ['Khóm 2, thị trấn Hòa Lợi', 'eliminated', '2024-06-15'],
      ['Ấp 1, xã Tân An', 'eliminated', '2023-04-01'],
      ['Ấp Phước Hòa, xã Phước Hưng', 'eliminated', '2020-12-31'],
    ]);
  });
});

describe('operation packet', () => {
  it('XLSX: plan, results and the hotspots with their history', async () => {
    const res = await police.get(`/api/operations/${operationId}/export?format=xlsx`);
    expect(res.status).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(await res.arrayBuffer());
    const plan = book.getWorksheet('Kế hoạch')!;
    const planText = plan.getSheetValues().flat().join(' | ');
    expect(planText).toContain('Đợt cao điểm: Đợt cao điểm Hòa Lợi');
    expect(planText).toContain('01/06/2024 – 30/06/2024');
    expect(planText).toContain('Ma túy đá: 25 g');
    const list = book.getWorksheet('Điểm, tụ điểm')!;
    const rows = list
      .getSheetValues()
      .slice(2)
      .map((r: any) => r.slice(1));
    // The two targets: Khóm 2 (inside the circle, eliminated in the operation) and Khu phố 4 (outside it, still active).
    expect(rows.map((r: any[]) => [r[1], r[2], r[5], r[6], r[7] ?? '']).sort()).toEqual([
      ['Khu phố 4, phường Long Đức', 'Phường Long Đức', 'Đang hoạt động', 'Có', ''],
      ['Khóm 2, thị trấn Hòa Lợi', 'Thị trấn Hòa Lợi', 'Đã triệt xóa', 'Có', '15/06/2024'],
    ]);
    const eliminated = rows.find((r: any[]) => r[7]);
    expect(eliminated[7]).toBe('15/06/2024');
    expect(eliminated[8]).toMatch(/Phát hiện.*; 15\/06\/2024 Triệt xóa \(Đợt cao điểm "Đợt cao điểm Hòa Lợi"\)/);
  });

  it('PDF: the text holds the Vietnamese names with their diacritics', async () => {
    const res = await police.get(`/api/operations/${operationId}/export?format=pdf`);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    const bytes = await res.arrayBuffer();
    mkdirSync('test-artifacts', { recursive: true });
    writeFileSync('test-artifacts/operation-packet.pdf', new Uint8Array(bytes)); // kept for a look
    const text = await pdfText(bytes);
    for (const s of [
      'KẾ HOẠCH ĐỢT CAO ĐIỂM TẤN CÔNG TRẤN ÁP TỘI PHẠM VỀ MA TÚY',
      'Đợt cao điểm Hòa Lợi',
      'Công an thị trấn Hòa Lợi',
      'Khóm 2, thị trấn Hòa Lợi',
      'Thu giữ: Ma túy đá',
      'Triệt xóa',
    ])
      expect(text.replace(/\s+/g, ' '), text).toContain(s);
  });
});

describe('audit and need to know', () => {
  it('records every export and refuses other roles', async () => {
    const admin = await signIn(t, 'admin');
    const { rows } = (await (await admin.get('/api/audit?action=export&limit=50')).json()) as any;
    expect(rows.map((r: any) => `${r.entityType}:${r.after.format}`).sort()).toEqual([
      'hotspots:csv',
      'hotspots:geojson',
      'hotspots:geojson',
      'hotspots:xlsx',
      'operation:pdf',
      'operation:xlsx',
    ]);
    // The trail holds how many rows each list export gave out.
    expect(
      rows
        .filter((r: any) => r.entityType === 'hotspots')
        .map((r: any) => `${r.after.format}:${r.after.rows}`)
        .sort(),
    ).toEqual(['csv:4', 'geojson:1', 'geojson:4', 'xlsx:2']);
    const leader = await signIn(t, 'leader');
    expect((await leader.get('/api/hotspots/export?format=csv')).status).toBe(403);
    expect((await leader.get(`/api/operations/${operationId}/export?format=pdf`)).status).toBe(403);
  });
});
