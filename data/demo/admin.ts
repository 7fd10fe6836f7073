// The administrative model of the demo province: communes and districts with codes, names, types, geometry.
import * as turf from '@turf/turf';
import { makeCommuneCells } from './cells';
import { adjacency, assignDistricts, type CommuneSite, type DistrictSeed } from './districts';
import { CENTER, distKm, roundPos, toKm, type Area, type Pos } from './geometry';
import { CITY_NAME, NamePool, RURAL_DISTRICT_NAMES, TOWN_NAME } from './names';
import { makeLandscape, type Landscape } from './outline';
import { Random } from './random';
import { makeSeeds } from './seeds';

export type CommuneType = 'Xã' | 'Phường' | 'Thị trấn';
export type DistrictType = 'Thành phố' | 'Thị xã' | 'Huyện';

export interface Commune {
  code: string;
  name: string;
  type: CommuneType;
  district: number;
  geometry: Area;
  centroid: Pos;
  /** Number of ấp / khóm, used for addresses. */
  hamlets: number;
}

export interface District {
  code: string;
  name: string;
  type: DistrictType;
  seat: Pos;
  /** Indices into `communes`, in code order. */
  communes: number[];
  geometry: Area;
}

export interface ProvinceModel {
  landscape: Landscape;
  geometry: Area;
  districts: District[];
  communes: Commune[];
}

const RURAL_DISTRICTS = 7;

/** Rural seeds start at the commune centroids farthest from every seed chosen so far. */
function districtSeeds(sites: readonly CommuneSite[], land: Landscape): DistrictSeed[] {
  const seeds: DistrictSeed[] = [
    { at: land.city, weight: 0.5, fixed: true },
    { at: land.town, weight: 0.8, fixed: true },
  ];
  while (seeds.length < 2 + RURAL_DISTRICTS) {
    let best = sites[0]!.centroid;
    let bestD = -1;
    for (const s of sites) {
      const d = Math.min(...seeds.map((q) => distKm(s.centroid, q.at)));
      if (d > bestD) [best, bestD] = [s.centroid, d];
    }
    seeds.push({ at: best, weight: 1, fixed: false });
  }
  return seeds;
}

/** Rural districts ordered clockwise from north around the province centre (city and town first). */
function districtOrder(seeds: readonly DistrictSeed[]): number[] {
  const bearing = (p: Pos) => {
    const [x, y] = toKm(p, CENTER);
    return (Math.atan2(x, y) + 2 * Math.PI) % (2 * Math.PI);
  };
  const rural = seeds.map((_, i) => i).slice(2);
  return [0, 1, ...rural.sort((a, b) => bearing(seeds[a]!.at) - bearing(seeds[b]!.at))];
}

function unionOf(areas: readonly Area[], label: string): Area {
  const merged =
    areas.length === 1
      ? turf.feature(areas[0]!)
      : turf.union(turf.featureCollection(areas.map((a) => turf.feature(a))));
  if (!merged || merged.geometry.type !== 'Polygon') throw new Error(`demo: ${label} is not one polygon`);
  return turf.rewind(merged.geometry) as Area;
}

interface Draft {
  index: number;
  type: CommuneType;
  name: string;
}

/** Types and names of one district's communes, in code order. */
function draftCommunes(
  members: number[],
  sites: readonly CommuneSite[],
  district: number,
  seat: Pos,
  pool: NamePool,
): Draft[] {
  const byDistance = [...members].sort(
    (a, b) => distKm(sites[a]!.centroid, seat) - distKm(sites[b]!.centroid, seat) || a - b,
  );
  const north = (i: number) => -sites[i]!.centroid[1];
  if (district === 0) {
    const wards = byDistance.slice(0, Math.max(1, byDistance.length - 3));
    return [
      ...wards.map((index, k) => ({ index, type: 'Phường' as const, name: String(k + 1) })),
      ...byDistance
        .slice(wards.length)
        .sort((a, b) => north(a) - north(b))
        .map((index) => ({ index, type: 'Xã' as const, name: pool.next() })),
    ];
  }
  const urban = district === 1 ? Math.ceil(byDistance.length / 2) : 1;
  const urbanType: CommuneType = district === 1 ? 'Phường' : 'Thị trấn';
  return byDistance
    .map((index, k) => ({ index, urban: k < urban }))
    .sort((a, b) => Number(b.urban) - Number(a.urban) || north(a.index) - north(b.index))
    .map(({ index, urban: u }) => ({ index, type: u ? urbanType : 'Xã', name: pool.next() }));
}

export function buildProvince(seed: number): ProvinceModel {
  const landscape = makeLandscape(Random.derive(seed, 'landscape'));
  const rng = Random.derive(seed, 'admin');
  const count = rng.int(124, 142);
  const points = makeSeeds(Random.derive(seed, 'seeds'), {
    count,
    outline: landscape.outline,
    city: landscape.city,
    town: landscape.town,
  });
  const cells = makeCommuneCells(points, landscape.outline, seed);
  const sites = cells.map((c) => ({
    centroid: roundPos(turf.centerOfMass(c).geometry.coordinates),
    areaKm2: turf.area(c) / 1e6,
  }));
  const seeds = districtSeeds(sites, landscape);
  const assignment = assignDistricts(sites, seeds, adjacency(cells));
  const pool = new NamePool(Random.derive(seed, 'names'));
  const names = [CITY_NAME, TOWN_NAME, ...RURAL_DISTRICT_NAMES];
  const types: DistrictType[] = ['Thành phố', 'Thị xã', ...RURAL_DISTRICT_NAMES.map(() => 'Huyện' as const)];
  const communes: Commune[] = [];
  const districts = districtOrder(seeds).map((old, d): District => {
    const members = assignment.flatMap((a, i) => (a === old ? [i] : []));
    const drafts = draftCommunes(members, sites, d, seeds[old]!.at, pool);
    const start = communes.length;
    for (const dr of drafts) {
      const hamlets = dr.type === 'Xã' ? rng.int(5, 12) : rng.int(4, 9);
      const code = `99${String(communes.length + 1).padStart(3, '0')}`;
      communes.push({
        code,
        name: dr.name,
        type: dr.type,
        district: d,
        geometry: cells[dr.index]!,
        centroid: sites[dr.index]!.centroid,
        hamlets,
      });
    }
    const own = communes.slice(start).map((_, k) => start + k);
    const geometry = unionOf(
      own.map((i) => communes[i]!.geometry),
      `district ${d}`,
    );
    return {
      code: `99${d}`,
      name: names[d]!,
      type: types[d]!,
      seat: roundPos(seeds[old]!.at),
      communes: own,
      geometry,
    };
  });
  const geometry = unionOf(
    districts.map((d) => d.geometry),
    'province',
  );
  return { landscape, geometry, districts, communes };
}
