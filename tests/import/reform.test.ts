// Across the 1 July 2025 reform, through the API as users meet it: Trà Vinh's old communes (GADM, with districts)
// imported as the first vintage, a status history and a hotspot recorded on them, then the 2025 Vĩnh Long communes
// and the merges.json crosswalk imported; the hotspot's commune, the map as of 2024 and 2026, the carried-over
// status (gravest of the parts on the change date) and the indicators before and after come out as the rules say.
import { readFileSync } from 'node:fs';
import { area, booleanPointInPolygon } from '@turf/turf';
import { feature, merge } from 'topojson-client';
import type { Feature, FeatureCollection, MultiPolygon } from 'geojson';
import type { GeometryCollection, Topology } from 'topojson-specification';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import * as t from '../../server/db/schema';
import { labelPoint } from '../../geo/labels';
import { createTestApp, type TestApp } from '../helpers/app';
import { login, signIn, type Client } from '../helpers/auth';
import { adminUnitsFile, boundaryFile, describeWithSharedData, sharedDataPresent } from '../helpers/shared-data';

const OLD_FILE = 'vn-gadm41-84-tra-vinh-communes.geojson';
const NEW_FILE = 'vn-2025-86-vinh-long-communes.geojson';

describeWithSharedData('the 2025 reform: Trà Vinh (old communes) → Vĩnh Long (2025)', () => {
  let app: TestApp;
  let admin: Client;
  let police: Client;
  let communeEditor: Client;
  let districtEditor: Client;
  let secondSummary: Record<string, unknown>;
  let proposalAfter: number;
  let proposalBefore: number;
  let hotspotId: number;
  let expectedNew: string;
  const oldFc = sharedDataPresent
    ? (JSON.parse(readFileSync(boundaryFile(OLD_FILE), 'utf8')) as FeatureCollection<MultiPolygon>)
    : null;
  const newFc = sharedDataPresent
    ? (JSON.parse(readFileSync(boundaryFile(NEW_FILE), 'utf8')) as FeatureCollection<MultiPolygon>)
    : null;

  const file = (name: string, path: string) => new File([readFileSync(path)], name);

  async function importBoundaries(name: string, options: object, crosswalk?: string) {
    const preview = await admin.upload('/api/imports/boundaries/preview', file(name, boundaryFile(name)), {
      options: JSON.stringify(options),
      ...(crosswalk ? { crosswalk: file('merges.json', adminUnitsFile(crosswalk)) } : {}),
    });
    expect(preview.status).toBe(200);
    const body = (await preview.json()) as { token: string; report: { blocking: number; ready: number } };
    const commit = await admin.send('POST', '/api/imports/boundaries/commit', { token: body.token });
    expect(commit.status).toBe(201);
    return { report: body.report, summary: (await commit.json()) as Record<string, unknown> };
  }

  beforeAll(async () => {
    app = await createTestApp(null, '2024-06-30T05:00:00Z');
    admin = await signIn(app, 'admin');
    police = await signIn(app, 'police');
    expect(
      (
        await admin.upload('/api/imports/code-lists', file('dvhcvn.json', adminUnitsFile('dvhcvn.json')), {
          asOf: '2025-03-01',
          name: 'dvhcvn 01/03/2025',
        })
      ).status,
    ).toBe(201);
    expect(
      (
        await admin.upload('/api/imports/code-lists', file('merges.json', adminUnitsFile('merges.json')), {
          asOf: '2025-07-01',
          name: 'dvhcvn 20250701',
        })
      ).status,
    ).toBe(201);
    const first = await importBoundaries(OLD_FILE, { validFrom: '2015-01-01', skipUnmatched: true });
    expect(first.report.ready).toBe(104);
    expect(first.summary).toMatchObject({ units: { province: 1, district: 9, commune: 104 }, closed: 0 });

    // A status history and a plan on the old communes (as a dataset load writes them).
    const db = app.database.db;
    const ids = new Map(
      (await db.select({ id: t.adminUnits.id, code: t.adminUnits.code }).from(t.adminUnits)).map((u) => [u.code, u.id]),
    );
    await db.insert(t.plans).values({
      id: 'kh-2021',
      title: 'Kế hoạch thử',
      legalRef: '3220/KH-UBND',
      startDate: '2021-01-01',
      endDate: '2026-12-31',
      targets: {
        T1: { op: 'gte', value: 0.6, projection: 'none' },
        H1: { op: 'gte', value: 0.8, projection: 'none' },
      },
    });
    await db
      .insert(t.planSelections)
      .values({ planId: 'kh-2021', communeId: ids.get('29239')!, selectedOn: '2022-01-01' });
    const change = (code: string, status: string, effectiveDate: string) => ({
      communeId: ids.get(code)!,
      status,
      effectiveDate,
      legalBasis: 'QĐ thử',
      authorName: 'test',
    });
    await db.insert(t.communeStatusChanges).values([
      change('29239', 'complex', '2022-01-01'),
      change('29239', 'transformed', '2023-06-01'), // Phường 1
      change('29242', 'drug_free', '2022-01-01'), // Phường 3
      change('29260', 'complex', '2022-01-01'),
      change('29260', 'drug_free', '2024-01-01'), // Phường 9
    ]);
    // Staff of old Phường 9 and of the old Trà Vinh city district.
    communeEditor = await signIn(app, 'editor', ['29260']);
    districtEditor = await signIn(app, 'editor', ['842']);
    // A hotspot placed inside old Phường 9 by the police, through the API.
    const p9 = oldFc!.features.find((f) => f.properties!.code === '29260')!;
    const point = labelPoint(p9.geometry);
    expectedNew = newFc!.features.find((f) => booleanPointInPolygon(point, f))!.properties!.code as string;
    const created = await police.send('POST', '/api/hotspots', {
      location: point,
      address: 'Khóm 3, Phường 9',
      kind: 'diem',
      activities: ['selling'],
      detectedOn: '2024-03-01',
      note: '',
    });
    expect(created.status).toBe(201);
    hotspotId = ((await created.json()) as { id: number }).id;

    app.setNow('2026-01-15T05:00:00Z');
    // Sessions expire over 18 months.
    [admin, police, communeEditor, districtEditor] = [
      await login(app, admin.username),
      await login(app, police.username),
      await login(app, communeEditor.username),
      await login(app, districtEditor.username),
    ];
    // Work open on old communes when the new boundaries arrive: proposals for a status after the change and before
    // it (either would leave the status carried to the new commune stale), and the relapse signal the hotspot raised
    // in drug-free Phường 9.
    const areaOf = async (c: Client) =>
      ((await (await c.get('/api/my-area')).json()) as { communes: { code: string; baseChangeId: number | null }[] })
        .communes;
    const propose = async (c: Client, commune: string, status: string, effectiveDate: string) => {
      const base = (await areaOf(c)).find((x) => x.code === commune)!.baseChangeId;
      const res = await c.send('POST', '/api/proposals', {
        commune,
        status,
        effectiveDate,
        documentNumber: '12/BC-UBND',
        documentDate: effectiveDate,
        note: '',
        baseChangeId: base,
      });
      expect(res.status).toBe(201);
      return ((await res.json()) as { id: number }).id;
    };
    proposalAfter = await propose(communeEditor, '29260', 'complex', '2025-08-01');
    proposalBefore = await propose(districtEditor, '29239', 'relapsed', '2025-06-15');
    const flags = ((await (await admin.get('/api/flags')).json()) as { flags: { commune: { code: string } }[] }).flags;
    expect(flags.map((f) => f.commune.code)).toEqual(['29260']);

    const second = await importBoundaries(NEW_FILE, { validFrom: '2025-07-01' }, 'merges.json');
    secondSummary = second.summary;
    expect(second.report.ready).toBe(124);
    expect(second.summary).toMatchObject({
      units: { province: 1, district: 0, commune: 124 },
      closed: 1 + 9 + 104,
      hotspotsLocated: 1,
    });
  }, 120_000);
  afterAll(() => app?.close());

  it('moves the hotspot to the new commune holding its point, and names the old one for dates before', async () => {
    expect(expectedNew).toBe('29242'); // Phường 9 went into Phường Trà Vinh (merges.json)
    const detail = (await (await police.get(`/api/hotspots/${hotspotId}`)).json()) as {
      commune: { code: string; name: string };
    };
    expect(detail.commune).toMatchObject({ code: '29242', name: 'Trà Vinh' });
    const code = async (date: string) =>
      ((await (await police.get(`/api/hotspots?date=${date}`)).json()) as FeatureCollection).features.map(
        (f) => f.properties!.communeCode,
      );
    expect(await code('2024-12-31')).toEqual(['29260']);
    expect(await code('2026-01-15')).toEqual(['29242']);
    // Recorded after the reform, the elimination belongs to the hotspot whatever the vintage.
    expect(
      (
        await police.send('POST', `/api/hotspots/${hotspotId}/events`, {
          kind: 'eliminated',
          date: '2025-09-01',
          note: '',
        })
      ).status,
    ).toBe(201);
  });

  it('extends the areas of commune and district staff to the new communes their old communes became', async () => {
    const area = async (c: Client) =>
      ((await (await c.get('/api/my-area')).json()) as { communes: { code: string }[] }).communes
        .map((x) => x.code)
        .sort();
    expect(await area(communeEditor)).toEqual(['29242']);
    type List = {
      data: {
        level1_id: string;
        level2s: { level2_id: string; level3s?: { level3_id: string }[]; merges?: { old_id: string }[] }[];
      }[];
    };
    const [dvhcvn, merges] = ['dvhcvn.json', 'merges.json'].map(
      (f) => JSON.parse(readFileSync(adminUnitsFile(f), 'utf8')) as List,
    );
    const city = new Set(
      dvhcvn!.data
        .find((p) => p.level1_id === '84')!
        .level2s.find((d) => d.level2_id === '842')!
        .level3s!.map((c) => c.level3_id),
    );
    const inFile = new Set(newFc!.features.map((f) => f.properties!.code as string));
    const became = merges!.data
      .flatMap((p) => p.level2s)
      .filter((c) => inFile.has(c.level2_id) && c.merges!.some((m) => city.has(m.old_id)))
      .map((c) => c.level2_id)
      .sort();
    expect(became.length).toBeGreaterThan(1);
    expect(await area(districtEditor)).toEqual(became);
    expect(secondSummary.scopesCarried).toBe(1 + became.length);
    // Saving the user again (only the role changed) keeps the units held: not old Phường 3, which had code 29242 too.
    const users = (
      (await (await admin.get('/api/users')).json()) as { users: { id: number; username: string; scopes: string[] }[] }
    ).users;
    const u = users.find((x) => x.username === communeEditor.username)!;
    expect(u.scopes).toEqual(['29242', '29260']);
    expect((await admin.send('PATCH', `/api/users/${u.id}`, { role: 'approver', scopes: u.scopes })).status).toBe(200);
    const held = await app.database.db
      .select({ code: t.adminUnits.code, validFrom: t.adminUnits.validFrom })
      .from(t.userScopes)
      .innerJoin(t.adminUnits, eq(t.adminUnits.id, t.userScopes.unitId))
      .where(eq(t.userScopes.userId, u.id));
    expect(held.map((h) => `${h.code}@${h.validFrom}`).sort()).toEqual(['29242@2025-07-01', '29260@2015-01-01']);
  });

  it('rejects the proposals pending on closed communes, saying why, and moves the relapse signal with its hotspot', async () => {
    expect(secondSummary).toMatchObject({ proposalsClosed: 2, flagsMoved: 1 });
    expect(secondSummary).not.toHaveProperty('events');
    const proposals = (
      (await (await admin.get('/api/proposals')).json()) as {
        proposals: { id: number; state: string; reason: string | null }[];
      }
    ).proposals;
    const byId = new Map(proposals.map((p) => [p.id, p]));
    expect(byId.get(proposalAfter)).toMatchObject({ state: 'rejected' });
    expect(byId.get(proposalAfter)!.reason).toContain('đề xuất lại cho xã mới');
    expect(byId.get(proposalBefore)).toMatchObject({ state: 'rejected' });
    const flags = (
      (await (await admin.get('/api/flags')).json()) as { flags: { commune: { code: string; name: string } }[] }
    ).flags;
    expect(flags.map((f) => [f.commune.code, f.commune.name])).toEqual([['29242', 'Trà Vinh']]);
  });

  it('draws the old boundaries (with districts) before 1/7/2025 and the new ones from that day', async () => {
    const topo = async (date: string) => (await (await admin.get(`/api/boundaries?date=${date}`)).json()) as Topology;
    const before = await topo('2025-06-30');
    const after = await topo('2025-07-01');
    const geometries = (t: Topology, layer: string) =>
      (t.objects[layer] as unknown as { geometries: { properties: { code: string; name: string } }[] }).geometries;
    expect([
      geometries(before, 'province').map((g) => g.properties.name),
      geometries(before, 'districts').length,
      geometries(before, 'communes').length,
    ]).toEqual([['Trà Vinh'], 9, 104]);
    expect([
      geometries(after, 'province').map((g) => g.properties.name),
      geometries(after, 'districts').length,
      geometries(after, 'communes').length,
    ]).toEqual([['Vĩnh Long'], 0, 124]);
    // Code 29242 is Phường 3 before the reform and Phường Trà Vinh after: the key includes the vintage.
    expect(geometries(before, 'communes').find((g) => g.properties.code === '29242')!.properties.name).toBe('Phường 3');
    expect(geometries(after, 'communes').find((g) => g.properties.code === '29242')!.properties.name).toBe('Trà Vinh');
  });

  it('serves lighter geometry for lower zooms, simplified on shared borders so that neighbours stay glued', async () => {
    const get = async (zoom?: number) => {
      const res = await admin.get(`/api/boundaries?date=2026-01-15${zoom === undefined ? '' : `&zoom=${zoom}`}`);
      const text = await res.text();
      return { bytes: text.length, topo: JSON.parse(text) as Topology };
    };
    const [z8, z12, full] = [await get(8), await get(12), await get()];
    expect(z8.bytes).toBeLessThan(z12.bytes);
    expect(z12.bytes).toBeLessThan(full.bytes / 2);
    const fit = ({ topo }: typeof full) => {
      const communes = topo.objects.communes as GeometryCollection;
      const sum = communes.geometries.reduce((a, g) => a + area(feature(topo, g) as Feature<MultiPolygon>), 0);
      const union = merge(topo, communes.geometries as Parameters<typeof merge>[1]);
      const holes = union.coordinates
        .flatMap((p) => p.slice(1))
        .map((r) => area({ type: 'Polygon', coordinates: [r] }));
      return {
        communes: communes.geometries.length,
        mismatch: Math.abs(area(union) - sum) / sum,
        holes: holes.length,
        holeM2: holes.reduce((a, b) => a + b, 0),
      };
    };
    for (const simplified of [fit(z8), fit(z12)]) {
      expect(simplified.communes).toBe(124);
      // Glued: the areas add up to their union (no overlap), and no gap opens (the README finds none over 0.01 km²).
      expect(simplified.mismatch).toBeLessThan(1e-4);
      expect(simplified.holeM2).toBeLessThan(10_000);
    }
  });

  it('carries the gravest status of the parts over on the change date, and shows the parts with their histories', async () => {
    const statuses = async (date: string) =>
      (
        (await (await admin.get(`/api/statuses?date=${date}`)).json()) as {
          statuses: Record<string, { status: string; since: string } | null>;
        }
      ).statuses;
    const old = await statuses('2024-12-31');
    expect([old['29239']?.status, old['29242']?.status, old['29260']?.status]).toEqual([
      'transformed',
      'drug_free',
      'drug_free',
    ]);
    const now = await statuses('2026-01-15');
    // Gravest of transformed, drug-free, drug-free.
    expect(now['29242']).toEqual({ status: 'transformed', since: '2025-07-01' });
    expect(Object.keys(now)).toHaveLength(124);
    const detail = (await (await admin.get('/api/communes/29242?date=2026-01-15')).json()) as {
      history: { status: string; effectiveDate: string; note: string }[];
      formerUnits: { code: string; name: string; history: { status: string }[] }[];
    };
    expect(detail.history).toHaveLength(1);
    expect(detail.history[0]).toMatchObject({ status: 'transformed', effectiveDate: '2025-07-01' });
    expect(detail.history[0]!.note).toContain('29239 Đã chuyển hóa');
    expect(detail.formerUnits.map((u) => [u.code, u.name, u.history.map((h) => h.status)]).sort()).toEqual([
      ['29239', 'Phường 1', ['complex', 'transformed']],
      ['29242', 'Phường 3', ['drug_free']],
      ['29260', 'Phường 9', ['complex', 'drug_free']],
    ]);
    const oldDetail = (await (await admin.get('/api/communes/29260?date=2024-12-31')).json()) as {
      laterUnits: { code: string; from: string }[];
    };
    expect(oldDetail.laterUnits).toEqual([expect.objectContaining({ code: '29242', from: '2025-07-01' })]);
  });

  it("compares two dates across the reform: the new commune against its parts' gravest status, its parts outlined", async () => {
    const res = await admin.get('/api/compare?a=2023-01-01&b=2026-01-15');
    expect(res.status).toBe(200);
    const c = (await res.json()) as {
      a: { changed: string[] };
      b: { changed: string[] };
      communes: { code: string; name: string; type: string; before: string | null; after: string | null }[];
    };
    // On 1/1/2023 Phường 1 and Phường 9 were complex, Phường 3 drug-free: the gravest is complex; in 2026 transformed.
    expect(c.communes.map((x) => [x.code, x.type, x.name, x.before, x.after])).toEqual([
      ['29242', 'Phường', 'Trà Vinh', 'complex', 'transformed'],
    ]);
    expect(c.b.changed).toEqual(['29242']);
    // On the 2023 map, the three old communes that became Phường Trà Vinh.
    expect(c.a.changed).toEqual(['29239', '29242', '29260']);
    // Between 31/12/2024 and 2026 nothing changed: transformed (the gravest of the parts) on both days.
    const same = (await (await admin.get('/api/compare?a=2024-12-31&b=2026-01-15')).json()) as typeof c;
    expect([same.communes, same.a.changed, same.b.changed]).toEqual([[], [], []]);
  });

  it('computes the indicators on the communes of the date: the old ones in 2024, the new ones (with inherited histories and selections) in 2026', async () => {
    const indicators = async (date: string) =>
      (
        (await (await admin.get(`/api/indicators?plan=kh-2021&date=${date}`)).json()) as {
          indicators: { id: string; value: number | null; numerator?: number; denominator?: number }[];
        }
      ).indicators;
    const pick = (list: Awaited<ReturnType<typeof indicators>>, id: string) => list.find((i) => i.id === id)!;
    const y2024 = await indicators('2024-12-31');
    expect(pick(y2024, 'T1')).toMatchObject({ numerator: 1, denominator: 1 }); // Phường 1 transformed 1/6/2023
    expect(pick(y2024, 'H1')).toMatchObject({ numerator: 0, denominator: 1 }); // the hotspot is active
    const y2026 = await indicators('2026-01-15');
    // Phường Trà Vinh inherits Phường 1's selection and reached "transformed" in its combined history.
    expect(pick(y2026, 'T1')).toMatchObject({ numerator: 1, denominator: 1 });
    expect(pick(y2026, 'T2')).toMatchObject({ numerator: 1, denominator: 1 });
    expect(pick(y2026, 'H1')).toMatchObject({ numerator: 1, denominator: 1 }); // eliminated 1/9/2025 in its new commune
    // Drug-free communes: 2 old ones in 2024; none of the 124 new ones (only Phường Trà Vinh has a status, transformed).
    expect(pick(y2024, 'C1').value).toBe(2);
    expect(pick(y2026, 'C1').value).toBe(0);
  });
});

