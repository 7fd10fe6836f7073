// Reprojection to WGS 84 checked against control points from independent references:
// - PROJ 9.1.1 (EPSG dataset v10.076) running the official transformation EPSG:6960 "VN-2000 to WGS 84 (2)" (the
//   7 parameters of Decision 05/2007/QĐ-BTNMT, Coordinate Frame) after the inverse TM-3/UTM projection;
// - a published government pair: port-waters point LS1 (Lý Sơn) in the annex of Thông tư 37/2019/TT-BGTVT, given
//   to 0.1″ in both VN-2000 and WGS 84;
// - GeographicLib 2.1.2 GeoConvert (Karney's transverse Mercator): its manual's example (33.3 44.4 → 38n 444140.54
//   3684706.36) and zone 48N/49N values computed with it.
import { distance } from '@turf/turf';
import { describe, expect, it } from 'vitest';
import { epsgDefinition, KNOWN_EPSG, resolveCrs, toWgs84 } from '../../geo/projections';

const metres = (a: number[], b: number[]) =>
  distance(a as [number, number], b as [number, number], { units: 'meters' });
const dms = (d: number, m: number, s: number) => d + m / 60 + s / 3600;
const fromEpsg = (code: number) => toWgs84(epsgDefinition(code)!);

describe('VN-2000 and UTM to WGS 84', () => {
  it('VN-2000 TM-3 and UTM coordinates land within 1 m (in fact 1 mm) of PROJ running EPSG:6960', () => {
    const cases: [number, [number, number], [number, number]][] = [
      [9209, [600000, 1100000], [106.413770255, 9.945800782]], // TM-3 105°30′: Trà Vinh, Vĩnh Long, Hà Giang
      [9210, [600000, 1200000], [106.666402496, 10.849848177]], // TM-3 105°45′: Bến Tre, TP Hồ Chí Minh
      [5897, [590000, 2330000], [105.867936586, 21.061440156]], // TM-3 105°00′: Hà Nội, Vĩnh Phúc
      [9208, [550000, 2350000], [105.233626014, 21.243623778]], // TM-3 104°45′: Phú Thọ
      [9211, [420000, 2410000], [105.228264755, 21.784446923]], // TM-3 106°00′: Tuyên Quang
      [3405, [600000, 1100000], [105.914053481, 9.948787386]], // VN-2000 / UTM 48N
      [3406, [200000, 1780000], [108.197675129, 16.080609953]], // VN-2000 / UTM 49N
      [4756, [106, 10], [106.00178356, 9.998984912]], // VN-2000 geographic
    ];
    for (const [code, input, expected] of cases)
      expect(metres(fromEpsg(code)(input), expected), `EPSG:${code}`).toBeLessThan(0.001);
  });

  it('the published point LS1 (Thông tư 37/2019/TT-BGTVT) comes out within 1 m of its published WGS 84 place', () => {
    const vn2000 = [dms(109, 6, 0.5), dms(15, 22, 32.7)];
    const wgs84 = [dms(109, 6, 7), dms(15, 22, 29)];
    const got = fromEpsg(4756)(vn2000);
    expect(metres(got, wgs84)).toBeLessThan(1);
    // Without the datum shift the same point would be ~225 m away: the shift is really applied.
    expect(metres(vn2000, wgs84)).toBeGreaterThan(200);
  });

  it('WGS 84 UTM: GeographicLib’s own example, and zones 48N/49N within 1 mm of GeoConvert', () => {
    const utm38 = toWgs84('+proj=utm +zone=38 +datum=WGS84 +units=m +no_defs');
    expect(metres(utm38([444140.54, 3684706.36]), [44.4, 33.3])).toBeLessThan(0.01); // the example is given to 1 cm
    expect(metres(fromEpsg(32648)([588324.2493, 2325702.9464]), [105.85, 21.03])).toBeLessThan(0.001);
    expect(metres(fromEpsg(32648)([600000, 1100000]), [105.91226999, 9.949802036])).toBeLessThan(0.001);
    expect(metres(fromEpsg(32649)([200396.497, 1776491.2713]), [108.2, 16.05])).toBeLessThan(0.001);
  });

  it('a .prj without the VN-2000 shift (ESRI style) or with unflipped rotations is mended, and says so', () => {
    const esri =
      'PROJCS["VN_2000_TM3_105_30",GEOGCS["GCS_VN_2000",DATUM["D_Vietnam_2000",SPHEROID["WGS_1984",6378137.0,298.257223563]],PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]],PROJECTION["Transverse_Mercator"],PARAMETER["False_Easting",500000.0],PARAMETER["False_Northing",0.0],PARAMETER["Central_Meridian",105.5],PARAMETER["Scale_Factor",0.9999],PARAMETER["Latitude_Of_Origin",0.0],UNIT["Meter",1.0]]';
    const mended = resolveCrs(esri)!;
    expect(mended.note?.en).toContain('Decision 05/2007');
    expect(metres(toWgs84(mended.definition)([600000, 1100000]), [106.413770255, 9.945800782])).toBeLessThan(0.001);
    const epsgIo = esri.replace(
      'DATUM["D_Vietnam_2000",SPHEROID["WGS_1984",6378137.0,298.257223563]]',
      'DATUM["Vietnam_2000",SPHEROID["WGS 84",6378137,298.257223563],TOWGS84[-191.90441429,-39.30318279,-111.45032835,-0.00928836,0.01975479,-0.00427372,0.252906278]]',
    );
    const flipped = resolveCrs(epsgIo)!;
    expect(flipped.note?.en).toContain('sign convention');
    expect(metres(toWgs84(flipped.definition)([600000, 1100000]), [106.413770255, 9.945800782])).toBeLessThan(0.001);
  });

  it('reads EPSG names and URNs, knows WGS 84 WKT, and refuses what it does not know', () => {
    expect(resolveCrs('urn:ogc:def:crs:EPSG::3405')!.definition).toBe(epsgDefinition(3405));
    expect(resolveCrs('EPSG:9209')!.definition).toBe(epsgDefinition(9209));
    expect(
      resolveCrs(
        'GEOGCS["GCS_WGS_1984",DATUM["D_WGS_1984",SPHEROID["WGS_1984",6378137.0,298.257223563]],PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]]',
      )!.definition,
    ).toBe('WGS84');
    expect(resolveCrs(2154)).toBeNull();
    expect(KNOWN_EPSG).toEqual(expect.arrayContaining([4326, 4756, 3405, 3406, 32648, 32649, 5897, 9209, 9218]));
  });
});
