// The Excel template of reported figures, round trip: downloaded for a period with the user's units, filled with
// exceljs here, uploaded, the figures seen; a bad file refused as a whole with the cell of each fault.
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { miniProvince } from '../fixtures/mini-province';
import { createTestApp, type TestApp } from '../helpers/app';
import { signIn, type Client } from '../helpers/auth';

let t: TestApp;
let editor982: Client;
let admin: Client;
beforeAll(async () => {
  t = await createTestApp(miniProvince); // today 30/6/2024: Q2 2024 open
  editor982 = await signIn(t, 'editor', ['982']);
  admin = await signIn(t, 'admin');
});
afterAll(() => t.close());

async function template(c: Client, period = '2024-Q2') {
  const res = await c.get(`/api/reported/template?plan=p1&period=${period}`);
  expect(res.status).toBe(200);
  expect(res.headers.get('content-disposition')).toContain(`so-lieu-p1-${period}.xlsx`);
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(await res.arrayBuffer());
  return book;
}
async function upload(c: Client, book: ExcelJS.Workbook, period = '2024-Q2') {
  const bytes = new Uint8Array(await book.xlsx.writeBuffer());
  return c.upload('/api/reported/upload', new File([bytes], 'so-lieu.xlsx'), { plan: 'p1', period });
}
const pending = async (unit: string) =>
  ((await (await admin.get(`/api/reported/values?state=pending&unit=${unit}&period=2024-Q2`)).json()) as any).values;

describe('the reported figures template', () => {
  it("holds the period, the quarter's indicator in two columns, and only the user's units", async () => {
    const sheet = (await template(editor982)).worksheets[0]!;
    expect(sheet.getCell('A1').value).toBe('Số liệu báo cáo — Kế hoạch 2021–2025 — Quý 2/2024');
    expect([1, 2, 3, 4, 5].map((c) => sheet.getRow(3).getCell(c).value)).toEqual([
      'Mã đơn vị',
      'Đơn vị',
      'R2 – Tử số',
      'R2 – Mẫu số',
      'Ghi chú',
    ]);
    expect([sheet.getCell('A4').value, sheet.getCell('B4').value, sheet.getCell('A5').value]).toEqual([
      '982',
      'Huyện Cầu Kè',
      null,
    ]);
    // Q1 holds the figures counted so far: 18 of 20.
    const q1 = (await template(admin, '2024-Q1')).worksheets[0]!;
    expect([q1.getCell('A5').value, q1.getCell('C5').value, q1.getCell('D5').value]).toEqual(['982', 18, 20]);
  });

  it('round trip: filled and uploaded, the figures wait for approval', async () => {
    const book = await template(editor982);
    const sheet = book.worksheets[0]!;
    sheet.getCell('C4').value = 17;
    sheet.getCell('D4').value = 20;
    sheet.getCell('E4').value = 'Số liệu của Tòa án huyện';
    const res = await upload(editor982, book);
    expect(res.status, await res.clone().text()).toBe(201);
    expect((await pending('982')).map((v: any) => [v.numerator, v.denominator, v.note])).toEqual([
      [17, 20, 'Số liệu của Tòa án huyện'],
    ]);
  });

  it('a bad file is refused as a whole, each fault named by its cell; nothing is written', async () => {
    // The fixture's waiting Q2 figures of 981 are rejected first: that row is free for new ones.
    const approver = await signIn(t, 'approver', ['98']);
    const [waiting] = await pending('981');
    const rejected = await approver.send('POST', `/api/reported/values/${waiting.id}/decision`, {
      decision: 'reject',
      reason: 'Sai số liệu',
    });
    expect(rejected.status).toBe(200);
    const book = await template(admin); // rows 4 (981) and 5 (982)
    const sheet = book.worksheets[0]!;
    expect([sheet.getCell('A4').value, sheet.getCell('A5').value]).toEqual(['981', '982']);
    sheet.getCell('C4').value = 12; // 12 of 10: over 100%
    sheet.getCell('D4').value = 10;
    sheet.getCell('C5').value = 'mười';
    sheet.getCell('D5').value = 20;
    const res = await upload(admin, book);
    expect(res.status).toBe(400);
    const body = (await res.json()) as any;
    expect(body.error.issues.map((i: any) => i.path)).toEqual(['C5']);
    // Once the cells read as numbers, the figures themselves are checked: 12/10 at C4, and 982 already waits.
    sheet.getCell('C5').value = 19;
    const again = (await (await upload(admin, book)).json()) as any;
    expect(again.error.issues.map((i: any) => i.path)).toEqual(['C4', 'C5']);
    expect(again.error.issues[0].message).toContain('tỷ lệ không thể quá 100%');
    expect(again.error.issues[1].message).toContain('đang chờ duyệt');
    // One good row beside a bad one: nothing written.
    sheet.getCell('C4').value = 9;
    expect((await upload(admin, book)).status).toBe(400);
    expect(await pending('981')).toEqual([]);
    expect((await pending('982')).map((v: any) => v.numerator)).toEqual([17]);
  });

  it('an unknown column or a file that is not Excel is refused with 400', async () => {
    const book = await template(admin);
    book.worksheets[0]!.getCell('F3').value = 'R9 – Tử số';
    const res = await upload(admin, book);
    expect(res.status).toBe(400);
    expect(((await res.json()) as any).error.issues.map((i: any) => i.path)).toEqual(['F3']);
    const junk = await admin.upload(
      '/api/reported/upload',
      new File([new TextEncoder().encode('không phải Excel')], 'x.xlsx'),
      {
        plan: 'p1',
        period: '2024-Q2',
      },
    );
    expect(junk.status).toBe(400);
  });
});
