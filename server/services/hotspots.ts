// Hotspot reads: the hotspots of a subtree with their status as of a date, as GeoJSON points.
import { inArray } from 'drizzle-orm';
import type { Feature, FeatureCollection, Point } from 'geojson';
import { hotspotStatusAt, type HotspotStatus } from '../../geo/hotspots';
import type { HotspotProperties } from '../contracts/api';
import type { Db } from '../db/client';
import * as t from '../db/schema';
import { resolveWithin } from './communes';
import type { Snapshot } from './snapshot';
import { communesWithin } from './units';

export interface HotspotQuery {
  date: string;
  within?: string;
  status?: HotspotStatus;
}

export async function listHotspots(db: Db, s: Snapshot, q: HotspotQuery): Promise<FeatureCollection<Point, HotspotProperties>> {
  const communes = communesWithin(s, resolveWithin(s, q.within, q.date), q.date);
  const state = new Map<number, { status: HotspotStatus; since: string }>();
  for (const h of s.hotspots) {
    if (!communes.has(h.communeId)) continue;
    const status = hotspotStatusAt(h.events, q.date);
    if (!status || (q.status && status !== q.status)) continue;
    const since = h.events.filter((e) => e.date <= q.date).at(-1)!.date;
    state.set(h.id, { status, since });
  }
  const ids = [...state.keys()];
  const rows = ids.length ? await db.select().from(t.hotspots).where(inArray(t.hotspots.id, ids)).orderBy(t.hotspots.id) : [];
  const features: Feature<Point, HotspotProperties>[] = rows.map((r) => ({
    type: 'Feature',
    id: r.id,
    geometry: { type: 'Point', coordinates: [r.lng, r.lat] },
    properties: {
      id: r.id, address: r.address, kind: r.kind as HotspotProperties['kind'], activities: r.activities as HotspotProperties['activities'],
      communeCode: s.units.get(r.communeId)!.code, ...state.get(r.id)!,
    },
  }));
  return { type: 'FeatureCollection', features };
}
