// Hotspot reads: exact points with filters and search (police, admins), and counts per commune (everyone).
import type { Feature, FeatureCollection, Point } from 'geojson';
import { hotspotStatusAt, wasActiveDuring, type HotspotActivity, type HotspotKind, type HotspotStatus } from '../../geo/hotspots';
import { queryWords } from '../../geo/text';
import type { HotspotDetail, HotspotDetails } from './hotspot-details';
import type { HotspotProperties } from '../contracts/api';
import { resolveWithin } from './communes';
import type { Snapshot } from './snapshot';
import { communesWithin } from './units';

export interface HotspotQuery {
  date: string;
  within?: string;
  status?: HotspotStatus;
  kind?: HotspotKind;
  activity?: HotspotActivity;
  from?: string;
  to?: string;
  q?: string;
  limit?: number;
  offset?: number;
}

/** One hotspot as a GeoJSON point with its status on the date asked. */
export function hotspotFeature(s: Snapshot, d: HotspotDetail, state: { status: HotspotStatus; since: string }): Feature<Point, HotspotProperties> {
  return {
    type: 'Feature', id: d.id, geometry: { type: 'Point', coordinates: [d.lng, d.lat] },
    properties: { id: d.id, address: d.address, kind: d.kind, activities: d.activities, communeCode: s.units.get(d.communeId)!.code, ...state },
  };
}

/** Exact hotspots (police and admins only; the route checks): filters over the in-memory index, no query per request. */
export async function listHotspots(details: HotspotDetails, s: Snapshot, q: HotspotQuery): Promise<FeatureCollection<Point, HotspotProperties> & { total: number }> {
  const communes = communesWithin(s, resolveWithin(s, q.within, q.date), q.date);
  const index = await details.index(s);
  // Candidates, ascending by id: the words' hits, else the communes' hotspots, else all.
  let candidates: Iterable<number>;
  if (q.q) candidates = index.matching(queryWords(q.q));
  else if (q.within) candidates = [...communes].flatMap((c) => index.byCommune.get(c) ?? []).sort((a, b) => a - b);
  else candidates = index.details.keys();
  const features: Feature<Point, HotspotProperties>[] = [];
  const from = q.offset ?? 0;
  const limit = q.limit ?? Infinity;
  let total = 0;
  const states = index.statusOn(q.date);
  for (const id of candidates) {
    const state = states.get(id);
    if (!state || (q.status && state.status !== q.status)) continue;
    const d = index.details.get(id)!;
    if (!communes.has(d.communeId)) continue;
    if (q.kind && d.kind !== q.kind) continue;
    if (q.activity && !d.activities.includes(q.activity)) continue;
    if ((q.from || q.to) && !wasActiveDuring(index.lifecycles.get(id)!.events, q.from ?? '0000-01-01', q.to ?? q.date)) continue;
    total++;
    if (total <= from || features.length >= limit) continue;
    features.push(hotspotFeature(s, d, state));
  }
  return { type: 'FeatureCollection', features, total };
}

/** What every role may know: active and eliminated hotspots per commune, no places. */
export function hotspotCounts(s: Snapshot, date: string, within?: string): { date: string; counts: Record<string, { active: number; eliminated: number }> } {
  const communes = communesWithin(s, resolveWithin(s, within, date), date);
  const counts: Record<string, { active: number; eliminated: number }> = {};
  for (const id of communes) counts[s.units.get(id)!.code] = { active: 0, eliminated: 0 };
  for (const h of s.hotspots) {
    if (!communes.has(h.communeId)) continue;
    const status = hotspotStatusAt(h.events, date);
    if (status) counts[s.units.get(h.communeId)!.code]![status]++;
  }
  return { date, counts };
}
