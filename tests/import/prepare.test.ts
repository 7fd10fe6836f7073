// A boundary file made ready for import: reprojected from VN-2000 TM-3 (a .prj without the datum shift, as ESRI
// writes it), checked, reported; the command line refuses what it cannot read and writes nothing.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { distance } from '@turf/turf';
import proj4 from 'proj4';
import { afterAll, describe, expect, it } from 'vitest';
import type { FeatureCollection, MultiPolygon, Position } from 'geojson';
import { epsgDefinition } from '../../geo/projections';
import * as t from '../../server/db/schema';
import { prepareBoundaries } from '../../server/import/prepare';
import { MAX_IMPORT_BYTES } from '../../server/import/read';
import { boundaryFile, describeWithSharedData, sharedDataPresent } from '../helpers/shared-data';
import { zippedShapefile } from '../helpers/shapefile';
import { miniProvince } from '../fixtures/mini-province';

const ESRI_TM3_105_30 =
  'PROJCS["VN_2000_TM3_105_30",GEOGCS["GCS_VN_2000",DATUM["D_Vietnam_2000",SPHEROID["WGS_1984",6378137.0,298.257223563]],PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]],PROJECTION["Transverse_Mercator"],PARAMETER["False_Easting",500000.0],PARAMETER["False_Northing",0.0],PARAMETER["Central_Meridian",105.5],PARAMETER["Scale_Factor",0.9999],PARAMETER["Latitude_Of_Origin",0.0],UNIT["Meter",1.0]]';
const dir = mkdtempSync(join(tmpdir(), 'pcmt-import-'));
// A demo dataset for the command line to refuse to write over.
writeFileSync(join(dir, 'demo.json'), JSON.stringify(miniProvince));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
// The command line opens the embedded database (code lists, outlines): a throwaway one here.
const cliEnv = { ...process.env, DATA_DIR: join(dir, 'db'), DATABASE_URL: '' };

// Real boundary files and child processes (tsx, the embedded database) take what the machine needs: this limit
// only catches a hang, so a slow machine does not fail (the suite default of 60 s would).
const UNHURRIED = 15 * 60_000;

function cli(...args: string[]) {
  return spawnSync(process.execPath, ['--import', 'tsx', 'server/import-cli.ts', ...args], {
    encoding: 'utf8',
    env: cliEnv,
  });
}

describeWithSharedData('preparing a VN-2000 TM-3 Shapefile (Trà Vinh, GADM communes)', () => {
  const original = sharedDataPresent
    ? (JSON.parse(readFileSync(boundaryFile('vn-gadm41-84-tra-vinh-communes.geojson'), 'utf8')) as FeatureCollection)
    : null;
  // The province's communes as a land office would hold them: VN-2000 TM-3 105°30′ metres.
  const toTm3 = proj4('WGS84', epsgDefinition(9209)!);
  const projected =
    original &&
    ({
      ...original,
      features: original.features.map((f) => ({
        ...f,
        properties: { MA_XA: f.properties!.code ?? '', TEN_XA: f.properties!.name },
        geometry: {
          type: 'MultiPolygon',
          coordinates: (f.geometry as MultiPolygon).coordinates.map((p) =>
            p.map((r) => r.map((q) => toTm3.forward(q as [number, number]))),
          ),
        },
      })),
    } as FeatureCollection);

  it(
    'reprojects to within 1 m of the original, mends the missing datum shift and says so',
    async () => {
      const zip = await zippedShapefile(projected!, { prj: ESRI_TM3_105_30, cpg: 'UTF-8' });
      const { units, report } = await prepareBoundaries('tra-vinh-vn2000.zip', zip, { skipUnmatched: true });
      expect(report.features).toBe(106);
      // The two communes without a code are reported and left out; the 104 others are ready.
      expect(report.findings.filter((f) => f.kind === 'unmatched').map((f) => f.feature)).toEqual([98, 102]);
      expect(report.ready).toBe(104);
      expect(report.crs.source).toBe('file');
      expect(report.notes.map((n) => n.en).join()).toContain('Decision 05/2007');
      expect(report.blocking).toBe(0);
      let worst = 0;
      units.forEach((u, i) => {
        const a = (original!.features[i]!.geometry as MultiPolygon).coordinates[0]![0]!;
        const b = new Set(u.geometry!.coordinates[0]![0]!.map((q) => q.join()));
        // Rings come back rewound (RFC 7946): compare as sets of vertices, each within 1 m of its original.
        for (const q of a.slice(0, 20)) {
          const nearest = Math.min(
            ...[...b].map((s) =>
              distance(q as [number, number], s.split(',').map(Number) as [number, number], { units: 'meters' }),
            ),
          );
          worst = Math.max(worst, nearest);
        }
      });
      expect(worst).toBeLessThan(1);
      expect(report.attributes.map((a) => a.name)).toEqual(['MA_XA', 'TEN_XA']);
    },
    UNHURRIED,
  );

  it(
    'metres without a .prj block the import with the advice to give the EPSG code, and --epsg fixes it',
    async () => {
      const zip = await zippedShapefile(projected!, { cpg: 'UTF-8' });
      const blocked = await prepareBoundaries('no-prj.zip', zip, { skipUnmatched: true });
      expect(new Set(blocked.report.findings.filter((f) => f.blocking).map((f) => f.feature)).size).toBe(106); // every unit
      expect(blocked.report.findings[0]).toMatchObject({ kind: 'out_of_range', blocking: true });
      expect(blocked.report.notes.map((n) => n.en).join()).toContain('give its EPSG code');
      const told = await prepareBoundaries('no-prj.zip', zip, { epsg: 9209, skipUnmatched: true });
      expect([told.report.blocking, told.report.crs.source]).toEqual([0, 'option']);
    },
    UNHURRIED,
  );
});

