// Matching imported units to the official code list: by code, else by name inside the parent; tone-mark placement
// variants are one name, real spelling differences are not; unmatched and ambiguous units are reported, not guessed.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { FeatureCollection } from 'geojson';
import { bareName, nameKey } from '../../geo/unit-names';
import { parseCodeList, unitMatcher, type OfficialUnit } from '../../server/import/code-list';
import {
  boundaryFile,
  readShared,
  describeWithSharedData,
  sharedDataPresent,
  SHARED_DATA,
} from '../helpers/shared-data';

describe('unit names', () => {
  it('ignores type words, spacing, case, leading zeros and where the tone mark sits, but not letters or tones', () => {
    expect(nameKey('Xã Hoà Hiệp')).toBe(nameKey('Hòa Hiệp'));
    expect(nameKey('Thuỷ')).toBe(nameKey('thủy'));
    expect(nameKey('AnTrường')).toBe(nameKey('Xã An Trường'));
    expect(nameKey('Phường 04')).toBe(nameKey('Phường 4'));
    expect(nameKey('Quỳnh Diện')).not.toBe(nameKey('Quỳnh Diễn'));
    expect(nameKey('Hòa')).not.toBe(nameKey('Hóa'));
    expect([bareName('Thị trấn Càng Long'), bareName('Phường 4'), bareName('Thành phố Vĩnh Yên')]).toEqual([
      'Càng Long',
      'Phường 4',
      'Vĩnh Yên',
    ]);
  });

  it('reports two units of the same name and type in one district as ambiguous, and tells them apart by type', () => {
    const list: OfficialUnit[] = [
      { code: '99', name: 'Tỉnh Thử', type: 'Tỉnh', level: 1, parentCode: null },
      { code: '990', name: 'Huyện Một', type: 'Huyện', level: 2, parentCode: '99' },
      { code: '99001', name: 'Xã Định An', type: 'Xã', level: 3, parentCode: '990' },
      { code: '99002', name: 'Thị trấn Định An', type: 'Thị trấn', level: 3, parentCode: '990' },
      { code: '99003', name: 'Xã Tân Hòa', type: 'Xã', level: 3, parentCode: '990' },
      { code: '99004', name: 'Xã Tân Hoà', type: 'Xã', level: 3, parentCode: '990' },
    ];
    const match = unitMatcher(list, '99');
    expect(match({ name: 'Thị trấn Định An', parent: 'Huyện Một' })).toMatchObject({
      status: 'matched',
      unit: { code: '99002' },
    });
    expect(match({ name: 'Định An', parent: '990', type: 'Xã' })).toMatchObject({
      status: 'matched',
      unit: { code: '99001' },
    });
    expect(match({ name: 'Định An', parent: '990' }).status).toBe('ambiguous');
    expect(match({ name: 'Tân Hòa', parent: '990' })).toMatchObject({
      status: 'ambiguous',
      candidates: [{ code: '99003' }, { code: '99004' }],
    });
    expect(match({ name: 'Tân Hòa', parent: 'Huyện Khác' })).toMatchObject({ status: 'unmatched' });
    expect(match({ code: '99004', name: 'Xã Tân Hòa' })).toMatchObject({
      status: 'matched',
      by: 'code',
      nameDiffers: false,
    });
    expect(match({ code: '99004', name: 'Xã Tân Bình' })).toMatchObject({
      status: 'matched',
      by: 'code',
      nameDiffers: true,
    });
  });
});

describeWithSharedData(`matching the real files of ${SHARED_DATA} to the official lists`, () => {
  const before = sharedDataPresent
    ? parseCodeList(JSON.parse(readShared('admin-units', 'dvhcvn.json').toString('utf8')))
    : [];
  const after = sharedDataPresent
    ? parseCodeList(JSON.parse(readShared('admin-units', 'merges.json').toString('utf8')))
    : [];
  const load = (f: string) => JSON.parse(readFileSync(boundaryFile(f), 'utf8')) as FeatureCollection;

  it('loads the pre-2025 list (63 provinces, 696 districts, 10,047 communes) and the 2025 list (34 provinces, 3,321 communes)', () => {
    const count = (l: OfficialUnit[], level: number) => l.filter((u) => u.level === level).length;
    expect([count(before, 1), count(before, 2), count(before, 3)]).toEqual([63, 696, 10047]);
    expect([count(after, 1), count(after, 2)]).toEqual([34, 3321]);
  });

  it('matches pre-2025 communes by their own source names inside their district, never to a wrong code', () => {
    // Source attributes as published (vietnam63: "Phường Tích Sơn" / "Thành phố Vĩnh Yên"; GADM: "AnTrường" / "CàngLong").
    const cases = [
      ['vn-vietnam63-26-vinh-phuc-communes.geojson', '26', 'commune_vn', 'district_vn', 113],
      ['vn-vietnam63-84-tra-vinh-communes.geojson', '84', 'commune_vn', 'district_vn', 95],
      ['vn-gadm41-02-ha-giang-communes.geojson', '02', 'NAME_3', 'NAME_2', 193],
      ['vn-gadm41-84-tra-vinh-communes.geojson', '84', 'NAME_3', 'NAME_2', 104],
    ] as const;
    for (const [file, province, nameAttr, parentAttr, expected] of cases) {
      const match = unitMatcher(before, province);
      const results = load(file).features.map((f) => ({
        f,
        r: match({ name: f.properties![nameAttr], parent: f.properties![parentAttr] }),
      }));
      const matched = results.filter((x) => x.r.status === 'matched');
      expect(matched.length, file).toBe(expected);
      for (const { f, r } of matched)
        expect(r.status === 'matched' && r.unit.code, `${file} ${f.properties![nameAttr]}`).toBe(f.properties!.code);
      // Communes gone from the 2025-03 list (merged since the polygons were drawn) stay unmatched.
      for (const { f, r } of results.filter((x) => x.f.properties!.code === null))
        expect(r.status, `${file} ${f.properties![nameAttr]}`).not.toBe('matched');
    }
  });

  it('reports the Duyên Hải communes that changed district as unmatched, naming where the name exists instead', () => {
    const match = unitMatcher(before, '84');
    const moved = load('vn-vietnam63-84-tra-vinh-communes.geojson').features.filter(
      (f) => f.properties!.code_match === 'province+name',
    );
    expect(moved.length).toBe(7);
    for (const f of moved) {
      const r = match({ name: f.properties!.commune_vn, parent: f.properties!.district_vn });
      expect(r.status).toBe('unmatched');
      expect(r.status === 'unmatched' && r.elsewhere.map((u) => u.code)).toContain(f.properties!.code);
    }
  });

  it('matches every 2025 commune of the three new provinces by code, and by name alone, tone variants included', () => {
    for (const [file, province] of [
      ['vn-2025-86-vinh-long-communes.geojson', '86'],
      ['vn-2025-08-tuyen-quang-communes.geojson', '08'],
      ['vn-2025-25-phu-tho-communes.geojson', '25'],
    ] as const) {
      const match = unitMatcher(after, province);
      for (const f of load(file).features) {
        expect(match({ code: f.properties!.code, name: f.properties!.fullName }), f.properties!.fullName).toMatchObject(
          { status: 'matched', by: 'code', nameDiffers: false, unit: { code: f.properties!.code } },
        );
        expect(match({ name: f.properties!.fullName }), f.properties!.fullName).toMatchObject({
          status: 'matched',
          unit: { code: f.properties!.code },
        });
      }
    }
  });
});
