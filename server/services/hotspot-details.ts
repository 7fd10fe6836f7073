// Hotspot attributes (place, kind, activities, text) kept in memory per data revision, beside the snapshot's
// lifecycles, with three indexes — by commune, by map cell, by word — so that lists, searches and area queries over
// 100,000 hotspots touch only the candidates. The indexes hold slots (positions in `records`, which is in id order):
// candidate lists sort as plain numbers and reading a record or its status is an array access, not a map lookup.
import { asc } from 'drizzle-orm';
import { foldVietnamese, wordsOf } from '../../geo/text';
import {
  hotspotStateAt,
  type HotspotActivity,
  type HotspotEvent,
  type HotspotKind,
  type HotspotState,
} from '../../geo/hotspots';
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

/** Ascending slot lists frozen from the lists built while indexing (slots were pushed in ascending order). */
function frozen<K>(lists: Map<K, number[]>): Map<K, Int32Array> {
  return new Map([...lists].map(([k, slots]) => [k, Int32Array.from(slots)]));
}

/** The union of ascending slot lists, ascending and without repeats. */
function union(lists: readonly Int32Array[]): Int32Array {
  if (lists.length === 1) return lists[0]!;
  const all = new Int32Array(lists.reduce((n, l) => n + l.length, 0));
  let at = 0;
  for (const l of lists) {
    all.set(l, at);
    at += l.length;
  }
  all.sort();
  let n = 0;
  for (let i = 0; i < all.length; i++) if (i === 0 || all[i] !== all[i - 1]) all[n++] = all[i]!;
  return all.subarray(0, n);
}

export class HotspotSearchIndex {
  /** Every record, ascending by id; a record's position here is its slot. */
  readonly records: readonly HotspotDetail[];
  /** Lifecycle events by slot (none when the snapshot has no lifecycle for the record). */
  readonly events: readonly (readonly HotspotEvent[])[];
  readonly lifecycles: Map<number, HotspotEntry>;
  /** The communes holding each record, one per boundary vintage, by slot. */
  readonly communesOf: readonly number[][];
  private readonly byCommune: Map<number, Int32Array>;
  private readonly grid: Map<string, Int32Array>;
  /** The distinct words of every folded text, sorted, so that the words starting with a prefix are one run. */
  private readonly vocabulary: string[];
  /** Slots holding each word of `vocabulary`, ascending. */
  private readonly postings: Int32Array[];
  private readonly statusCache = new Map<string, readonly (HotspotState | null)[]>();

  constructor(
    readonly details: Map<number, HotspotDetail>,
    s: Snapshot,
  ) {
    this.lifecycles = new Map(s.hotspots.map((h) => [h.id, h]));
    this.records = [...details.values()].sort((a, b) => a.id - b.id);
    this.events = this.records.map((d) => this.lifecycles.get(d.id)?.events ?? []);
    const byCommune = new Map<number, number[]>();
    const grid = new Map<string, number[]>();
    const words = new Map<string, number[]>();
    const push = <K>(m: Map<K, number[]>, k: K, slot: number) => {
      const list = m.get(k);
      if (list) list.push(slot);
      else m.set(k, [slot]);
    };
    const communesOf = new Map<number, number[]>();
    for (const h of s.hotspots) communesOf.set(h.id, [...(communesOf.get(h.id) ?? []), h.communeId]);
    this.communesOf = this.records.map((d) => communesOf.get(d.id) ?? [d.communeId]);
    this.records.forEach((d, slot) => {
      for (const c of this.communesOf[slot]!) push(byCommune, c, slot);
      push(grid, cellOf(d.lng, d.lat), slot);
      for (const w of new Set(wordsOf(d.folded))) push(words, w, slot);
    });
    this.byCommune = frozen(byCommune);
    this.grid = frozen(grid);
    this.vocabulary = [...words.keys()].sort();
    this.postings = this.vocabulary.map((w) => Int32Array.from(words.get(w)!));
  }

  /** Status and since-date of every record on `date` (null before its first event), by slot; the last 8 dates kept. */
  statusOn(date: string): readonly (HotspotState | null)[] {
    let states = this.statusCache.get(date);
    if (!states) {
      states = this.events.map((events) => hotspotStateAt(events, date));
      if (this.statusCache.size >= 8) this.statusCache.delete(this.statusCache.keys().next().value!);
      this.statusCache.set(date, states);
    }
    return states;
  }

