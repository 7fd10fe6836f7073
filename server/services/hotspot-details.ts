// Hotspot attributes (place, kind, activities, text) kept in memory per data revision, beside the snapshot's
// lifecycles, with three indexes — by commune, by map cell, by word — so that lists, searches and area queries over
// 100,000 hotspots touch only the candidates.
import { asc } from 'drizzle-orm';
import { foldVietnamese, matchesWords, wordsOf } from '../../geo/text';
import { hotspotStateAt, type HotspotActivity, type HotspotKind, type HotspotStatus } from '../../geo/hotspots';
import type { Db } from '../db/client';
import * as t from '../db/schema';
import type { HotspotEntry, Snapshot } from './snapshot';

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

/** Grid cell size in degrees (≈ 1.1 km): an area query reads only the cells its box covers. */
const CELL = 0.01;
const cellOf = (lng: number, lat: number) => `${Math.floor(lng / CELL)}:${Math.floor(lat / CELL)}`;

export class HotspotIndex {
  readonly byCommune = new Map<number, number[]>();
  private readonly grid = new Map<string, number[]>();
  private readonly words = new Map<string, number[]>();
  readonly lifecycles: Map<number, HotspotEntry>;

  constructor(readonly details: Map<number, HotspotDetail>, s: Snapshot) {
    this.lifecycles = new Map(s.hotspots.map((h) => [h.id, h]));
    const push = <K>(m: Map<K, number[]>, k: K, id: number) => {
      const list = m.get(k);
      if (list) list.push(id);
      else m.set(k, [id]);
    };
    for (const d of details.values()) {
      push(this.byCommune, d.communeId, d.id);
      push(this.grid, cellOf(d.lng, d.lat), d.id);
      for (const w of new Set(wordsOf(d.folded))) push(this.words, w, d.id);
    }
  }

  private readonly statusCache = new Map<string, Map<number, { status: HotspotStatus; since: string }>>();

  /** Status and since-date of every hotspot existing on `date`, computed once per date (the last 8 dates kept). */
  statusOn(date: string): Map<number, { status: HotspotStatus; since: string }> {
    let m = this.statusCache.get(date);
    if (!m) {
      m = new Map();
      for (const [id, h] of this.lifecycles) {
        const state = hotspotStateAt(h.events, date);
        if (state) m.set(id, state);
      }
      if (this.statusCache.size >= 8) this.statusCache.delete(this.statusCache.keys().next().value!);
      this.statusCache.set(date, m);
    }
    return m;
  }

  /** Ids of hotspots in the cells overlapping the box, ascending. */
  inBox([w, s, e, n]: [number, number, number, number]): number[] {
    const out: number[] = [];
    for (let x = Math.floor(w / CELL); x <= Math.floor(e / CELL); x++)
      for (let y = Math.floor(s / CELL); y <= Math.floor(n / CELL); y++) out.push(...(this.grid.get(`${x}:${y}`) ?? []));
    return out.sort((a, b) => a - b);
  }

  /**
   * Ids whose text has a word starting with each query word ("tan an" → "Tân An", "ap 3" → "Ấp 3"): those holding the
   * whole phrase first, then the others, each group by id. A query word is a word prefix, as people type names.
   */
  matching(words: readonly string[]): number[] {
    if (!words.length) return [...this.details.keys()];
    // The rarest word's postings give the candidates; the other words are then checked on those few records only.
    const postings = words.map((q) => {
      const lists: number[][] = [];
      let size = 0;
      for (const [word, ids] of this.words)
        if (word.startsWith(q)) {
          lists.push(ids);
          size += ids.length;
        }
      return { q, lists, size };
    });
    postings.sort((a, b) => a.size - b.size);
    const [rarest, ...others] = postings;
    const rest = others.map((o) => o.q);
    const hits = [...new Set(rarest!.lists.flat())].sort((a, b) => a - b).filter((id) => matchesWords(this.details.get(id)!.folded, rest));
    // Records holding the words as typed, together ("tan an" in "xã Tân An"), come first.
    const phrase = words.join(' ');
    const together = (id: number) => this.details.get(id)!.folded.includes(phrase);
    return [...hits.filter(together), ...hits.filter((id) => !together(id))];
  }
}

export class HotspotDetails {
  private loaded: { revision: number; index: Promise<HotspotIndex> } | null = null;

  constructor(private readonly db: Db) {}

  index(s: Snapshot): Promise<HotspotIndex> {
    if (this.loaded?.revision !== s.revision) {
      const index = this.load().then((details) => new HotspotIndex(details, s));
      index.catch(() => (this.loaded = null));
      this.loaded = { revision: s.revision, index };
    }
    return this.loaded.index;
  }

  async get(s: Snapshot): Promise<Map<number, HotspotDetail>> {
    return (await this.index(s)).details;
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
