// Map geometry: quantised TopoJSON per boundary vintage (cached, gzipped once) and full-geometry GeoJSON features.
import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import { inArray } from 'drizzle-orm';
import type { Feature, FeatureCollection, Geometry } from 'geojson';
import { topology } from 'topojson-server';
import type { Db } from '../db/client';
import * as t from '../db/schema';
import type { Snapshot, UnitNode } from './snapshot';
import { parentCode, validOn } from './units';

/** ~1 m steps across a province: invisible on screen, and halves the payload. */
const QUANTIZATION = 100_000;

export interface CachedBody {
  etag: string;
  json: string;
  gzip: Buffer;
}

function unitsValidOn(s: Snapshot, date: string): UnitNode[] {
  return [...s.units.values()].filter((u) => validOn(u, date));
}

async function geometries(db: Db, ids: number[]): Promise<Map<number, Geometry>> {
  const rows = ids.length ? await db.select({ id: t.adminUnits.id, geometry: t.adminUnits.geometry }).from(t.adminUnits).where(inArray(t.adminUnits.id, ids)) : [];
  return new Map(rows.map((r) => [r.id, r.geometry as Geometry]));
}

function collection(features: Feature[]): FeatureCollection {
  return { type: 'FeatureCollection', features };
}

export class BoundaryService {
  private topologies = new Map<string, Promise<CachedBody>>();
  private geometryCache = new Map<string, Map<number, string>>();
  private keys = new Map<string, string>();
  private keysRevision = -1;

  constructor(private readonly db: Db) {}

  /** Same units and same boundary version → same key, whatever the date. */
  vintageKey(s: Snapshot, date: string): string {
    if (this.keysRevision !== s.revision) {
      this.keys.clear();
      this.keysRevision = s.revision;
    }
    let key = this.keys.get(date);
    if (!key) {
      const ids = unitsValidOn(s, date).map((u) => u.id).join(',');
      key = createHash('sha256').update(`${s.boundaryVersion}|${ids}`).digest('hex').slice(0, 20);
      if (this.keys.size > 5000) this.keys.clear();
      this.keys.set(date, key);
    }
    return key;
  }

  topology(s: Snapshot, date: string): Promise<CachedBody> {
    const key = this.vintageKey(s, date);
    let body = this.topologies.get(key);
    if (!body) {
      body = this.buildTopology(s, date, key);
      body.catch(() => this.topologies.delete(key));
      this.topologies.set(key, body);
    }
    return body;
  }

  private async buildTopology(s: Snapshot, date: string, key: string): Promise<CachedBody> {
    const units = unitsValidOn(s, date);
    const geoms = await geometries(this.db, units.map((u) => u.id));
    const layerRows = await this.db.select().from(t.mapLayers);
    const byLevel = (level: string) =>
      collection(units.filter((u) => u.level === level).map((u) => ({
        type: 'Feature', id: u.code, geometry: geoms.get(u.id)!,
        properties: { code: u.code, name: u.name, type: u.type, parentCode: parentCode(s, u) },
      })));
    const layers = collection(layerRows.map((l) => ({ type: 'Feature', geometry: l.geometry as Geometry, properties: { kind: l.kind, name: l.name } })));
    const topo = topology({ province: byLevel('province'), districts: byLevel('district'), communes: byLevel('commune'), layers }, QUANTIZATION);
    const json = JSON.stringify(topo);
    return { etag: `"b-${key}"`, json, gzip: gzipSync(json, { level: 9 }) };
  }

  /** Commune features with full geometry; geometry JSON is serialised once per boundary version. */
  async communeFeatures(s: Snapshot, ids: number[], properties: (u: UnitNode) => Record<string, unknown>): Promise<string> {
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
