// Area search (polygon, circle, buffer around uploaded places) and crackdown operations whose results eliminate
// hotspots in one transaction.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { miniProvince } from '../fixtures/mini-province';
import { createTestApp, type TestApp } from '../helpers/app';
import { signIn, type Client } from '../helpers/auth';

let t: TestApp;
let police: Client;
let leader: Client;
const box = (w: number, s: number, e: number, n: number) => ({
  type: 'polygon',
  coordinates: [
    [
      [w, s],
      [e, s],
      [e, n],
      [w, n],
      [w, s],
    ],
  ],
});

beforeAll(async () => {
  t = await createTestApp(miniProvince);
  police = await signIn(t, 'police');
  leader = await signIn(t, 'leader');
});
afterAll(() => t.close());

const query = async (area: unknown, date = '2024-06-30') => {
  const res = await police.send('POST', '/api/areas/query', { area, date });
  expect(res.status, await res.clone().text()).toBe(200);
  return (await res.json()) as any;
};
const upload = (name: string, bytes: Uint8Array<ArrayBuffer>, who = police) =>
  who.upload('/api/areas/places', new File([bytes], name));

describe('area search', () => {
  it('lists the hotspots and communes inside a drawn polygon, with counts by status', async () => {
    const r = await query(box(106.01, 10.01, 106.19, 10.09), '2022-06-30');
    expect(r.hotspots.features.map((f: any) => f.properties.address).sort()).toEqual([
      'Khóm 2, thị trấn Hòa Lợi',
      'Ấp 1, xã Tân An',
    ]);
    expect(r.counts.hotspots).toEqual({ active: 2, eliminated: 0 });
    expect(r.communes.map((c: any) => c.code)).toEqual(['98101', '98102']);
    expect(r.communes[0]).toMatchObject({
      name: 'Tân An',
      status: 'transformed',
      hotspots: { active: 1, eliminated: 0 },
    });
    expect(r.counts.communes).toMatchObject({ transformed: 1, complex: 1 });
  });

  it('a circle of 2 km around a hotspot holds it and nothing 5 km away', async () => {
    const r = await query({ type: 'circle', center: [106.15, 10.05], radiusM: 2000 });
    expect(r.hotspots.features.map((f: any) => f.properties.communeCode)).toEqual(['98102']);
    expect(r.communes.map((c: any) => c.code)).toEqual(['98102']);
  });

  it('reads a CSV of places (Vietnamese headers, decimal commas, a bad row reported) and buffers them by 500 m', async () => {
    const csv =
      '\uFEFFTên địa điểm;Kinh độ;Vĩ độ\nTrường THCS Hòa Lợi;106,152;10,052\nChợ Tân An;abc;10.05\n\nNhà văn hóa ấp 1;106.0505;10.0497\n';
    const res = await upload('truong-hoc.csv', new TextEncoder().encode(csv));
    expect(res.status, await res.clone().text()).toBe(200);
    const { places, problems } = (await res.json()) as any;
    expect(places.map((p: any) => p.name)).toEqual(['Trường THCS Hòa Lợi', 'Nhà văn hóa ấp 1']);
    expect(places[0].location).toEqual([106.152, 10.052]);
    expect(problems).toEqual([{ row: 3, vi: 'Dòng 3: tọa độ không hợp lệ', en: 'Row 3: invalid coordinates' }]);
    const r = await query({ type: 'buffer', points: places.map((p: any) => p.location), radiusM: 500 }, '2022-06-30');
    expect(r.hotspots.features.map((f: any) => f.properties.address).sort()).toEqual([
      'Khóm 2, thị trấn Hòa Lợi',
      'Ấp 1, xã Tân An',
    ]);
    const small = await query(
      { type: 'buffer', points: places.map((p: any) => p.location), radiusM: 50 },
      '2022-06-30',
    );
    expect(small.hotspots.features).toEqual([]);
  });

  it('reads an XLSX of places', async () => {
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('Trường học');
    sheet.addRow(['name', 'lng', 'lat']);
    sheet.addRow(['Trường Tiểu học Long Đức', 106.15, 10.15]);
    sheet.addRow(['Chợ Phước Hưng', 106.05, 10.15]);
    const bytes = new Uint8Array(await book.xlsx.writeBuffer());
    const res = await upload('truong.xlsx', bytes);
    const { places } = (await res.json()) as any;
    expect(places).toEqual([
      { row: 2, name: 'Trường Tiểu học Long Đức', location: [106.15, 10.15] },
      { row: 3, name: 'Chợ Phước Hưng', location: [106.05, 10.15] },
    ]);
  });

  it('refuses files without coordinate columns, binaries and other roles', async () => {
    expect((await upload('x.csv', new TextEncoder().encode('a,b\n1,2\n'))).status).toBe(400);
    expect((await upload('x.bin', new Uint8Array([0, 1, 2, 0, 5]))).status).toBe(415);
    expect((await upload('x.csv', new TextEncoder().encode('name,lng,lat\nA,106,10\n'), leader)).status).toBe(403);
    expect(
      (await leader.send('POST', '/api/areas/query', { area: { type: 'circle', center: [106.1, 10.1], radiusM: 100 } }))
        .status,
    ).toBe(403);
    const bad = await police.send('POST', '/api/areas/query', {
      area: { type: 'circle', center: [106.1, 10.1], radiusM: -5 },
    });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as any).error.issues[0].path).toBe('json.area.radiusM');
  });
});

