// The demo province with its hotspots replaced by N synthetic ones (seeded), for load benchmarks.
import { bbox, booleanPointInPolygon, point } from '@turf/turf';
import type { MultiPolygon, Polygon } from 'geojson';
import { addDays } from '../../geo/dates';
import { generateDemoDataset } from '../../data/demo/generate';
import { Random } from '../../data/demo/random';
import type { DatasetInput } from '../../data/format';

type Hotspot = NonNullable<DatasetInput['hotspots']>[number];

function lifecycle(rnd: Random): Hotspot['events'] {
  let date = addDays('2019-06-01', rnd.int(0, 2000));
  const events: Hotspot['events'] = [{ kind: 'detected', date }];
  let active = true;
  while (rnd.next() < 0.6) {
    date = addDays(date, rnd.int(30, 500));
    if (date > '2026-11-15') break;
    events.push({ kind: active ? 'eliminated' : 'reformed', date });
    active = !active;
  }
  return events;
}

export function bigDataset(hotspotCount: number): DatasetInput {
  const base = generateDemoDataset();
  const communes = base.units.filter((u) => ['Xã', 'Phường', 'Thị trấn'].includes(u.type));
  const rnd = Random.derive(1, 'bench-hotspots');
  const hotspots: Hotspot[] = [];
  for (let i = 0; hotspots.length < hotspotCount; i++) {
    const c = communes[i % communes.length]!;
    const geometry = c.geometry as Polygon | MultiPolygon;
    const [w, s, e, n] = bbox(geometry);
    let p: [number, number];
    do p = [rnd.range(w, e), rnd.range(s, n)];
    while (!booleanPointInPolygon(point(p), geometry));
    hotspots.push({
      ref: `b-${i}`,
      location: p,
      address: `Ấp ${1 + (i % 9)}, ${c.type.toLowerCase()} ${c.name}`,
      kind: i % 3 ? 'diem' : 'tu_diem',
      activities: ['using'],
      events: lifecycle(rnd),
    });
  }
  return { ...base, hotspots };
}
