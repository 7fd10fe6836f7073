// Operations: the areas of operations with their names (a layer switched on and off), and the area searched or of
// the open operation, which the map zooms to when it changes.
import { useEffect } from 'react';
import type { Map as MapLibreMap } from 'maplibre-gl';
import type { FeatureCollection, Geometry } from 'geojson';
import { boundsOf } from '../boundaries';
import { EMPTY, setData, visibility } from './set-data';

export function useOperationLayers(
  map: MapLibreMap | null,
  operations: FeatureCollection | null,
  area: Geometry | null,
): void {
  useEffect(() => {
    if (!map) return;
    setData(map, 'operations', operations ?? EMPTY);
    for (const id of ['operations-line', 'operations-label'])
      map.setLayoutProperty(id, 'visibility', visibility(operations !== null));
  }, [map, operations]);

  useEffect(() => {
    if (!map) return;
    setData(
      map,
      'area',
      area ? { type: 'FeatureCollection', features: [{ type: 'Feature', properties: {}, geometry: area }] } : EMPTY,
    );
    if (area) map.fitBounds(boundsOf(area), { padding: 60, animate: false, maxZoom: 15 });
  }, [map, area]);
}
