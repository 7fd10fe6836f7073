// Ring-level validation of imported boundaries: repairs that are safe are made and reported, the rest blocks.
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { FeatureCollection, MultiPolygon, Position } from 'geojson';
import { checkGeometry, signedArea, type Finding } from '../../geo/boundary-check';
import { boundaryFile, manifest, describeWithSharedData, SHARED_DATA } from '../helpers/shared-data';

const ccwSquare = (x: number, y: number, d: number): Position[] => [
  [x, y],
  [x + d, y],
  [x + d, y + d],
  [x, y + d],
  [x, y],
];
const kinds = (fs: Finding[]) => fs.map((f) => f.kind).sort();

/** RFC 7946: exteriors counter-clockwise, holes clockwise. */
function rfc7946(g: MultiPolygon): boolean {
  return g.coordinates.every((part) => part.every((ring, i) => signedArea(ring) > 0 === (i === 0)));
}

describe('boundary geometry checks', () => {
  it('closes an open ring, drops repeated vertices, rewinds, and keeps the land', () => {
    const open = ccwSquare(106, 10, 0.01).slice(0, 4).reverse(); // clockwise and not closed
    const withRepeats = [open[0]!, open[0]!, ...open.slice(1)];
    const r = checkGeometry({ type: 'Polygon', coordinates: [withRepeats] }, 3);
    expect(kinds(r.findings)).toEqual(['repeated_vertices', 'unclosed_ring', 'winding']);
    expect(r.findings.every((f) => f.repaired && !f.blocking && f.feature === 3)).toBe(true);
    expect(r.geometry!.coordinates[0]![0]).toHaveLength(5);
    expect(rfc7946(r.geometry!)).toBe(true);
  });

  it('drops zero-area parts and holes, and reports them', () => {
    const sliver: Position[] = [
      [106.1, 10.1],
      [106.100001, 10.1],
      [106.1, 10.1000000001],
      [106.1, 10.1],
    ];
    const hole: Position[] = [
      [106.002, 10.002],
      [106.002, 10.002000001],
      [106.0020000001, 10.002],
      [106.002, 10.002],
    ];
    const r = checkGeometry({ type: 'MultiPolygon', coordinates: [[ccwSquare(106, 10, 0.01), hole], [sliver]] }, 0);
    expect(kinds(r.findings)).toEqual(['zero_area_hole', 'zero_area_part']);
    expect(r.geometry!.coordinates).toEqual([[ccwSquare(106, 10, 0.01)]]);
  });

  it('blocks a ring crossing itself (a bow tie), coordinates out of range, non-polygons and empty geometry', () => {
    const bowTie: Position[] = [
      [106, 10],
      [106.01, 10.01],
      [106.01, 10],
      [106, 10.01],
      [106, 10],
    ];
    const crossed = checkGeometry({ type: 'Polygon', coordinates: [bowTie] }, 0);
    const crossing = crossed.findings.find((f) => f.kind === 'self_intersection')!;
    expect(crossing).toMatchObject({ blocking: true, repaired: false });
    expect(crossing.at![0]).toBeCloseTo(106.005, 9);
    expect(crossing.at![1]).toBeCloseTo(10.005, 9);
    const projected = checkGeometry(
      {
        type: 'Polygon',
        coordinates: [
          [
            [587000, 1100000],
            [588000, 1100000],
            [588000, 1101000],
            [587000, 1100000],
          ],
        ],
      },
      0,
    );
    expect(projected.findings[0]).toMatchObject({ kind: 'out_of_range', blocking: true, at: [587000, 1100000] });
    expect(checkGeometry({ type: 'Point', coordinates: [106, 10] }, 0).findings[0]).toMatchObject({
      kind: 'not_polygon',
      blocking: true,
    });
    expect(checkGeometry(null, 0).findings[0]).toMatchObject({ kind: 'empty_geometry', blocking: true });
  });
});

describeWithSharedData(`geometry findings in the real files of ${SHARED_DATA}`, () => {
  it('finds what the data README lists, repairs it, and blocks none of the files', () => {
    const m = manifest();
    for (const file of readdirSync(`${SHARED_DATA}/boundaries`).filter((f) => f.endsWith('.geojson'))) {
      const fc = JSON.parse(readFileSync(boundaryFile(file), 'utf8')) as FeatureCollection;
      const checked = fc.features.map((f, i) => ({ f, ...checkGeometry(f.geometry, i) }));
      const all = checked.flatMap((c) => c.findings);
      expect(
        all.filter((f) => f.blocking),
        file,
      ).toEqual([]);
      // Repeated consecutive vertices: one finding per ring that has them, as counted in the manifest.
      expect(all.filter((f) => f.kind === 'repeated_vertices').length, file).toBe(
        m[file]!.rings_with_repeated_consecutive_vertex,
      );
      // Every source winds exteriors clockwise (shapefile convention): each feature is rewound, and the output is RFC 7946.
      if (!m[file]!.exterior_rings_counterclockwise)
        expect(all.filter((f) => f.kind === 'winding').length, file).toBe(fc.features.length);
      for (const c of checked) expect(rfc7946(c.geometry!), `${file} #${c.f.properties?.code}`).toBe(true);
    }
  });

  it('drops the degenerate slivers of Yên Minh and Thượng Sơn and the zero-area hole of Nậm Dịch (2025 Tuyên Quang), keeping their land', () => {
    const fc = JSON.parse(
      readFileSync(boundaryFile('vn-2025-08-tuyen-quang-communes.geojson'), 'utf8'),
    ) as FeatureCollection;
    const findings = fc.features.flatMap((f, i) =>
      checkGeometry(f.geometry, i).findings.map((x) => ({ ...x, name: f.properties!.name as string })),
    );
    const named = (kind: string) => findings.filter((f) => f.kind === kind).map((f) => f.name);
    expect(named('zero_area_part').sort()).toEqual(['Thượng Sơn', 'Yên Minh']);
    expect(named('zero_area_hole')).toContain('Nậm Dịch');
    const yenMinh = fc.features.findIndex((f) => f.properties!.code === '00820');
    const checked = checkGeometry(fc.features[yenMinh]!.geometry, yenMinh).geometry!;
    expect(checked.coordinates).toHaveLength(1); // the real part stays, the sliver goes
  });
});