describe('operations', () => {
  const status = async (address: string) =>
    ((await (await police.get('/api/hotspots?date=2024-06-30')).json()) as any).features.find(
      (f: any) => f.properties.address === address,
    )?.properties.status;

  it('plans an operation, records its results, and the eliminations become lifecycle events', async () => {
    const { features } = (await (await police.get('/api/hotspots?status=active&date=2024-06-30')).json()) as any;
    const target = features.find((f: any) => f.properties.address === 'Khóm 2, thị trấn Hòa Lợi').properties.id;
    const plan = {
      name: 'Đợt cao điểm tháng 6/2024',
      startDate: '2024-06-01',
      endDate: '2024-06-30',
      area: { type: 'circle', center: [106.15, 10.05], radiusM: 3000 },
      units: ['Công an huyện Châu Thành', 'Đồn Biên phòng'],
      targetHotspotIds: [target],
      note: 'Tấn công trấn áp tội phạm ma túy',
    };
    const created = await police.send('POST', '/api/operations', plan);
    expect(created.status, await created.clone().text()).toBe(201);
    const op = (await created.json()) as any;
    // The target as the fixture has it (h2: a điểm of using, detected 01/07/2021), nothing recorded yet.
    const khom2 = {
      id: target,
      location: [106.15, 10.05],
      address: 'Khóm 2, thị trấn Hòa Lợi',
      kind: 'diem',
      activities: ['using'],
      commune: { code: '98102', name: 'Hòa Lợi', type: 'Thị trấn' },
      target: true,
    };
    const planned = {
      id: op.id,
      name: 'Đợt cao điểm tháng 6/2024',
      startDate: '2024-06-01',
      endDate: '2024-06-30',
      areaSpec: { type: 'circle', center: [106.15, 10.05], radiusM: 3000 },
      units: ['Công an huyện Châu Thành', 'Đồn Biên phòng'],
      note: 'Tấn công trấn áp tội phạm ma túy',
      results: null,
      resultsRecordedAt: null,
      hotspots: [
        {
          ...khom2,
          status: 'active',
          eliminatedHere: null,
          history: [{ kind: 'detected', date: '2021-07-01', note: '' }],
        },
      ],
    };
    expect(op).toMatchObject(planned);
    expect(op.area.type).toBe('Polygon'); // the circle, drawn as a polygon
    // Stored as sent: read back.
    const readBack = async () => {
      const res = await police.get(`/api/operations/${op.id}?date=2024-06-30`);
      expect(res.status).toBe(200);
      return (await res.json()) as any;
    };
    expect(await readBack()).toEqual(op);

    const outside = await police.send('POST', `/api/operations/${op.id}/results`, {
      arrested: 3,
      cases: 2,
      eliminated: [{ hotspotId: target, date: '2024-05-20' }],
    });
    expect(outside.status).toBe(422);
    expect(await status('Khóm 2, thị trấn Hòa Lợi')).toBe('active');
    expect(await readBack()).toEqual(op); // nothing kept

    const wrong = await police.send('POST', `/api/operations/${op.id}/results`, {
      arrested: 3,
      cases: 2,
      eliminated: [
        { hotspotId: target, date: '2024-06-20' },
        { hotspotId: target, date: '2024-06-21' },
      ],
    });
    expect(wrong.status).toBe(422); // the second elimination of the same hotspot fails: nothing of the results is kept
    expect(await status('Khóm 2, thị trấn Hòa Lợi')).toBe('active');
    expect(await readBack()).toEqual(op);

    const ok = await police.send('POST', `/api/operations/${op.id}/results`, {
      arrested: 3,
      cases: 2,
      seizures: [
        { substance: 'Heroin', quantity: 12.5, unit: 'g' },
        { substance: 'Ma túy tổng hợp', quantity: 40, unit: 'viên' },
      ],
      eliminated: [{ hotspotId: target, date: '2024-06-20', note: 'Bắt quả tang' }],
      note: 'Phối hợp với Công an xã',
    });
    expect(ok.status, await ok.clone().text()).toBe(200);
    const done = (await ok.json()) as any;
    const recorded = {
      ...planned,
      results: {
        arrested: 3,
        cases: 2,
        seizures: [
          { substance: 'Heroin', quantity: 12.5, unit: 'g' },
          { substance: 'Ma túy tổng hợp', quantity: 40, unit: 'viên' },
        ],
        note: 'Phối hợp với Công an xã',
      },
      resultsRecordedAt: '2024-06-30T05:00:00.000Z', // the test clock
      hotspots: [
        {
          ...khom2,
          status: 'eliminated',
          eliminatedHere: '2024-06-20',
          history: [
            { kind: 'detected', date: '2021-07-01', note: '' },
            { kind: 'eliminated', date: '2024-06-20', note: 'Đợt cao điểm "Đợt cao điểm tháng 6/2024" — Bắt quả tang' },
          ],
        },
      ],
    };
    expect(done).toMatchObject(recorded);
    expect(done.results).toEqual(recorded.results);
    // What the server stored, read back: the same results and the elimination in the hotspot's own history.
    expect(await readBack()).toEqual(done);
    expect(await status('Khóm 2, thị trấn Hòa Lợi')).toBe('eliminated');
    const detail = (await (await police.get(`/api/hotspots/${target}`)).json()) as any;
    expect(detail.events.map((e: any) => [e.kind, e.date])).toEqual([
      ['detected', '2021-07-01'],
      ['eliminated', '2024-06-20'],
    ]);
    const active = (await (await police.get('/api/hotspots?status=active&date=2024-06-30')).json()) as any;
    expect(active.features.map((f: any) => f.properties.address)).toEqual(['Khu phố 4, phường Long Đức']); // h5 only, of the two active before
    expect(features.map((f: any) => f.properties.address).sort()).toEqual([
      'Khu phố 4, phường Long Đức',
      'Khóm 2, thị trấn Hòa Lợi',
    ]);
    expect((await police.send('POST', `/api/operations/${op.id}/results`, { arrested: 0, cases: 0 })).status).toBe(409);
    expect(await readBack()).toEqual(done); // the second report changed nothing

    const list = (await (await police.get('/api/operations')).json()) as any;
    expect(list.operations).toEqual([
      {
        id: op.id,
        name: 'Đợt cao điểm tháng 6/2024',
        startDate: '2024-06-01',
        endDate: '2024-06-30',
        area: op.area,
        units: ['Công an huyện Châu Thành', 'Đồn Biên phòng'],
        targets: 1,
        done: true,
      },
    ]);
  });

  it('keeps operations from roles without need to know, and validates the plan', async () => {
    expect((await leader.get('/api/operations')).status).toBe(403);
    expect(
      (
        await leader.send('POST', '/api/operations', {
          name: 'x',
          startDate: '2024-06-01',
          endDate: '2024-06-02',
          area: { type: 'circle', center: [106.1, 10.1], radiusM: 100 },
        })
      ).status,
    ).toBe(403);
    const backwards = await police.send('POST', '/api/operations', {
      name: 'x',
      startDate: '2024-06-05',
      endDate: '2024-06-02',
      area: { type: 'circle', center: [106.1, 10.1], radiusM: 100 },
    });
    expect(backwards.status).toBe(400);
    expect(((await backwards.json()) as any).error.issues[0].path).toBe('json.endDate');
    const unknown = await police.send('POST', '/api/operations', {
      name: 'x',
      startDate: '2024-06-01',
      endDate: '2024-06-02',
      area: { type: 'circle', center: [106.1, 10.1], radiusM: 100 },
      targetHotspotIds: [99999],
    });
    expect(unknown.status).toBe(422);
    // None of the refused plans was stored.
    const { operations } = (await (await police.get('/api/operations')).json()) as any;
    expect(operations.filter((o: any) => o.name === 'x')).toEqual([]);
  });
});
