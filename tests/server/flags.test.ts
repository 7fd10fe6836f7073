// Relapse signal: a detection or re-formation in a transformed or drug-free commune raises a review flag on the
// commune (not elsewhere), visible by area and role, resolved once by those in charge.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { miniProvince } from '../fixtures/mini-province';
import { createTestApp, type TestApp } from '../helpers/app';
import { signIn, type Client } from '../helpers/auth';

let t: TestApp;
let police: Client;
let leader: Client;
let editor981: Client;
let editor982: Client;

beforeAll(async () => {
  t = await createTestApp(miniProvince);
  police = await signIn(t, 'police');
  leader = await signIn(t, 'leader');
  editor981 = await signIn(t, 'editor', ['981']);
  editor982 = await signIn(t, 'editor', ['982']);
});
afterAll(() => t.close());

const detect = (location: [number, number], detectedOn: string) =>
  police.send('POST', '/api/hotspots', {
    location,
    address: 'Điểm mới',
    kind: 'diem',
    activities: ['using'],
    detectedOn,
    acknowledgeDuplicates: true,
  });
const flags = async (who: Client, state = 'open') =>
  ((await (await who.get(`/api/flags?state=${state}`)).json()) as any).flags as any[];

describe('relapse signal', () => {
  it('flags a transformed commune on a new detection, and not a complex one', async () => {
    expect((await detect([106.06, 10.06], '2024-06-01')).status).toBe(201); // Tân An 98101: transformed since 01/02/2024
    expect((await detect([106.06, 10.16], '2024-06-01')).status).toBe(201); // Phước Hưng 98201: complex
    const open = await flags(leader);
    expect(open.map((f) => f.commune.code)).toEqual(['98101']);
    expect(open[0]).toMatchObject({
      communeStatus: 'transformed',
      eventKind: 'detected',
      eventDate: '2024-06-01',
      hotspotId: null,
    });
    expect((await flags(police))[0].hotspotId).toEqual(expect.any(Number));
  });

  it('flags a drug-free commune when an eliminated hotspot re-forms there', async () => {
    // Long Đức 98202, drug-free since 01/06/2023; its hotspot h4 was eliminated on 15/01/2024.
    const { features } = (await (await police.get('/api/hotspots?within=98202&status=eliminated')).json()) as any;
    const res = await police.send('POST', `/api/hotspots/${features[0].properties.id}/events`, {
      kind: 'reformed',
      date: '2024-06-10',
    });
    expect(res.status).toBe(201);
    expect((await flags(leader)).map((f) => `${f.commune.code}:${f.eventKind}`).sort()).toEqual([
      '98101:detected',
      '98202:reformed',
    ]);
  });

  it("shows each area only its own flags, and the editor's area page puts flagged communes first", async () => {
    expect((await flags(editor981)).map((f) => f.commune.code)).toEqual(['98101']);
    expect((await flags(editor982)).map((f) => f.commune.code)).toEqual(['98202']);
    const area = (await (await editor981.get('/api/my-area')).json()) as any;
    expect(area.communes[0]).toMatchObject({ code: '98101', openFlagId: expect.any(Number) });
  });

  it('is confirmed or dismissed once, by those in charge of the area only', async () => {
    const [flag] = await flags(editor981);
    expect((await leader.send('POST', `/api/flags/${flag.id}/confirm`, {})).status).toBe(403);
    expect((await police.send('POST', `/api/flags/${flag.id}/confirm`, {})).status).toBe(403);
    expect((await editor982.send('POST', `/api/flags/${flag.id}/confirm`, {})).status).toBe(404);
    expect(
      (await editor981.send('POST', `/api/flags/${flag.id}/dismiss`, { note: 'Người từ nơi khác đến, đã xử lý' }))
        .status,
    ).toBe(200);
    expect((await editor981.send('POST', `/api/flags/${flag.id}/confirm`, {})).status).toBe(409);
    expect(await flags(editor981)).toEqual([]);
    expect((await flags(editor981, 'dismissed'))[0]).toMatchObject({
      id: flag.id,
      note: 'Người từ nơi khác đến, đã xử lý',
    });
    const admin = await signIn(t, 'admin');
    const { rows } = (await (await admin.get('/api/audit?limit=100')).json()) as any;
    expect(rows.map((r: any) => r.action)).toEqual(expect.arrayContaining(['flag_raise', 'flag_dismiss']));
  });
});
