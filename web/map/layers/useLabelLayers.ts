// Commune labels: their size follows the large-type switch (the sizes are defined once, in style.ts).
import { useEffect } from 'react';
import type { Map as MapLibreMap } from 'maplibre-gl';
import { communeLabelSize } from '../style';

export function useLabelLayers(map: MapLibreMap | null, large: boolean): void {
  useEffect(() => {
    if (map) map.setLayoutProperty('commune-label', 'text-size', communeLabelSize(large));
  }, [map, large]);
}
