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
import { boundaryFile, sharedDataPresent } from '../helpers/shared-data';
import { zippedShapefile } from '../helpers/shapefile';

const ESRI_TM3_105_30 = 'PROJCS["VN_2000_TM3_105_30",GEOGCS["GCS_VN_2000",DATUM["D_Vietnam_2000",SPHEROID["WGS_1984",6378137.0,298.257223563]],PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]],PROJECTION["Transverse_Mercator"],PARAMETER["False_Easting",500000.0],PARAMETER["False_Northing",0.0],PARAMETER["Central_Meridian",105.5],PARAMETER["Scale_Factor",0.9999],PARAMETER["Latitude_Of_Origin",0.0],UNIT["Meter",1.0]]';
const dir = mkdtempSync(join(tmpdir(), 'pcmt-import-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
// The command line opens the embedded database (code lists, outlines): a throwaway one here.
const cliEnv = { ...process.env, DATA_DIR: join(dir, 'db'), DATABASE_URL: '' };

function cli(...args: string[]) {
  return spawnSync(process.execPath, ['--import', 'tsx', 'server/import-cli.ts', ...args], { encoding: 'utf8', env: cliEnv });
}

describe.skipIf(!sharedDataPresent)('preparing a VN-2000 TM-3 Shapefile (Trà Vinh, GADM communes)', () => {
  const original = sharedDataPresent ? (JSON.parse(readFileSync(boundaryFile('vn-gadm41-84-tra-vinh-communes.geojson'), 'utf8')) as FeatureCollection) : null;
  // The province's communes as a land office would hold them: VN-2000 TM-3 105°30′ metres.
  const toTm3 = proj4('WGS84', epsgDefinition(9209)!);
  const projected = original && ({
    ...original,
    features: original.features.map((f) => ({ ...f, properties: { MA_XA: f.properties!.code ?? '', TEN_XA: f.properties!.name }, geometry: { type: 'MultiPolygon', coordinates: (f.geometry as MultiPolygon).coordinates.map((p) => p.map((r) => r.map((q) => toTm3.forward(q as [number, number])))) } })),
  } as FeatureCollection);

  it('reprojects to within 1 m of the original, mends the missing datum shift and says so', async () => {
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
        const nearest = Math.min(...[...b].map((s) => distance(q as [number, number], s.split(',').map(Number) as [number, number], { units: 'meters' })));
        worst = Math.max(worst, nearest);
      }
    });
    expect(worst).toBeLessThan(1);
    expect(report.attributes.map((a) => a.name)).toEqual(['MA_XA', 'TEN_XA']);
  });

  it('metres without a .prj block the import with the advice to give the EPSG code, and --epsg fixes it', async () => {
    const zip = await zippedShapefile(projected!, { cpg: 'UTF-8' });
    const blocked = await prepareBoundaries('no-prj.zip', zip, { skipUnmatched: true });
    expect(new Set(blocked.report.findings.filter((f) => f.blocking).map((f) => f.feature)).size).toBe(106); // every unit
    expect(blocked.report.findings[0]).toMatchObject({ kind: 'out_of_range', blocking: true });
    expect(blocked.report.notes.map((n) => n.en).join()).toContain('give its EPSG code');
    const told = await prepareBoundaries('no-prj.zip', zip, { epsg: 9209, skipUnmatched: true });
    expect([told.report.blocking, told.report.crs.source]).toEqual([0, 'option']);
  });
});

describe('the import command line', () => {
  it('prints the report of a dry run and exits 0 when nothing blocks', () => {
    const file = join(dir, 'one.geojson');
    const ring: Position[] = [[106, 10], [106, 10.01], [106.01, 10.01], [106.01, 10], [106, 10]];
    writeFileSync(file, JSON.stringify({ type: 'FeatureCollection', features: [{ type: 'Feature', properties: { ma: '29266', ten: 'Càng Long' }, geometry: { type: 'Polygon', coordinates: [ring] } }] }));
    const out = execFileSync(process.execPath, ['--import', 'tsx', 'server/import-cli.ts', 'boundaries', file, '--dry-run'], { encoding: 'utf8', env: cliEnv });
    expect(out).toContain('ten: Càng Long');
    expect(out).toContain('winding: 1 (đã sửa / repaired) — #1 29266 Càng Long');
    expect(out).toContain('Có thể nhập 1 đơn vị / ready to import 1 unit(s)');
  });

  it('refuses a 200 MB file before reading it, broken JSON and unknown options, with exit code 2', () => {
    const big = join(dir, 'big.geojson');
    writeFileSync(big, '');
    truncateSync(big, 200 * 1024 * 1024); // sparse: nothing to read, the size alone refuses it
    expect(200 * 1024 * 1024).toBeGreaterThan(MAX_IMPORT_BYTES);
    const r = cli('boundaries', big, '--dry-run');
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('vượt giới hạn');
    const broken = join(dir, 'broken.geojson');
    writeFileSync(broken, '{"type":');
    const b = cli('boundaries', broken, '--dry-run');
    expect([b.status, b.stderr.includes('The file is not valid JSON')]).toEqual([2, true]);
    expect(cli('boundaries', broken, '--dry-run', '--encoding', 'koi8').status).toBe(2);
  });

  it('commits a file as a vintage in one transaction; a blocked file, a bad date or a second import of the same vintage write nothing', async () => {
    const square = (x: number): Position[] => [[x, 10], [x + 0.01, 10], [x + 0.01, 10.01], [x, 10.01], [x, 10]];
    const fc = (features: { ma: string; ten: string; ring: Position[] }[]) => JSON.stringify({ type: 'FeatureCollection', features: features.map((f) => ({ type: 'Feature', properties: { ma: f.ma, ten: f.ten, ma_tinh: '84' }, geometry: { type: 'Polygon', coordinates: [f.ring] } })) });
    const good = join(dir, 'good.geojson');
    writeFileSync(good, fc([{ ma: '29266', ten: 'Xã Càng Long', ring: square(106) }, { ma: '29269', ten: 'Xã Mỹ Cẩm', ring: square(106.01) }]));
    const bowtie = join(dir, 'bowtie.geojson');
    writeFileSync(bowtie, fc([{ ma: '29266', ten: 'Xã Càng Long', ring: [[106, 10], [106.01, 10.01], [106.01, 10], [106, 10.01], [106, 10]] }]));
    const dbDir = join(dir, 'db');
    const count = async () => {
      const { openPglite } = await import('../../server/db/client');
      const database = await openPglite(dbDir);
      try {
        const rows = await database.db.select({ code: t.adminUnits.code, validFrom: t.adminUnits.validFrom }).from(t.adminUnits);
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
    expect([again.status, again.stderr.includes('already exist')]).toEqual([2, true]);
    expect(await count()).toHaveLength(3);
  }, 60_000);
});
