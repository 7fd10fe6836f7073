// Area search: the hotspots and communes inside a drawn polygon, a circle or a buffer, with counts by status.
import type { Feature, Point } from 'geojson';
import { prepareGeometry, areaContains, areaTouches, type AreaSpec } from '../../geo/areas';
import { statusAt, type CommuneStatus } from '../../geo/status';
import type { HotspotProperties } from '../contracts/api';
import { buildArea } from './area-builder';
import type { RegistryDeps } from './hotspot-registry';
import { hotspotFeature } from './hotspots';
import type { Snapshot } from './snapshot';
import { validOn } from './units';
import { yieldingEvery } from './yielding';

export async function queryArea(deps: RegistryDeps, s: Snapshot, spec: AreaSpec, date: string) {
  const area = prepareGeometry(await buildArea(spec));
  const pause = yieldingEvery();
  const index = await deps.details.index(s);
  const hotspots: Feature<Point, HotspotProperties>[] = [];
  const perCommune = new Map<number, { active: number; eliminated: number }>();
  const states = index.statusOn(date);
  for (const slot of index.inBox(area.bbox)) {
    const d = index.records[slot]!;
    await pause();
    const state = states[slot];
    if (!state || !areaContains(area, [d.lng, d.lat])) continue;
    hotspots.push(hotspotFeature(s, d, state));
    const c = perCommune.get(d.communeId) ?? { active: 0, eliminated: 0 };
    c[state.status]++;
    perCommune.set(d.communeId, c);
  }
  const communes = [];
  const byStatus: Record<CommuneStatus | 'none', number> = {
    drug_free: 0,
    complex: 0,
    transformed: 0,
    relapsed: 0,
    none: 0,
  };
  for (const a of await deps.locator.all(s)) {
    await pause();
    const u = s.units.get(a.key)!;
    if (!validOn(u, date) || !areaTouches(area, a)) continue;
    const status = statusAt(s.histories.get(u.id) ?? [], date)?.status ?? null;
    byStatus[status ?? 'none']++;
    communes.push({
      code: u.code,
      name: u.name,
      type: u.type,
      status,
      hotspots: perCommune.get(u.id) ?? { active: 0, eliminated: 0 },
    });
  }
  communes.sort((a, b) => a.code.localeCompare(b.code));
  const counts = { active: 0, eliminated: 0 };
  for (const h of hotspots) counts[h.properties.status]++;
  return {
    asOf: date,
    area: area.geometry,
    hotspots: { type: 'FeatureCollection' as const, features: hotspots },
    communes,
    counts: { hotspots: counts, communes: byStatus },
  };
}
