// Area search: the hotspots and communes inside a drawn polygon, a circle or a buffer, with counts by status.
import type { Feature, Point } from 'geojson';
import { prepareArea, areaContains, areaTouches, type AreaSpec } from '../../geo/areas';
import { hotspotStatusAt } from '../../geo/hotspots';
import { statusAt, type CommuneStatus } from '../../geo/status';
import type { HotspotProperties } from '../contracts/api';
import type { RegistryDeps } from './hotspot-registry';
import type { Snapshot } from './snapshot';
import { validOn } from './units';

export async function queryArea(deps: RegistryDeps, s: Snapshot, spec: AreaSpec, date: string) {
  const area = prepareArea(spec);
  const index = await deps.details.index(s);
  const hotspots: Feature<Point, HotspotProperties>[] = [];
  const perCommune = new Map<number, { active: number; eliminated: number }>();
  for (const id of index.inBox(area.bbox)) {
    const d = index.details.get(id)!;
    const h = index.lifecycles.get(id);
    if (!h || !areaContains(area, [d.lng, d.lat])) continue;
    const status = hotspotStatusAt(h.events, date);
    if (!status) continue;
    let since = h.events[0]!.date;
    for (const e of h.events) if (e.date <= date) since = e.date;
    hotspots.push({
      type: 'Feature', id: d.id, geometry: { type: 'Point', coordinates: [d.lng, d.lat] },
      properties: { id: d.id, address: d.address, kind: d.kind, activities: d.activities, communeCode: s.units.get(h.communeId)!.code, status, since },
    });
    const c = perCommune.get(h.communeId) ?? { active: 0, eliminated: 0 };
    c[status]++;
    perCommune.set(h.communeId, c);
  }
  const communes = [];
  const byStatus: Record<CommuneStatus | 'none', number> = { drug_free: 0, complex: 0, transformed: 0, relapsed: 0, none: 0 };
  for (const a of await deps.locator.all(s)) {
    const u = s.units.get(a.key)!;
    if (!validOn(u, date) || !areaTouches(area, a)) continue;
    const status = statusAt(s.histories.get(u.id) ?? [], date)?.status ?? null;
    byStatus[status ?? 'none']++;
    communes.push({ code: u.code, name: u.name, type: u.type, status, hotspots: perCommune.get(u.id) ?? { active: 0, eliminated: 0 } });
  }
  communes.sort((a, b) => a.code.localeCompare(b.code));
  const counts = { active: 0, eliminated: 0 };
  for (const h of hotspots) counts[h.properties.status]++;
  return { date, area: area.geometry, hotspots: { type: 'FeatureCollection' as const, features: hotspots }, communes, counts: { hotspots: counts, communes: byStatus } };
}