describe('the import command line', () => {
  it(
    'prints the report of a dry run and exits 0 when nothing blocks',
    () => {
      const file = join(dir, 'one.geojson');
      const ring: Position[] = [
        [106, 10],
        [106, 10.01],
        [106.01, 10.01],
        [106.01, 10],
        [106, 10],
      ];
      writeFileSync(
        file,
        JSON.stringify({
          type: 'FeatureCollection',
          features: [
            {
              type: 'Feature',
              properties: { ma: '29266', ten: 'Càng Long' },
              geometry: { type: 'Polygon', coordinates: [ring] },
            },
          ],
        }),
      );
      const out = execFileSync(
        process.execPath,
        [
          '--import',
          'tsx',
          'server/import-cli.ts',
          'boundaries',
          file,
          '--dry-run',
          '--valid-from',
          '2020-01-01',
          '--province',
          '84',
        ],
        { encoding: 'utf8', env: cliEnv },
      );
      expect(out).toContain('ten: Càng Long');
      expect(out).toContain('winding: 1 (đã sửa / repaired) — #1 29266 Càng Long');
      expect(out).toContain(
        'Chạy thử, chưa ghi gì; sẽ ghi / dry run, nothing written; would write: 1 tỉnh, 0 huyện, 1 xã (hiệu lực từ / valid from 2020-01-01)',
      );
    },
    UNHURRIED,
  );

  it(
    'refuses a 200 MB file before reading it, broken JSON and unknown options, with exit code 2',
    () => {
      const big = join(dir, 'big.geojson');
      writeFileSync(big, '');
      truncateSync(big, 200 * 1024 * 1024); // sparse: nothing to read, the size alone refuses it
      expect(200 * 1024 * 1024).toBeGreaterThan(MAX_IMPORT_BYTES);
      const r = cli('boundaries', big, '--dry-run', '--valid-from', '2020-01-01');
      expect(r.status).toBe(2);
      expect(r.stderr).toContain('vượt giới hạn');
      expect(r.stderr).toContain('Thời gian / time:'); // refusals print the time and memory line too
      const broken = join(dir, 'broken.geojson');
      writeFileSync(broken, '{"type":');
      const b = cli('boundaries', broken, '--dry-run', '--valid-from', '2020-01-01');
      expect([b.status, b.stderr.includes('The file is not valid JSON')]).toEqual([2, true]);
      expect(cli('boundaries', broken, '--dry-run', '--valid-from', '2020-01-01', '--encoding', 'koi8').status).toBe(2);
      // A dry run without a date would check the file against whichever list is newest: it needs the vintage's date.
      const undated = cli('boundaries', broken, '--dry-run');
      expect([undated.status, undated.stderr.includes('--valid-from')]).toEqual([2, true]);
    },
    UNHURRIED,
  );

  it(
    'commits a file as a vintage in one transaction; a blocked file, a bad date or a second import of the same vintage write nothing',
    async () => {
      const square = (x: number): Position[] => [
        [x, 10],
        [x + 0.01, 10],
        [x + 0.01, 10.01],
        [x, 10.01],
        [x, 10],
      ];
      const fc = (features: { ma: string; ten: string; ring: Position[] }[]) =>
        JSON.stringify({
          type: 'FeatureCollection',
          features: features.map((f) => ({
            type: 'Feature',
            properties: { ma: f.ma, ten: f.ten, ma_tinh: '84' },
            geometry: { type: 'Polygon', coordinates: [f.ring] },
          })),
        });
      const good = join(dir, 'good.geojson');
      writeFileSync(
        good,
        fc([
          { ma: '29266', ten: 'Xã Càng Long', ring: square(106) },
          { ma: '29269', ten: 'Xã Mỹ Cẩm', ring: square(106.01) },
        ]),
      );
      const bowtie = join(dir, 'bowtie.geojson');
      writeFileSync(
        bowtie,
        fc([
          {
            ma: '29266',
            ten: 'Xã Càng Long',
            ring: [
              [106, 10],
              [106.01, 10.01],
              [106.01, 10],
              [106, 10.01],
              [106, 10],
            ],
          },
        ]),
      );
      const dbDir = join(dir, 'db');
      const count = async () => {
        const { openPglite } = await import('../../server/db/client');
        const database = await openPglite(dbDir);
        try {
          const rows = await database.db
            .select({ code: t.adminUnits.code, validFrom: t.adminUnits.validFrom })
            .from(t.adminUnits);
          return rows.map((r) => `${r.code}@${r.validFrom}`).sort();
        } finally {
          await database.close();
        }
      };
      const blocked = cli('boundaries', bowtie, '--commit', '--valid-from', '2020-01-01', '--province', '84');
      expect([blocked.status, blocked.stdout.includes('self_intersection: 1 (CHẶN / BLOCKS)')]).toEqual([1, true]);
      expect(cli('boundaries', good, '--commit', '--valid-from', '1/1/2020').status).toBe(2);
      expect(cli('boundaries', good, '--commit').stderr).toContain('--valid-from');
      expect(await count()).toEqual([]);
      const done = cli('boundaries', good, '--commit', '--valid-from', '2020-01-01', '--province', '84');
      expect(done.status).toBe(0);
      expect(done.stdout).toContain('Đã ghi / written: 1 tỉnh, 0 huyện, 2 xã');
      expect(await count()).toEqual(['29266@2020-01-01', '29269@2020-01-01', '84@2020-01-01']);
      const again = cli('boundaries', good, '--commit', '--valid-from', '2020-01-01', '--province', '84');
      expect([again.status, again.stdout.includes('already exist')]).toEqual([1, true]);
      expect(await count()).toHaveLength(3);
    },
    UNHURRIED,
  );

  it(
    'agrees between a dry run and a commit of the same file with the same options, on every refusal',
    async () => {
      const square = (x: number): Position[] => [
        [x, 10],
        [x + 0.01, 10],
        [x + 0.01, 10.01],
        [x, 10.01],
        [x, 10],
      ];
      const write = (name: string, features: Record<string, unknown>[]) => {
        const path = join(dir, name);
        writeFileSync(
          path,
          JSON.stringify({
            type: 'FeatureCollection',
            features: features.map((p, i) => ({
              type: 'Feature',
              properties: p,
              geometry: { type: 'Polygon', coordinates: [square(106 + i * 0.01)] },
            })),
          }),
        );
        return path;
      };
      const own = { ...cliEnv, DATA_DIR: join(dir, 'agree-db') };
      const run = (...args: string[]) =>
        spawnSync(process.execPath, ['--import', 'tsx', 'server/import-cli.ts', ...args], {
          encoding: 'utf8',
          env: own,
        });
      const both = (file: string, ...options: string[]) => [
        run('boundaries', file, '--dry-run', ...options),
        run('boundaries', file, '--commit', ...options),
      ];
      const list = join(dir, 'list-2020.json');
      writeFileSync(
        list,
        JSON.stringify({
          data: [
            {
              level1_id: '84',
              name: 'Tỉnh Trà Vinh',
              type: 'Tỉnh',
              level2s: [
                {
                  level2_id: '842',
                  name: 'Huyện Càng Long',
                  type: 'Huyện',
                  level3s: [{ level3_id: '29266', name: 'Thị trấn Càng Long', type: 'Thị trấn' }],
                },
              ],
            },
          ],
        }),
      );

      // A district file: both refuse it, saying why.
      const districts = write('districts.geojson', [
        { level2_id: '842', district_name: 'Huyện Càng Long', district_type: 'Huyện', province_code: '84' },
      ]);
      for (const r of both(districts, '--valid-from', '2020-01-01', '--province', '84')) {
        expect(r.status).toBe(1);
        expect(r.stdout).toContain('Only commune boundaries can be imported');
        expect(r.stderr).toContain('Thời gian / time:');
      }
      // Every unit left out: both say there is nothing to import (no "ready to import 0 units").
      const strangers = write('strangers.geojson', [{ ma: '99999', ten: 'Xã Không Có' }]);
      for (const r of both(
        strangers,
        '--valid-from',
        '2020-01-01',
        '--province',
        '84',
        '--code-list',
        list,
        '--skip-unmatched',
      )) {
        expect(r.status).toBe(1);
        expect(r.stdout).toContain('Nothing to import');
        expect(r.stdout).not.toContain('ready to import');
      }
      // A demo database: both name the command line's option, not the page's checkbox.
      execFileSync(process.execPath, ['--import', 'tsx', 'data/load-cli.ts', join(dir, 'demo.json')], {
        env: own,
        input: '',
        stdio: 'ignore',
      });
      const good = write('good-agree.geojson', [{ ma: '29266', ten: 'Thị trấn Càng Long' }]);
      for (const r of both(good, '--valid-from', '2020-01-01', '--province', '84')) {
        expect(r.status).toBe(1);
        expect(r.stdout).toContain('use --replace-demo');
      }
      // Allowed: the dry run says what the commit then writes, and writes nothing itself.
      const [dry, done] = both(good, '--valid-from', '2020-01-01', '--province', '84', '--replace-demo');
      expect([dry!.status, done!.status]).toEqual([0, 0]);
      expect(dry!.stdout).toContain('would write: 1 tỉnh, 0 huyện, 1 xã');
      expect(done!.stdout).toContain('Đã ghi / written: 1 tỉnh, 0 huyện, 1 xã');
    },
    10 * 60_000,
  );
});
