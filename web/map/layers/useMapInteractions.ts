// Pointer work on the map: hovering a commune (tooltip), clicking a commune (open it), a hotspot (police tools) or a
// cluster (zoom in), and, while placing, a click anywhere gives a place.
import { useEffect, useState, type RefObject } from 'react';
import type { GeoJSONSource, Map as MapLibreMap, MapLayerMouseEvent } from 'maplibre-gl';
import { useLatest } from '../../state/useLatest';
import type { HoverInfo } from '../Tooltip';
import { rounded } from './usePoliceToolLayers';

export interface InteractionProps {
  onSelect(code: string): void;
  onPlace: ((at: [number, number]) => void) | null;
  onHotspot: ((id: number) => void) | null;
  onZoom: ((zoom: number) => void) | null;
}

interface LatestCallbacks {
  onSelect: RefObject<InteractionProps['onSelect']>;
  onPlace: RefObject<InteractionProps['onPlace']>;
  onHotspot: RefObject<InteractionProps['onHotspot']>;
}

/** The handlers by event and layer, and the map-wide click that gives a place while placing. */
function pointerHandlers(map: MapLibreMap, l: LatestCallbacks, setHover: (h: HoverInfo | null) => void) {
  const move = (e: MapLayerMouseEvent) => {
    const f = e.features?.[0];
    map.getCanvas().style.cursor = f ? 'pointer' : '';
    setHover(f ? { code: f.properties.code as string, x: e.point.x, y: e.point.y } : null);
  };
  const leave = () => setHover(null);
  const onTopOf = (e: MapLayerMouseEvent, layer: string) =>
    map.getLayer(layer) && map.queryRenderedFeatures(e.point, { layers: [layer] }).length > 0;
  const click = (e: MapLayerMouseEvent) => {
    if (l.onPlace.current) return; // placing: the map-wide handler below takes the click
    if (onTopOf(e, 'hotspot-points') || onTopOf(e, 'hotspot-clusters')) return; // the hotspot handlers take it
    const code = e.features?.[0]?.properties.code as string | undefined;
    if (code) l.onSelect.current(code);
  };
  const place = (e: MapLayerMouseEvent) => l.onPlace.current?.([rounded(e.lngLat.lng), rounded(e.lngLat.lat)]);
  const hotspot = (e: MapLayerMouseEvent) => {
    const id = Number(e.features?.[0]?.properties.id);
    if (!l.onPlace.current && id) l.onHotspot.current?.(id);
  };
  const cluster = (e: MapLayerMouseEvent) => {
    const f = e.features?.[0];
    if (l.onPlace.current || !f || f.geometry.type !== 'Point') return;
    const center = f.geometry.coordinates as [number, number];
    void (map.getSource('hotspots') as GeoJSONSource)
      .getClusterExpansionZoom(f.properties.cluster_id as number)
      .then((zoom) => map.easeTo({ center, zoom }));
  };
  const pointer = () => {
    if (!l.onPlace.current) map.getCanvas().style.cursor = 'pointer';
  };
  const handlers = [
    ['click', 'hotspot-points', hotspot],
    ['click', 'hotspot-clusters', cluster],
    ['mouseenter', 'hotspot-points', pointer],
    ['mousemove', 'commune-fill', move],
    ['mouseleave', 'commune-fill', leave],
    ['click', 'commune-fill', click],
  ] as const;
  return { handlers, place };
}

/** Registers the handlers once per map; they read the latest callbacks. Returns the commune under the pointer. */
export function useMapInteractions(map: MapLibreMap | null, p: InteractionProps): HoverInfo | null {
  const [hover, setHover] = useState<HoverInfo | null>(null);
  const onSelect = useLatest(p.onSelect);
  const onPlace = useLatest(p.onPlace);
  const onHotspot = useLatest(p.onHotspot);
  const onZoom = useLatest(p.onZoom);

  useEffect(() => {
    if (!map) return;
    const report = () => onZoom.current?.(map.getZoom());
    map.on('zoomend', report);
    return () => void map.off('zoomend', report);
  }, [map, onZoom]);

  useEffect(() => {
    if (!map) return;
    const { handlers, place } = pointerHandlers(map, { onSelect, onPlace, onHotspot }, setHover);
    for (const [type, layer, handler] of handlers) map.on(type, layer, handler);
    map.on('click', place);
    return () => {
      for (const [type, layer, handler] of handlers) map.off(type, layer, handler);
      map.off('click', place);
    };
  }, [map, onHotspot, onPlace, onSelect]);

  return hover;
}