  /** Slots of the hotspots in these communes, ascending. */
  inCommunes(communes: Iterable<number>): Int32Array {
    const lists: Int32Array[] = [];
    for (const c of communes) {
      const list = this.byCommune.get(c);
      if (list) lists.push(list);
    }
    return union(lists);
  }

  /** Slots of the hotspots in the cells overlapping the box, ascending. */
  inBox([w, s, e, n]: [number, number, number, number]): Int32Array {
    const lists: Int32Array[] = [];
    for (let x = Math.floor(w / CELL); x <= Math.floor(e / CELL); x++)
      for (let y = Math.floor(s / CELL); y <= Math.floor(n / CELL); y++) {
        const list = this.grid.get(`${x}:${y}`);
        if (list) lists.push(list);
      }
    return union(lists);
  }

  /** Posting lists of the vocabulary words starting with `prefix`. */
  private withPrefix(prefix: string): Int32Array[] {
    let lo = 0;
    let hi = this.vocabulary.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.vocabulary[mid]! < prefix) lo = mid + 1;
      else hi = mid;
    }
    const lists: Int32Array[] = [];
    for (let i = lo; i < this.vocabulary.length && this.vocabulary[i]!.startsWith(prefix); i++)
      lists.push(this.postings[i]!);
    return lists;
  }

  /**
   * Slots of the records that `keep` accepts and whose text has a word starting with each query word ("tan an" →
   * "Tân An", "ap 3" → "Ấp 3"; the rule of `matchesWords`): those holding the whole phrase first, then the others,
   * each group by id. The rarest word's postings give the candidates; each other word's postings mark those that stay.
   */
  matching(words: readonly string[], keep: (slot: number) => boolean): number[] {
    const size = (lists: Int32Array[]) => lists.reduce((n, l) => n + l.length, 0);
    const [rarest, ...others] = words.map((w) => this.withPrefix(w)).sort((a, b) => size(a) - size(b));
    let hits: number[] = [];
    for (const slot of rarest ? union(rarest) : this.records.keys()) if (keep(slot)) hits.push(slot);
    for (const lists of others) {
      const has = new Uint8Array(this.records.length);
      for (const list of lists) for (const slot of list) has[slot] = 1;
      hits = hits.filter((slot) => has[slot] === 1);
    }
    // Records holding the words as typed, together ("tan an" in "xã Tân An"), come first.
    const phrase = words.join(' ');
    const together: number[] = [];
    const apart: number[] = [];
    for (const slot of hits) (this.records[slot]!.folded.includes(phrase) ? together : apart).push(slot);
    return together.concat(apart);
  }
}

export class HotspotDetails {
  private loaded: { revision: number; index: Promise<HotspotSearchIndex> } | null = null;

  constructor(private readonly db: Db) {}

  index(s: Snapshot): Promise<HotspotSearchIndex> {
    if (this.loaded?.revision !== s.revision) {
      const index = this.load().then((details) => new HotspotSearchIndex(details, s));
      index.catch(() => (this.loaded = null));
      this.loaded = { revision: s.revision, index };
    }
    return this.loaded.index;
  }

  async get(s: Snapshot): Promise<Map<number, HotspotDetail>> {
    return (await this.index(s)).details;
  }

  private async load(): Promise<Map<number, HotspotDetail>> {
    const h = t.hotspots;
    // Only the columns kept: the embedded database hands rows over column by column (≈ 0.1–0.2 s each for 100,000 rows).
    const rows = await this.db
      .select({
        id: h.id,
        lng: h.lng,
        lat: h.lat,
        address: h.address,
        kind: h.kind,
        activities: h.activities,
        description: h.description,
        source: h.source,
        communeId: h.communeId,
      })
      .from(h)
      .orderBy(asc(h.id));
    const out = new Map<number, HotspotDetail>();
    for (const r of rows)
      out.set(r.id, {
        id: r.id,
        lng: r.lng,
        lat: r.lat,
        address: r.address,
        kind: r.kind as HotspotKind,
        activities: r.activities as HotspotActivity[],
        description: r.description,
        source: r.source,
        communeId: r.communeId,
        folded: foldVietnamese(`${r.address} ${r.description} ${r.source}`),
      });
    return out;
  }
}
