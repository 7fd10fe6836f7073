// Replaces the data of one of the style's GeoJSON sources.
import type { GeoJSONSource, Map as MapLibreMap } from 'maplibre-gl';
import type { FeatureCollection } from 'geojson';

export const EMPTY: FeatureCollection = { type: 'FeatureCollection', features: [] };

export function setData(map: MapLibreMap, id: string, data: FeatureCollection): void {
  (map.getSource(id) as GeoJSONSource).setData(data);
}

export const visibility = (on: boolean) => (on ? 'visible' : 'none');
