// Decodes the boundary TopoJSON into the GeoJSON layers the map draws, with label text and unit bounds.
import { feature } from 'topojson-client';
import type { Topology } from 'topojson-specification';
import type { Feature, FeatureCollection, Geometry } from 'geojson';

export interface MapData {
  province: FeatureCollection;
  districts: FeatureCollection;
  communes: FeatureCollection;
  layers: FeatureCollection;
  /** [west, south, east, north] of every unit, by code. */
  bounds: Map<string, [number, number, number, number]>;
  /** Name and type of every unit, by code. */
  names: Map<string, { name: string; type: string; parentCode: string | null }>;
}

function boundsOf(geometry: Geometry): [number, number, number, number] {
  let [w, s, e, n] = [180, 90, -180, -90];
  const visit = (c: unknown): void => {
    if (typeof (c as number[])[0] === 'number') {
      const [x, y] = c as [number, number];
      w = Math.min(w, x); e = Math.max(e, x); s = Math.min(s, y); n = Math.max(n, y);
    } else (c as unknown[]).forEach(visit);
  };
  if ('coordinates' in geometry) visit(geometry.coordinates);
  return [w, s, e, n];
}

/** "Phường 1" rather than "1" where a ward is numbered. */
export function labelOf(name: string, type: string): string {
  return /^\d+$/.test(name) ? `${type} ${name}` : name;
}

export function decodeBoundaries(topo: Topology): MapData {
  const fc = (name: string) => (topo.objects[name] ? (feature(topo, topo.objects[name]) as unknown as FeatureCollection) : { type: 'FeatureCollection' as const, features: [] });
  const data: MapData = { province: fc('province'), districts: fc('districts'), communes: fc('communes'), layers: fc('layers'), bounds: new Map(), names: new Map() };
  for (const f of [...data.province.features, ...data.districts.features, ...data.communes.features] as Feature[]) {
    const p = f.properties as { code: string; name: string; type: string; parentCode: string | null };
    data.bounds.set(p.code, boundsOf(f.geometry));
    data.names.set(p.code, { name: p.name, type: p.type, parentCode: p.parentCode });
  }
  for (const f of data.communes.features) f.properties = { ...f.properties, label: labelOf(f.properties!.name, f.properties!.type) };
  return data;
}
