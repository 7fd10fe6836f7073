// Map geometry: quantised TopoJSON per boundary vintage (cached, gzipped once) and full-geometry GeoJSON features.
import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import { inArray } from 'drizzle-orm';
import type { Feature, FeatureCollection, Geometry } from 'geojson';
import { quantize } from 'topojson-client';
import { topology } from 'topojson-server';
import { presimplify, simplify } from 'topojson-simplify';
import type { Objects, Topology } from 'topojson-specification';
import { DISPLAY_QUANTIZATION, displayTier, minWeight } from '../../geo/display';
import type { Db } from '../db/client';
import * as t from '../db/schema';
import type { Snapshot, UnitNode } from './snapshot';
import { parentCode, validOn } from './units';

export interface CachedBody {
  etag: string;
  json: string;
  gzip: Buffer;
}

function unitsValidOn(s: Snapshot, date: string): UnitNode[] {
  return [...s.units.values()].filter((u) => validOn(u, date));
}

async function geometries(db: Db, ids: number[]): Promise<Map<number, Geometry>> {
  const rows = ids.length
    ? await db
        .select({ id: t.adminUnits.id, geometry: t.adminUnits.geometry })
        .from(t.adminUnits)
        .where(inArray(t.adminUnits.id, ids))
    : [];
  return new Map(rows.map((r) => [r.id, r.geometry as Geometry]));
}

function collection(features: Feature[]): FeatureCollection {
  return { type: 'FeatureCollection', features };
}

export interface Vintage {
  from: string;
  to: string | null;
  key: string;
}

export class BoundaryService {
  private topologies = new Map<string, Promise<CachedBody>>();
  /** Per vintage: the topology with Visvalingam weights, simplified per zoom tier on demand. */
  private weighted = new Map<string, Promise<Topology<Objects<Record<string, unknown>>>>>();
  private geometryCache = new Map<string, Map<number, string>>();
  private keys = new Map<string, string>();
  private keysRevision = -1;
  private vintageList: { revision: number; list: Vintage[] } | null = null;

  constructor(private readonly db: Db) {}

  /** Same units and same boundary version → same key, whatever the date. */
  vintageKey(s: Snapshot, date: string): string {
    if (this.keysRevision !== s.revision) {
      this.keys.clear();
      this.keysRevision = s.revision;
    }
    let key = this.keys.get(date);
    if (!key) {
      const ids = unitsValidOn(s, date)
        .map((u) => u.id)
        .join(',');
      key = createHash('sha256').update(`${s.boundaryVersion}|${ids}`).digest('hex').slice(0, 20);
      if (this.keys.size > 5000) this.keys.clear();
      this.keys.set(date, key);
    }
    return key;
  }

  /**
   * The vintage whose geometry the map draws on `date`: the one holding it, else (a date before every boundary
   * record) the one holding `today`. The one rule; the web draws what the statuses of a date name.
   */
  vintageOn(s: Snapshot, date: string, today: string): { key: string; from: string | null } {
    if (this.vintageList?.revision !== s.revision) this.vintageList = { revision: s.revision, list: this.vintages(s) };
    const holding = (d: string) => this.vintageList!.list.find((v) => v.from <= d && (v.to === null || d < v.to));
    const v = holding(date) ?? holding(today);
    return v ? { key: v.key, from: v.from } : { key: this.vintageKey(s, today), from: null };
  }

  /** The periods over which the units on the map stay the same, with their key: the map switches geometry by date. */
  vintages(s: Snapshot): Vintage[] {
    const dates = [
      ...new Set([...s.units.values()].flatMap((u) => (u.validTo ? [u.validFrom, u.validTo] : [u.validFrom]))),
    ].sort();
    const out: Vintage[] = [];
    dates.forEach((from, i) => {
      const key = this.vintageKey(s, from);
      const last = out[out.length - 1];
      if (last?.key === key) last.to = dates[i + 1] ?? null;
      else out.push({ from, to: dates[i + 1] ?? null, key });
    });
    return out;
  }

  /**
   * The units valid on `date` as TopoJSON, simplified for `zoom` (full detail without one). Simplification works on
   * the shared arcs, so neighbours keep one common border at every zoom: no slivers open between communes.
   */
  topology(s: Snapshot, date: string, zoom?: number): Promise<CachedBody> {
    const vintage = this.vintageKey(s, date);
    const tier = displayTier(zoom);
    const key = `${vintage}-${tier}`;
    let body = this.topologies.get(key);
    if (!body) {
      body = this.weightedTopology(s, date, vintage).then((topo) => {
        const shown: Topology<Objects<Record<string, unknown>>> =
          tier === 'full' ? topo : simplify(topo, minWeight(tier));
        const json = JSON.stringify(quantize(shown, DISPLAY_QUANTIZATION));
        return { etag: `"b-${key}"`, json, gzip: gzipSync(json, { level: 9 }) };
      });
      body.catch(() => this.topologies.delete(key));
      if (this.topologies.size > 60) this.topologies.clear();
      this.topologies.set(key, body);
    }
    return body;
  }

  private weightedTopology(
    s: Snapshot,
    date: string,
    vintage: string,
  ): Promise<Topology<Objects<Record<string, unknown>>>> {
    let topo = this.weighted.get(vintage);
    if (!topo) {
      topo = this.buildTopology(s, date).then((t) => presimplify(t as Topology<Objects<Record<string, unknown>>>));
      topo.catch(() => this.weighted.delete(vintage));
      if (this.weighted.size > 8) this.weighted.clear();
      this.weighted.set(vintage, topo);
    }
    return topo;
  }

  private async buildTopology(s: Snapshot, date: string): Promise<Topology> {
    const units = unitsValidOn(s, date);
    const geoms = await geometries(
      this.db,
      units.map((u) => u.id),
    );
    const layerRows = await this.db.select().from(t.mapLayers);
    const byLevel = (level: string) =>
      collection(
        units
          .filter((u) => u.level === level)
          .map((u) => ({
            type: 'Feature',
            id: u.code,
            geometry: geoms.get(u.id)!,
            properties: { code: u.code, name: u.name, type: u.type, parentCode: parentCode(s, u) },
          })),
      );
    const layers = collection(
      layerRows.map((l) => ({
        type: 'Feature',
        geometry: l.geometry as Geometry,
        properties: { kind: l.kind, name: l.name },
      })),
    );
    return topology({
      province: byLevel('province'),
      districts: byLevel('district'),
      communes: byLevel('commune'),
      layers,
    });
  }

  /** Commune features with full geometry; geometry JSON is serialised once per boundary version. */
  async communeFeatures(
    s: Snapshot,
    ids: number[],
    properties: (u: UnitNode) => Record<string, unknown>,
  ): Promise<string> {
    let cache = this.geometryCache.get(s.boundaryVersion);
    if (!cache) {
      cache = new Map();
      this.geometryCache.clear();
      this.geometryCache.set(s.boundaryVersion, cache);
    }
    const missing = ids.filter((id) => !cache.has(id));
    for (const [id, g] of await geometries(this.db, missing)) cache.set(id, JSON.stringify(g));
    const features = ids.map((id) => {
      const u = s.units.get(id)!;
      return `{"type":"Feature","id":${JSON.stringify(u.code)},"properties":${JSON.stringify(properties(u))},"geometry":${cache.get(id)}}`;
    });
    return `{"type":"FeatureCollection","features":[${features.join(',')}]}`;
  }
}
