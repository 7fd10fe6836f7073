// Decodes the boundary TopoJSON into the GeoJSON layers the map draws, with label text and unit bounds.
import { feature } from 'topojson-client';
import type { Topology } from 'topojson-specification';
import type { Feature, FeatureCollection, Geometry } from 'geojson';
import { labelPoint } from '../../geo/labels';
import type { Area } from '../../geo/spatial';
import { unitMapLabel } from '../../geo/unit-names';

export interface MapData {
  province: FeatureCollection;
  districts: FeatureCollection;
  communes: FeatureCollection;
  layers: FeatureCollection;
  /** Province, district and context lines in one source, told apart by `kind`: fewer tiles for the map to cut. */
  outlines: FeatureCollection;
  /** One point per commune where its name is drawn, so that fills never wait for glyphs. */
  labels: FeatureCollection;
  /** [west, south, east, north] of every unit, by code. */
  bounds: Map<string, [number, number, number, number]>;
  /** Name and type of every unit, by code. */
  names: Map<string, { name: string; type: string; parentCode: string | null }>;
}

export function boundsOf(geometry: Geometry): [number, number, number, number] {
  let [w, s, e, n] = [180, 90, -180, -90];
  const visit = (c: unknown): void => {
    if (typeof (c as number[])[0] === 'number') {
      const [x, y] = c as [number, number];
      w = Math.min(w, x);
      e = Math.max(e, x);
      s = Math.min(s, y);
      n = Math.max(n, y);
    } else (c as unknown[]).forEach(visit);
  };
  if ('coordinates' in geometry) visit(geometry.coordinates);
  return [w, s, e, n];
}

/** One point per unit where its label goes, with the properties `label` makes of the unit's. */
export function labelPoints(
  units: FeatureCollection,
  label: (p: Record<string, string>) => Record<string, string>,
): Feature[] {
  return units.features.map((f) => ({
    type: 'Feature',
    properties: label(f.properties as Record<string, string>),
    geometry: { type: 'Point', coordinates: labelPoint(f.geometry as Area) },
  }));
}

export function decodeBoundaries(topo: Topology): MapData {
  const fc = (name: string) =>
    topo.objects[name]
      ? (feature(topo, topo.objects[name]) as unknown as FeatureCollection)
      : { type: 'FeatureCollection' as const, features: [] };
  const [province, districts, communes, layers] = [fc('province'), fc('districts'), fc('communes'), fc('layers')];
  const tagged = (c: FeatureCollection, kind: string) =>
    c.features.map((f) => ({ ...f, properties: { kind, ...f.properties } }));
  const outlines: FeatureCollection = {
    type: 'FeatureCollection',
    features: [...tagged(layers, 'context'), ...tagged(districts, 'district'), ...tagged(province, 'province')],
  };
  const labels: FeatureCollection = {
    type: 'FeatureCollection',
    features: labelPoints(communes, (p) => ({ code: p.code!, label: unitMapLabel({ name: p.name!, type: p.type }) })),
  };
  const data: MapData = {
    province,
    districts,
    communes,
    layers,
    outlines,
    labels,
    bounds: new Map(),
    names: new Map(),
  };
  for (const f of [...data.province.features, ...data.districts.features, ...data.communes.features] as Feature[]) {
    const p = f.properties as { code: string; name: string; type: string; parentCode: string | null };
    data.bounds.set(p.code, boundsOf(f.geometry));
    data.names.set(p.code, { name: p.name, type: p.type, parentCode: p.parentCode });
  }
  return data;
}
