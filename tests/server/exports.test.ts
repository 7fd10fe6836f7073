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
  const res = await police.send('POST', '/api/operations', {
    name: 'Đợt cao điểm Hòa Lợi', startDate: '2024-06-01', endDate: '2024-06-30', area: { type: 'circle', center: [106.15, 10.05], radiusM: 4000 },
    units: ['Công an thị trấn Hòa Lợi'], targetHotspotIds: features.map((f: any) => f.properties.id),
  });
  operationId = ((await res.json()) as any).id;
  await police.send('POST', `/api/operations/${operationId}/results`, {
    arrested: 4, cases: 2, seizures: [{ substance: 'Ma túy đá', quantity: 25, unit: 'g' }], eliminated: [{ hotspotId: features[0].properties.id, date: '2024-06-15' }],
  });
});
afterAll(() => t.close());

async function pdfText(bytes: ArrayBuffer): Promise<string> {
  const doc = await getDocument({ data: new Uint8Array(bytes), useSystemFonts: false, isEvalSupported: false }).promise;
  let text = '';
  for (let i = 1; i <= doc.numPages; i++) text += (await (await doc.getPage(i)).getTextContent()).items.map((x: any) => x.str ?? '').join(' ') + '\n';
  return text.normalize('NFC');
}

describe('hotspot list exports', () => {
  it('CSV: UTF-8 with BOM, one row per hotspot, Vietnamese intact', async () => {
    const res = await police.get('/api/hotspots/export?format=csv&date=2022-06-30');
    expect(res.headers.get('content-disposition')).toMatch(/\.csv"/);
    const text = await res.text();
    const rows = parse(text, { bom: true }) as string[][];
    expect(rows[0]).toEqual(['Mã', 'Địa chỉ', 'Xã', 'Loại', 'Hoạt động', 'Tình trạng', 'Từ ngày', 'Vĩ độ', 'Kinh độ']);
    expect(rows.slice(1).map((r) => r[1]).sort()).toEqual(['Khu phố 3, phường Long Đức', 'Khóm 2, thị trấn Hòa Lợi', 'Ấp 1, xã Tân An', 'Ấp Phước Hòa, xã Phước Hưng'].sort());
    expect(rows.find((r) => r[1] === 'Khóm 2, thị trấn Hòa Lợi')).toEqual([expect.any(String), 'Khóm 2, thị trấn Hòa Lợi', 'Thị trấn Hòa Lợi', 'Điểm', 'Sử dụng', 'Đang hoạt động', '01/07/2021', '10.05', '106.15']);
  });

  it('XLSX: the workbook opens and holds the same rows', async () => {
    const res = await police.get('/api/hotspots/export?format=xlsx&date=2022-06-30&within=981');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(await res.arrayBuffer());
    const sheet = book.getWorksheet('Điểm, tụ điểm')!;
    const values = sheet.getSheetValues().slice(3).map((r: any) => r.slice(1));
    expect(values.map((r: any[]) => r[1]).sort()).toEqual(['Khóm 2, thị trấn Hòa Lợi', 'Ấp 1, xã Tân An']);
    expect(String(sheet.getCell('A1').value)).toContain('30/06/2022');
  });

  it('GeoJSON: points with their properties', async () => {
    const fc = (await (await police.get('/api/hotspots/export?format=geojson&status=active')).json()) as any;
    expect(fc.type).toBe('FeatureCollection');
    expect(fc.features.every((f: any) => f.geometry.type === 'Point' && f.properties.status === 'active')).toBe(true);
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
    const rows = list.getSheetValues().slice(2).map((r: any) => r.slice(1));
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
    for (const s of ['KẾ HOẠCH ĐỢT CAO ĐIỂM TẤN CÔNG TRẤN ÁP TỘI PHẠM VỀ MA TÚY', 'Đợt cao điểm Hòa Lợi', 'Công an thị trấn Hòa Lợi', 'Khóm 2, thị trấn Hòa Lợi', 'Thu giữ: Ma túy đá', 'Triệt xóa'])
      expect(text.replace(/\s+/g, ' '), text).toContain(s);
  });
});

describe('audit and need to know', () => {
  it('records every export and refuses other roles', async () => {
    const admin = await signIn(t, 'admin');
    const { rows } = (await (await admin.get('/api/audit?action=export&limit=50')).json()) as any;
    expect(rows.map((r: any) => `${r.entityType}:${r.after.format}`).sort()).toEqual(['hotspots:csv', 'hotspots:geojson', 'hotspots:xlsx', 'operation:pdf', 'operation:xlsx']);
    const leader = await signIn(t, 'leader');
    expect((await leader.get('/api/hotspots/export?format=csv')).status).toBe(403);
    expect((await leader.get(`/api/operations/${operationId}/export?format=pdf`)).status).toBe(403);
  });
});