describeWithSharedData('the 2025 crosswalk when the old vintage was imported to end on 1/7/2025', () => {
  const file = (name: string, path: string) => new File([readFileSync(path)], name);

  it(
    'links and carries the vintage that ends on the new start date; a crosswalk that links nothing is refused',
    async () => {
      const app = await createTestApp(null, '2026-01-15T05:00:00Z');
      try {
        const admin = await signIn(app, 'admin');
        expect(
          (
            await admin.upload('/api/imports/code-lists', file('dvhcvn.json', adminUnitsFile('dvhcvn.json')), {
              asOf: '2025-03-01',
              name: 'dvhcvn',
            })
          ).status,
        ).toBe(201);
        expect(
          (
            await admin.upload('/api/imports/code-lists', file('merges.json', adminUnitsFile('merges.json')), {
              asOf: '2025-07-01',
              name: 'merges',
            })
          ).status,
        ).toBe(201);
        const commit = async (name: string, options: object, crosswalk: boolean) => {
          const preview = await admin.upload('/api/imports/boundaries/preview', file(name, boundaryFile(name)), {
            options: JSON.stringify(options),
            ...(crosswalk ? { crosswalk: file('merges.json', adminUnitsFile('merges.json')) } : {}),
          });
          expect(preview.status).toBe(200);
          const { token } = (await preview.json()) as { token: string };
          return admin.send('POST', '/api/imports/boundaries/commit', { token });
        };

        // The 2025 vintage alone, with the crosswalk: nothing to link, so refused with the reason and nothing written.
        const alone = await commit(NEW_FILE, { validFrom: '2025-07-01' }, true);
        expect(alone.status).toBe(422);
        const refusal = (
          (await alone.json()) as { error: { code: string; issues: { path: string; message: string }[] } }
        ).error;
        expect(refusal.code).toBe('crosswalk_unused');
        expect(refusal.issues[0]!.path).toBe('crosswalk');
        expect(refusal.issues[0]!.message).toContain('ending on 01/07/2025');
        expect(await app.database.db.select({ id: t.adminUnits.id }).from(t.adminUnits)).toEqual([]);

        // The natural order: the old communes until 1/7/2025, then the new ones from that day with the crosswalk.
        const old = await commit(
          OLD_FILE,
          { validFrom: '2015-01-01', validTo: '2025-07-01', skipUnmatched: true },
          false,
        );
        expect(old.status).toBe(201);
        const editor = await signIn(app, 'editor', ['29260']); // old Phường 9
        const reform = await commit(NEW_FILE, { validFrom: '2025-07-01' }, true);
        expect(reform.status).toBe(201);
        const summary = (await reform.json()) as { closed: number; links: number; scopesCarried: number };
        expect(summary.closed).toBe(0); // they had ended already
        expect(summary.links).toBeGreaterThanOrEqual(104); // every old commune went into a new one (before the fix: 0)
        expect(summary.scopesCarried).toBe(1);
        const area = (
          (await (await login(app, editor.username)).get('/api/my-area').then((r) => r.json())) as {
            communes: { code: string }[];
          }
        ).communes;
        expect(area.length).toBeGreaterThan(0);
        expect(area.map((c) => c.code)).not.toContain('29260');
      } finally {
        await app.close();
      }
    },
    15 * 60_000,
  );
});

describe('boundary import requests', () => {
  it('names the field at fault in a 400, and refuses other roles', async () => {
    const app = await createTestApp(null);
    try {
      const admin = await signIn(app, 'admin');
      const geojson = new File(['{"type":"FeatureCollection","features":[]}'], 'x.geojson');
      const bad = await admin.upload('/api/imports/boundaries/preview', geojson, {
        options: JSON.stringify({ validFrom: '1/7/2025' }),
      });
      expect(bad.status).toBe(400);
      expect(((await bad.json()) as { error: { issues: { path: string }[] } }).error.issues[0]!.path).toBe(
        'options.validFrom',
      );
      const noDate = await admin.upload('/api/imports/code-lists', geojson, { name: 'x' });
      expect(((await noDate.json()) as { error: { issues: { path: string }[] } }).error.issues[0]!.path).toBe('asOf');
      const police = await signIn(app, 'police');
      expect((await police.upload('/api/imports/code-lists', geojson, { asOf: '2025-03-01', name: 'x' })).status).toBe(
        403,
      );
    } finally {
      await app.close();
    }
  });
});
