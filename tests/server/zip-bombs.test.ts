// Small archives that expand without bound: a zipped "Shapefile" to the boundary import and an XLSX place list to
// the area search are refused with 413 before they are inflated; honest ones still read.
import { zipSync } from 'fflate';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { unzipWithin } from '../../server/http/unzip';
import { createTestApp, type TestApp } from '../helpers/app';
import { signIn, type Client } from '../helpers/auth';

const MB = 1024 * 1024;
let app: TestApp;
let police: Client;
let admin: Client;
beforeAll(async () => {
  app = await createTestApp(null);
  police = await signIn(app, 'police');
  admin = await signIn(app, 'admin');
});
afterAll(() => app.close());

const bomb = (names: string[], mbEach: number) =>
  zipSync(Object.fromEntries(names.map((n) => [n, new Uint8Array(mbEach * MB)])), { level: 9 });

describe('zip bombs', () => {
  it('refuses an archive whose entries add up to more than the limit, before inflating them', () => {
    const small = bomb(['a.bin', 'b.bin'], 3);
    expect(small.length).toBeLessThan(64 * 1024);
    expect(() => unzipWithin(small, 5 * MB)).toThrow(/at most 5 MB uncompressed/);
    expect(Object.keys(unzipWithin(small, 6 * MB))).toEqual(['a.bin', 'b.bin']);
  });

  it('refuses a zipped Shapefile expanding beyond 600 MB with 413', async () => {
    const zip = bomb(['x.shp', 'x.dbf'], 310); // 620 MB of zeros in under 1 MB
    expect(zip.length).toBeLessThan(MB);
    const res = await admin.upload('/api/imports/boundaries/preview', new File([zip], 'bom.zip'), {
      options: JSON.stringify({ validFrom: '2025-07-01' }),
    });
    expect(res.status).toBe(413);
    expect(((await res.json()) as { error: { message: { en: string } } }).error.message.en).toBe(
      'The archive expands too much (at most 600 MB uncompressed)',
    );
  });

  it('refuses an XLSX place list expanding beyond 50 MB with 413, and reads an honest one', async () => {
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('Địa điểm');
    sheet.addRow(['Tên', 'Kinh độ', 'Vĩ độ']);
    sheet.addRow(['Chợ Tân An', 106.05, 10.05]);
    const honest = new Uint8Array(await book.xlsx.writeBuffer());
    const ok = await police.upload('/api/areas/places', new File([honest], 'dia-diem.xlsx'));
    expect(ok.status).toBe(200);
    expect(((await ok.json()) as { places: { name: string }[] }).places.map((p) => p.name)).toEqual(['Chợ Tân An']);
    const inflated = {
      ...Object.fromEntries(Object.entries((await import('fflate')).unzipSync(honest))),
      'xl/media/padding.bin': new Uint8Array(60 * MB),
    };
    const res = await police.upload('/api/areas/places', new File([zipSync(inflated, { level: 9 })], 'bom.xlsx'));
    expect(res.status).toBe(413);
    expect(((await res.json()) as { error: { message: { en: string } } }).error.message.en).toBe(
      'The archive expands too much (at most 50 MB uncompressed)',
    );
  });
});
