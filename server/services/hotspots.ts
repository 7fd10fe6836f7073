// Hotspot reads: exact points with filters and search (police, admins), and counts per commune (everyone).
import type { Feature, FeatureCollection, Point } from 'geojson';
import {
  hotspotStatusAt,
  wasActiveDuring,
  type HotspotActivity,
  type HotspotKind,
  type HotspotState,
  type HotspotStatus,
} from '../../geo/hotspots';
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
export function hotspotFeature(
  s: Snapshot,
  d: HotspotDetail,
  state: HotspotState,
  communeId = d.communeId,
): Feature<Point, HotspotProperties> {
  return {
    type: 'Feature',
    id: d.id,
    geometry: { type: 'Point', coordinates: [d.lng, d.lat] },
    properties: {
      id: d.id,
      address: d.address,
      kind: d.kind,
      activities: d.activities,
      communeCode: s.units.get(communeId)!.code,
      ...state,
    },
  };
}

/** Exact hotspots (police and admins only; the route checks): filters over the in-memory index, no query per request. */
export async function listHotspots(
  details: HotspotDetails,
  s: Snapshot,
  q: HotspotQuery,
): Promise<FeatureCollection<Point, HotspotProperties> & { total: number }> {
  const communes = communesWithin(s, resolveWithin(s, q.within, q.date), q.date);
  const index = await details.index(s);
  const states = index.statusOn(q.date);
  const period = q.from || q.to ? { from: q.from ?? '0000-01-01', to: q.to ?? q.date } : null;
  const keep = (slot: number) => {
    const state = states[slot];
    if (!state || (q.status && state.status !== q.status)) return false;
    const d = index.records[slot]!;
    return (
      index.communesOf[slot]!.some((c) => communes.has(c)) &&
      (!q.kind || d.kind === q.kind) &&
      (!q.activity || d.activities.includes(q.activity)) &&
      (!period || wasActiveDuring(index.events[slot]!, period.from, period.to))
    );
  };
  // Slots ascending by id (a search puts the records holding the typed phrase first): the words' hits, else the
  // communes' hotspots, else all, as far as the filters keep them.
  let rows: number[];
  if (q.q) rows = index.matching(queryWords(q.q), keep);
  else {
    rows = [];
    for (const slot of q.within ? index.inCommunes(communes) : index.records.keys()) if (keep(slot)) rows.push(slot);
  }
  const from = q.offset ?? 0;
  const page = rows.slice(from, from + (q.limit ?? Infinity));
  // The commune of the vintage shown (the map as of 2024 names the old commune).
  const communeOn = (slot: number) => index.communesOf[slot]!.find((c) => communes.has(c));
  return {
    type: 'FeatureCollection',
    features: page.map((slot) => hotspotFeature(s, index.records[slot]!, states[slot]!, communeOn(slot))),
    total: rows.length,
  };
}

/** What every role may know: active and eliminated hotspots per commune, no places. */
export function hotspotCounts(
  s: Snapshot,
  date: string,
  within?: string,
): { asOf: string; counts: Record<string, { active: number; eliminated: number }> } {
  const communes = communesWithin(s, resolveWithin(s, within, date), date);
  const counts: Record<string, { active: number; eliminated: number }> = {};
  for (const id of communes) counts[s.units.get(id)!.code] = { active: 0, eliminated: 0 };
  for (const h of s.hotspots) {
    if (!communes.has(h.communeId)) continue;
    const status = hotspotStatusAt(h.events, date);
    if (status) counts[s.units.get(h.communeId)!.code]![status]++;
  }
  return { asOf: date, counts };
}
