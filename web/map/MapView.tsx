// Owns the MapLibre instance: geometry is set once per boundary version; dates restyle through feature-state.
import { Map as MapLibreMap, NavigationControl, setWorkerUrl, type GeoJSONSource, type MapLayerMouseEvent } from 'maplibre-gl';
import 'maplibre-gl/dist/maplibre-gl.css';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?worker&url';
import { useEffect, useRef, useState } from 'react';
import type { FeatureCollection } from 'geojson';
import type { Statuses } from '../api/client';
import type { MapData } from './boundaries';
import { buildStyle, focusOpacity, hatchImage } from './style';
import { Tooltip, type HoverInfo } from './Tooltip';

// MapLibre 6 under a bundler: the worker is emitted by Vite and served from our own origin.
setWorkerUrl(workerUrl);

interface Props {
  data: MapData | null;
  statuses: Statuses;
  hotspots: FeatureCollection | null;
  showHotspots: boolean;
  heatmap: boolean;
  focus: string | null;
  selected: string | null;
  /** Communes with a proposal waiting for approval: dashed outline. */
  pending: readonly string[];
  /** Communes with an open relapse signal: "!" marker. */
  flagged: readonly string[];
  large: boolean;
  onSelect(code: string): void;
  /** While set, a click on the map gives a place (a new hotspot) instead of opening a commune. */
  onPlace?: ((at: [number, number]) => void) | null;
  /** The place being edited, drawn as a marker. */
  placed?: [number, number] | null;
}

type TestHandle = { __map?: MapLibreMap; __appliedStatuses?: number };

function useMap(container: React.RefObject<HTMLDivElement | null>) {
  const [map, setMap] = useState<MapLibreMap | null>(null);
  useEffect(() => {
    const m = new MapLibreMap({ container: container.current!, style: buildStyle(window.location.origin), attributionControl: false, fadeDuration: 0 });
    m.addControl(new NavigationControl({ showCompass: false }));
    m.on('load', () => {
      m.addImage('hatch', hatchImage());
      setMap(m);
    });
    (window as TestHandle).__map = m;
    return () => m.remove();
  }, [container]);
  return map;
}

function setData(map: MapLibreMap, id: string, data: FeatureCollection) {
  (map.getSource(id) as GeoJSONSource).setData(data);
}

export function MapView(props: Props) {
  const container = useRef<HTMLDivElement>(null);
  const map = useMap(container);
  const [hover, setHover] = useState<HoverInfo | null>(null);
  const onSelect = useRef(props.onSelect);
  onSelect.current = props.onSelect;
  const onPlace = useRef(props.onPlace);
  onPlace.current = props.onPlace;

  useEffect(() => {
    if (!map || !props.data) return;
    for (const id of ['communes', 'outlines', 'labels'] as const) setData(map, id, props.data[id]);
  }, [map, props.data]);

  useEffect(() => {
    if (!map || !props.data) return;
    for (const f of props.data.communes.features) {
      const code = f.properties!.code as string;
      map.setFeatureState({ source: 'communes', id: code }, { status: props.statuses[code]?.status ?? 'none' });
    }
    (window as TestHandle).__appliedStatuses = ((window as TestHandle).__appliedStatuses ?? 0) + 1;
    map.triggerRepaint();
  }, [map, props.data, props.statuses]);

  useEffect(() => {
    if (!map || !props.data) return;
    const bounds = props.data.bounds.get(props.focus ?? '') ?? props.data.bounds.get(props.data.province.features[0]?.properties?.code);
    if (bounds) map.fitBounds(bounds, { padding: 30, animate: false });
    map.setPaintProperty('commune-fill', 'fill-opacity', focusOpacity(props.focus, 0.85, 0.25));
  }, [map, props.data, props.focus]);

  useEffect(() => {
    if (!map || !props.data) return;
    const features = props.data.communes.features.filter((f) => f.properties!.code === props.selected);
    setData(map, 'selected', { type: 'FeatureCollection', features });
  }, [map, props.data, props.selected]);

  useEffect(() => {
    if (!map || !props.data) return;
    const codes = new Set(props.pending);
    setData(map, 'pending', { type: 'FeatureCollection', features: props.data.communes.features.filter((f) => codes.has(f.properties!.code as string)) });
  }, [map, props.data, props.pending]);

  useEffect(() => {
    if (!map || !props.data) return;
    const codes = new Set(props.flagged);
    setData(map, 'flags', { type: 'FeatureCollection', features: props.data.labels.features.filter((f) => codes.has(f.properties!.code as string)) });
  }, [map, props.data, props.flagged]);

  useEffect(() => {
    if (!map) return;
    // Hidden layers keep whatever they last had: no tiles to cut for points nobody sees.
    if (props.showHotspots) {
      const fc = props.hotspots ?? { type: 'FeatureCollection', features: [] };
      setData(map, 'hotspots', fc);
      setData(map, 'hotspots-raw', fc);
    }
    const vis = (on: boolean) => (on ? 'visible' : 'none');
    for (const id of ['hotspot-clusters', 'hotspot-count', 'hotspot-points']) map.setLayoutProperty(id, 'visibility', vis(props.showHotspots && !props.heatmap));
    map.setLayoutProperty('hotspot-heat', 'visibility', vis(props.showHotspots && props.heatmap));
  }, [map, props.hotspots, props.showHotspots, props.heatmap]);

  useEffect(() => {
    if (!map) return;
    const at = props.placed;
    setData(map, 'placed', { type: 'FeatureCollection', features: at ? [{ type: 'Feature', properties: {}, geometry: { type: 'Point', coordinates: at } }] : [] });
    map.getCanvas().style.cursor = props.onPlace ? 'crosshair' : '';
  }, [map, props.placed, props.onPlace]);

  useEffect(() => {
    if (!map) return;
    const size = props.large ? ['interpolate', ['linear'], ['zoom'], 8, 14, 12, 20] : ['interpolate', ['linear'], ['zoom'], 8, 10, 12, 15];
    map.setLayoutProperty('commune-label', 'text-size', size as never);
  }, [map, props.large]);

  useEffect(() => {
    if (!map) return;
    const move = (e: MapLayerMouseEvent) => {
      const f = e.features?.[0];
      map.getCanvas().style.cursor = f ? 'pointer' : '';
      setHover(f ? { code: f.properties.code as string, x: e.point.x, y: e.point.y } : null);
    };
    const leave = () => setHover(null);
    const click = (e: MapLayerMouseEvent) => {
      if (onPlace.current) return; // placing: the map-wide handler below takes the click
      const code = e.features?.[0]?.properties.code as string | undefined;
      if (code) onSelect.current(code);
    };
    const place = (e: MapLayerMouseEvent) => onPlace.current?.([Math.round(e.lngLat.lng * 1e6) / 1e6, Math.round(e.lngLat.lat * 1e6) / 1e6]);
    map.on('mousemove', 'commune-fill', move);
    map.on('mouseleave', 'commune-fill', leave);
    map.on('click', 'commune-fill', click);
    map.on('click', place);
    return () => {
      map.off('mousemove', 'commune-fill', move);
      map.off('mouseleave', 'commune-fill', leave);
      map.off('click', 'commune-fill', click);
      map.off('click', place);
    };
  }, [map]);

  return (
    <div className="map-wrap">
      <div ref={container} className="map" data-testid="map" />
      {hover && props.data && <Tooltip hover={hover} data={props.data} statuses={props.statuses} />}
    </div>
  );
}
