// Hotspots: clustered points or a heatmap, as of the date shown.
import { useEffect } from 'react';
import type { Map as MapLibreMap } from 'maplibre-gl';
import type { FeatureCollection } from 'geojson';
import { EMPTY, setData, visibility } from './set-data';

export interface HotspotLayerProps {
  hotspots: FeatureCollection | null;
  showHotspots: boolean;
  heatmap: boolean;
}

export function useHotspotLayers(
  map: MapLibreMap | null,
  { hotspots, showHotspots, heatmap }: HotspotLayerProps,
): void {
  useEffect(() => {
    if (!map) return;
    // Hidden layers keep whatever they last had: no tiles to cut for points nobody sees.
    if (showHotspots) {
      setData(map, 'hotspots', hotspots ?? EMPTY);
      setData(map, 'hotspots-raw', hotspots ?? EMPTY);
    }
    for (const id of ['hotspot-clusters', 'hotspot-count', 'hotspot-points'])
      map.setLayoutProperty(id, 'visibility', visibility(showHotspots && !heatmap));
    map.setLayoutProperty('hotspot-heat', 'visibility', visibility(showHotspots && heatmap));
  }, [map, hotspots, showHotspots, heatmap]);
}
