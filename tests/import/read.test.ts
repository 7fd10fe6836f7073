// Reading boundary files: every shared real file as GeoJSON, as TopoJSON and as a zipped Shapefile in each legacy
// text encoding; and each bad input refused with a clear message.
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { topology } from 'topojson-server';
import type { FeatureCollection } from 'geojson';
import { HttpError } from '../../server/http/errors';
import { isVietnameseSyllable, vietnameseScore } from '../../server/import/encodings';
import { MAX_IMPORT_BYTES, readBoundaryFile } from '../../server/import/read';
import { boundaryFile, manifest, describeWithSharedData, sharedDataPresent, SHARED_DATA } from '../helpers/shared-data';
import { zippedShapefile } from '../helpers/shapefile';

const utf8 = (s: string) => new TextEncoder().encode(s);
const square: FeatureCollection = {
  type: 'FeatureCollection',
  features: [
    {
      type: 'Feature',
      properties: { ma: '29266', ten: 'Thị trấn Càng Long' },
      geometry: {
        type: 'Polygon',
        coordinates: [
          [
            [106, 10],
            [106, 10.01],
            [106.01, 10.01],
            [106.01, 10],
            [106, 10],
          ],
        ],
      },
    },
  ],
};

async function refusal(p: Promise<unknown>): Promise<HttpError> {
  const e = await p.then(
    () => null,
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(HttpError);
  return e as HttpError;
}

describe('reading boundary files', () => {
  it('tells Vietnamese syllables from mis-decoded text', () => {
    for (const w of ['Trường', 'Nghĩa', 'Quỳnh', 'giữa', 'Khuyến', 'Xã']) expect(isVietnameseSyllable(w), w).toBe(true);
    for (const w of ['Trươøng', 'TrÆ°á»ng', 'Tr­êng', 'Hßa', 'ỏằng']) expect(isVietnameseSyllable(w), w).toBe(false);
    expect(vietnameseScore(['Thị trấn Càng Long'])).toBe(1);
  });

  it('refuses an empty file, broken JSON, JSON that is not GeoJSON, a .zip that is not a zip, a bare .shp, a zip without .dbf', async () => {
    expect((await refusal(readBoundaryFile('a.geojson', new Uint8Array()))).code).toBe('empty_file');
    const broken = await refusal(readBoundaryFile('a.geojson', utf8('{"type": "FeatureCollection", "features": [')));
    expect(broken.code).toBe('bad_json');
    expect(broken.vi).toMatch(/^Tệp không phải JSON hợp lệ/);
    expect((await refusal(readBoundaryFile('a.json', utf8('{"hello": 1}')))).code).toBe('not_geojson');
    expect((await refusal(readBoundaryFile('a.zip', utf8('not a zip at all')))).code).toBe('not_zip');
    expect((await refusal(readBoundaryFile('a.shp', new Uint8Array([0, 0, 0x27, 0x0a, 1, 2])))).code).toBe('bare_shp');
    const noDbf = await refusal(readBoundaryFile('a.zip', await zippedShapefile(square, { withDbf: false })));
    expect(noDbf.code).toBe('no_dbf');
    expect(noDbf.en).toContain('communes.dbf');
  });

  it('refuses a file above the limit before reading it', async () => {
    const big = new Uint8Array(MAX_IMPORT_BYTES + 1);
    const e = await refusal(readBoundaryFile('big.geojson', big));
    expect([e.status, e.code]).toEqual([413, 'file_too_large']);
  });

  it('reads a zipped Shapefile whose text is TCVN3 although its .cpg says UTF-8, or VNI without .cpg, or asks when told', async () => {
    for (const [encoding, cpg] of [
      ['utf-8', 'UTF-8'],
      ['tcvn3', 'UTF-8'],
      ['vni', null],
      ['tcvn3', null],
    ] as const) {
      const layer = await readBoundaryFile('x.zip', await zippedShapefile(square, { encoding, cpg }));
      expect(layer.features[0]!.properties!.ten, `${encoding}/${cpg}`).toBe('Thị trấn Càng Long');
      expect(layer.encoding).toBe(encoding);
      expect(layer.cpgOverridden).toBe(cpg && encoding !== 'utf-8' ? cpg : null);
    }
    // Real VNI-Windows spellings (typed from the VNI table, not produced by the decoder's library), found without .cpg.
    const vni: [string, string][] = [
      ['Phöôøng 4', 'Phường 4'],
      ['Thò traán', 'Thị trấn'],
      ['Hoøa Bình', 'Hòa Bình'],
      ['Nguyeãn', 'Nguyễn'],
      ['Myõ Thuaän', 'Mỹ Thuận'],
      ['Ñoàng Ích', 'Đồng Ích'],
      ['Tröôøng Xuaân', 'Trường Xuân'],
      ['Hieäp Thaïnh', 'Hiệp Thạnh'],
      ['Ñaïi Phöôùc', 'Đại Phước'],
      ['Cöûu Long', 'Cửu Long'],
      ['Söõa', 'Sữa'],
      ['Ngöï', 'Ngự'],
      ['Kyø', 'Kỳ'],
      ['Quyù', 'Quý'],
      ['Thuûy', 'Thủy'],
      ['Ñaék', 'Đắk'],
      ['Naêm Caên', 'Năm Căn'],
    ];
    const fc: FeatureCollection = {
      ...square,
      features: vni.map(([v], i) => ({ ...square.features[0]!, properties: { ma: String(i), ten: v } })),
    };
    const asWritten = await zippedShapefile(fc, { encoding: 'windows-1252-bytes' });
    const read = await readBoundaryFile('vni.zip', asWritten);
    expect(read.encoding).toBe('vni');
    expect(read.features.map((f) => f.properties!.ten)).toEqual(vni.map(([, u]) => u));
    // A TCVN3 name as found in a real repository (epix-project/communesVN): "T©n Ch©u".
    const tcvn = await readBoundaryFile(
      't.zip',
      await zippedShapefile(
        { ...square, features: [{ ...square.features[0]!, properties: { ten: 'T©n Ch©u' } }] },
        { encoding: 'windows-1252-bytes' },
      ),
    );
    expect([tcvn.encoding, tcvn.features[0]!.properties!.ten]).toEqual(['tcvn3', 'Tân Châu']);

    // The user's choice wins over detection.
    const forced = await readBoundaryFile('x.zip', await zippedShapefile(square, { encoding: 'tcvn3' }), {
      encoding: 'vni',
    });
    expect(forced.encoding).toBe('vni');
    expect(forced.features[0]!.properties!.ten).not.toBe('Thị trấn Càng Long');
  });
});

describeWithSharedData(`the real files of ${SHARED_DATA}`, () => {
  const files = sharedDataPresent ? readdirSync(`${SHARED_DATA}/boundaries`).filter((f) => f.endsWith('.geojson')) : [];
  const m = sharedDataPresent ? manifest() : {};

  it('reads every file as GeoJSON and as TopoJSON with the feature count of the manifest', async () => {
    expect(files.length).toBe(12);
    for (const f of files) {
      const bytes = readFileSync(boundaryFile(f));
      const layer = await readBoundaryFile(f, bytes);
      expect(layer.features.length, f).toBe(m[f]!.features);
      const topo = utf8(JSON.stringify(topology({ units: JSON.parse(bytes.toString('utf8')) as FeatureCollection })));
      expect((await readBoundaryFile(f.replace('.geojson', '.topojson'), topo)).features.length, f).toBe(
        m[f]!.features,
      );
    }
  });

  it('gets back every commune name with its diacritics from Shapefiles in UTF-8 and TCVN3', async () => {
    for (const f of files.filter((x) => x.includes('communes') && !x.includes('2025'))) {
      const fc = JSON.parse(readFileSync(boundaryFile(f), 'utf8')) as FeatureCollection;
      fc.features = fc.features.map((x) => ({
        ...x,
        properties: { ma: x.properties!.code ?? '', ten: x.properties!.name, loai: x.properties!.type },
      }));
      const names = fc.features.map((x) => x.properties!.ten as string);
      for (const encoding of ['utf-8', 'tcvn3'] as const) {
        const layer = await readBoundaryFile(`${f}.zip`, await zippedShapefile(fc, { encoding }));
        expect(layer.encoding, `${f} ${encoding}`).toBe(encoding);
        expect(
          layer.features.map((x) => x.properties!.ten),
          `${f} ${encoding}`,
        ).toEqual(names);
      }
    }
  });
});
