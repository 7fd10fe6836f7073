// The meeting brief: a PDF made on the server, read back with pdf.js: pages, Vietnamese text with every diacritic,
// the classification line and page number on every page, and the scale bar against the map's own scale.
import { writeFileSync } from 'node:fs';
import { readPdf } from '../helpers/pdf';
import { haversine } from '../helpers/haversine';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { miniProvince } from '../fixtures/mini-province';
import { createTestApp, type TestApp } from '../helpers/app';
import { signIn, type Client } from '../helpers/auth';

let t: TestApp;
let leader: Client;

beforeAll(async () => {
  t = await createTestApp(miniProvince);
  leader = await signIn(t, 'leader');
});
afterAll(() => t.close());

describe('GET /api/brief', () => {
  let a4: Awaited<ReturnType<typeof readPdf>>;
  beforeAll(async () => {
    const res = await leader.get('/api/brief?date=2024-06-30&from=2023-01-01');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    expect(res.headers.get('content-disposition')).toContain('bao-cao-nhanh-2024-06-30-a4.pdf');
    const bytes = await res.arrayBuffer();
    writeFileSync('test-artifacts/brief-a4.pdf', new Uint8Array(bytes)); // kept for a look
    a4 = await readPdf(bytes);
  });

  it('lists the communes complex for over 24 months with their leaders in office meanwhile (seed 004)', () => {
    const last = a4[a4.length - 1]!.text;
    expect(last).toContain('Địa bàn phức tạp kéo dài quá 24 tháng: 1 xã');
    expect(last).toContain('Xã Phước Hưng, Huyện Cầu Kè: Trọng điểm, phức tạp từ ngày 10/01/2021 (1267 ngày)');
    expect(last).toContain(
      'Bí thư Đảng ủy Trần Thị Bình (01/01/2021 – nay); Chủ tịch UBND Lê Văn Cường (01/06/2019 – nay)',
    );
    expect(last).not.toContain('Phạm Văn Dũng'); // out of office before the run began
  });

  it('is A4 landscape: title, province, plan and its legal reference, the date of the figures', () => {
    expect(a4.length).toBe(3);
    for (const p of a4) expect(p.size.map(Math.round)).toEqual([842, 595]);
    const first = a4[0]!.text;
    for (const words of [
      'BÁO CÁO NHANH CÔNG TÁC PHÒNG, CHỐNG MA TÚY',
      'Tỉnh Thử Nghiệm',
      'Kế hoạch 2021–2025 (3220/KH-UBND ngày 25/9/2023)',
      'Số liệu tính đến ngày 30/06/2024',
      'Trọng điểm, phức tạp: 1 xã',
      'Không có tệ nạn ma túy: 2 xã',
      'H1. Điểm, tụ điểm đã triệt xóa',
      '50% (2/4) — mục tiêu từ 80%',
      'cần đạt 55,9% đến nay — Chậm tiến độ',
      'cần đạt không quá -2,5% đến nay',
      'T2. Địa bàn chuyển hóa không tái phức tạp',
      'không giảm',
      'Tân An',
      'Phước Hưng',
    ])
      expect(first, words).toContain(words);
  });

  it('has the district table and the changes of the period, with dates and legal bases', () => {
    expect(a4[1]!.text).toContain('Chỉ tiêu theo đơn vị — số liệu tính đến ngày 30/06/2024');
    expect(a4[1]!.text).toContain('Huyện Châu Thành');
    expect(a4[1]!.text).toContain('Huyện Cầu Kè');
    const changes = a4[2]!.text;
    expect(changes).toContain('Những thay đổi từ ngày 01/01/2023 đến ngày 30/06/2024');
    expect(changes).toContain('Tái phức tạp: 1 xã');
    expect(changes).toContain(
      'Xã Tân An, Huyện Châu Thành: từ Đã chuyển hóa sang Tái phức tạp, ngày 01/03/2023 (3/QĐ-UBND ngày 01/03/2023)',
    );
    expect(changes).toContain('Phát hiện mới 1; triệt xóa 2; tái hình thành 0.');
  });

  it('draws every character: no glyph is missing from the embedded font (it would read back as a blank)', () => {
    for (const p of a4) expect(p.text).not.toMatch(/\S {2,}\S/);
  });

  it('carries the classification line and its number on every page', () => {
    a4.forEach((p, n) => {
      expect(p.text).toContain('TÀI LIỆU LƯU HÀNH NỘI BỘ');
      expect(p.text).toContain(`Trang ${n + 1}/3`);
    });
  });

  it('draws a scale bar that matches the map within 2 %', () => {
    const items = a4[0]!.items;
    const centre = (str: string) => {
      const found = items.filter((i) => i.str === str);
      expect(found, str).toHaveLength(1);
      return found[0]!.x + found[0]!.width / 2;
    };
    // Tân An and Hòa Lợi are 0.1° squares side by side; their names sit at their centres, on the same parallel.
    const pointsPerMetre = (centre('Hòa Lợi') - centre('Tân An')) / haversine([106.05, 10.05], [106.15, 10.05]);
    const bar = items.find((i) => /^\d+ (km|m)$/.test(i.str))!;
    const [amount, unit] = bar.str.split(' ');
    const metres = Number(amount) * (unit === 'km' ? 1000 : 1);
    const barPoints = bar.x + bar.width / 2 - centre('0');
    expect(Math.abs(barPoints / (metres * pointsPerMetre) - 1)).toBeLessThan(0.02);
  });

  it('prints on A3 too, and refuses a period starting after its date', async () => {
    const res = await leader.get('/api/brief?date=2024-06-30&size=a3');
    expect(res.status).toBe(200);
    const a3 = await readPdf(await res.arrayBuffer());
    expect(a3[0]!.size.map(Math.round)).toEqual([1191, 842]);
    expect(a3[2]!.text).toContain('Những thay đổi từ ngày 01/06/2024 đến ngày 30/06/2024');
    const bad = await leader.get('/api/brief?date=2024-06-30&from=2024-07-01');
    expect(bad.status).toBe(400);
    expect(JSON.stringify(await bad.json())).toContain('from');
  });
});
