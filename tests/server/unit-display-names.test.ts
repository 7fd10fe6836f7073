// Unit names in what the API writes out (hotspot exports, operation packet): a name that starts with its type word
// ("Phường 1", "Quận 3") is written once, never "Phường Phường 1"; a ward typed as a commune stays "Phường 15".
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { parse } from 'csv-parse/sync';
import { miniProvince } from '../fixtures/mini-province';
import { createTestApp, type TestApp } from '../helpers/app';
import { signIn, type Client } from '../helpers/auth';

/** The mini province with official names that carry their type word, as imported lists write them. */
const renamed: Record<string, { name: string; type: string }> = {
  '982': { name: 'Quận 3', type: 'Quận' },
  '98201': { name: 'Phường 15', type: 'Xã' },
  '98202': { name: 'Phường 1', type: 'Phường' },
};
const fixture = { ...miniProvince, units: miniProvince.units.map((u) => ({ ...u, ...renamed[u.code] })) };

let t: TestApp;
let police: Client;

beforeAll(async () => {
  t = await createTestApp(fixture);
  police = await signIn(t, 'police');
});
afterAll(() => t.close());

describe('hotspot exports', () => {
  it('CSV writes "Phường 1" and "Phường 15" in the commune column', async () => {
    const res = await police.get('/api/hotspots/export?format=csv&date=2022-06-30');
    expect(res.status).toBe(200);
    const rows = parse(await res.text(), { bom: true }) as string[][];
    const commune = (address: string) => rows.find((r) => r[1] === address)?.[2];
    expect(commune('Khu phố 3, phường Long Đức')).toBe('Phường 1');
    expect(commune('Ấp Phước Hòa, xã Phước Hưng')).toBe('Phường 15');
    expect(commune('Ấp 1, xã Tân An')).toBe('Xã Tân An');
  });

  it('GeoJSON carries the commune name by the same rule', async () => {
    const fc = (await (await police.get('/api/hotspots/export?format=geojson&date=2022-06-30')).json()) as any;
    const byCode = Object.fromEntries(
      fc.features.map((f: any) => [f.properties.communeCode, f.properties.communeName]),
    );
    expect(byCode).toEqual({
      '98101': 'Xã Tân An',
      '98102': 'Thị trấn Hòa Lợi',
      '98201': 'Phường 15',
      '98202': 'Phường 1',
    });
  });
});

describe('operation packet', () => {
  let id: number;
  beforeAll(async () => {
    const { features } = (await (await police.get('/api/hotspots?status=active&within=982')).json()) as any;
    const res = await police.send('POST', '/api/operations', {
      name: 'Đợt cao điểm Phường 1',
      startDate: '2024-06-01',
      endDate: '2024-06-30',
      area: { type: 'circle', center: [106.15, 10.15], radiusM: 3000 },
      units: ['Công an phường 1'],
      targetHotspotIds: features.map((f: any) => f.properties.id),
    });
    expect(res.status).toBe(201);
    id = ((await res.json()) as any).id;
  });

  it('XLSX lists the hotspots under "Phường 1"', async () => {
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(await (await police.get(`/api/operations/${id}/export?format=xlsx`)).arrayBuffer());
    const rows = book
      .getWorksheet('Điểm, tụ điểm')!
      .getSheetValues()
      .slice(2)
      .map((r: any) => r.slice(1));
    expect(rows.map((r: any[]) => r[2])).toEqual(['Phường 1']);
  });

  it('PDF writes "— Phường 1" after the address', async () => {
    const bytes = await (await police.get(`/api/operations/${id}/export?format=pdf`)).arrayBuffer();
    const doc = await getDocument({ data: new Uint8Array(bytes), useSystemFonts: false, isEvalSupported: false })
      .promise;
    let text = '';
    for (let i = 1; i <= doc.numPages; i++)
      text += (await (await doc.getPage(i)).getTextContent()).items.map((x: any) => x.str ?? '').join(' ') + '\n';
    text = text.normalize('NFC').replace(/\s+/g, ' ');
    expect(text).toContain('Khu phố 4, phường Long Đức — Phường 1');
    expect(text).not.toContain('Phường Phường');
  });
});
