// Police tools on the map: the place of a hotspot being added or moved (a marker that can be dragged) and the area
// being drawn.
import { useEffect, useRef } from 'react';
import { Marker, type Map as MapLibreMap } from 'maplibre-gl';
import type { FeatureCollection } from 'geojson';
import { useLatest } from '../../state/useLatest';
import { EMPTY, setData } from './set-data';

export const rounded = (x: number) => Math.round(x * 1e6) / 1e6;

export interface PoliceToolLayerProps {
  placed: [number, number] | null;
  placing: boolean;
  onDragPlaced: ((at: [number, number]) => void) | null;
  sketch: FeatureCollection | null;
}

export function usePoliceToolLayers(map: MapLibreMap | null, p: PoliceToolLayerProps): void {
  const { placed, placing, sketch } = p;
  const onDragPlaced = useLatest(p.onDragPlaced);
  const marker = useRef<Marker | null>(null);
  useEffect(() => {
    if (!map) return;
    if (placed && !marker.current) {
      marker.current = new Marker({ draggable: true, color: '#fbc02d' }).setLngLat(placed).addTo(map);
      marker.current.getElement().dataset.testid = 'placed-marker';
      marker.current.on('dragend', () => {
        const at = marker.current!.getLngLat();
        onDragPlaced.current?.([rounded(at.lng), rounded(at.lat)]);
      });
    } else if (placed) marker.current!.setLngLat(placed);
    else {
      marker.current?.remove();
      marker.current = null;
    }
    map.getCanvas().style.cursor = placing ? 'crosshair' : '';
  }, [map, placed, placing, onDragPlaced]);

  useEffect(() => {
    if (map) setData(map, 'sketch', sketch ?? EMPTY);
  }, [map, sketch]);
}
