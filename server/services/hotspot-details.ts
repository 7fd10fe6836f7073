// Hotspot attributes (place, kind, activities, text) kept in memory per data revision, beside the snapshot's
// lifecycles, so that lists and searches over 100,000 hotspots need no query.
import { asc } from 'drizzle-orm';
import { foldVietnamese } from '../../geo/text';
import type { HotspotActivity, HotspotKind } from '../../geo/hotspots';
import type { Db } from '../db/client';
import * as t from '../db/schema';
import type { Snapshot } from './snapshot';

export interface HotspotDetail {
  id: number;
  lng: number;
  lat: number;
  address: string;
  kind: HotspotKind;
  activities: HotspotActivity[];
  description: string;
  source: string;
  communeId: number;
  /** Address, description and source folded for search without diacritics. */
  folded: string;
}

export class HotspotDetails {
  private loaded: { revision: number; details: Promise<Map<number, HotspotDetail>> } | null = null;

  constructor(private readonly db: Db) {}

  get(s: Snapshot): Promise<Map<number, HotspotDetail>> {
    if (this.loaded?.revision !== s.revision) {
      const details = this.load();
      details.catch(() => (this.loaded = null));
      this.loaded = { revision: s.revision, details };
    }
    return this.loaded.details;
  }

  private async load(): Promise<Map<number, HotspotDetail>> {
    const rows = await this.db.select().from(t.hotspots).orderBy(asc(t.hotspots.id));
    const out = new Map<number, HotspotDetail>();
    for (const r of rows)
      out.set(r.id, {
        id: r.id, lng: r.lng, lat: r.lat, address: r.address, kind: r.kind as HotspotKind, activities: r.activities as HotspotActivity[],
        description: r.description, source: r.source, communeId: r.communeId, folded: foldVietnamese(`${r.address} ${r.description} ${r.source}`),
      });
    return out;
  }
}
