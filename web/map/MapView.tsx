// Owns the MapLibre instance: geometry is set once per boundary version; dates restyle through feature-state.
import {
  Map as MapLibreMap,
  Marker,
  NavigationControl,
  type GeoJSONSource,
  type MapLayerMouseEvent,
} from 'maplibre-gl';
import './worker';
import { useEffect, useRef, useState } from 'react';
import type { FeatureCollection, Geometry } from 'geojson';
import type { Statuses } from '../api/client';
import { boundsOf, type MapData } from './boundaries';
import { buildStyle, focusOpacity, hatchImage } from './style';
import { Tooltip, type HoverInfo } from './Tooltip';
import { useLatest } from '../state/useLatest';

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
  /** Told the zoom after each zoom, so geometry of the right detail can be fetched. */
  onZoom?: (zoom: number) => void;
  /** The place being edited: a marker that can be dragged to a new place. */
  placed?: [number, number] | null;
  onDragPlaced?: ((at: [number, number]) => void) | null;
  /** An area being drawn (points, polygon outline). */
  sketch?: FeatureCollection | null;
  /** The area searched or the open operation's area; the map zooms to it when it changes. */
  area?: Geometry | null;
  /** Operation areas with their names (the operations layer), or null when the layer is off. */
  operations?: FeatureCollection | null;
  /** A click on a hotspot point (police tools). */
  onHotspot?: ((id: number) => void) | null;
}

const EMPTY: FeatureCollection = { type: 'FeatureCollection', features: [] };
const rounded = (x: number) => Math.round(x * 1e6) / 1e6;

type TestHandle = { __map?: MapLibreMap; __appliedStatuses?: number };

function useMap(container: React.RefObject<HTMLDivElement | null>) {
  const [map, setMap] = useState<MapLibreMap | null>(null);
  useEffect(() => {
    const m = new MapLibreMap({
      container: container.current!,
      style: buildStyle(window.location.origin),
      attributionControl: false,
      fadeDuration: 0,
    });
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
  const onSelect = useLatest(props.onSelect);
  const onPlace = useLatest(props.onPlace);
  const onHotspot = useLatest(props.onHotspot);
  const onDragPlaced = useLatest(props.onDragPlaced);

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

  // Fitted when the province (a boundary vintage) or the focus changes, not when finer geometry of the same arrives.
  const province = props.data?.province.features[0]?.properties?.code as string | undefined;
  useEffect(() => {
    if (!map || !props.data) return;
    const bounds = props.data.bounds.get(props.focus ?? '') ?? props.data.bounds.get(province ?? '');
    if (bounds) map.fitBounds(bounds, { padding: 30, animate: false });
    map.setPaintProperty('commune-fill', 'fill-opacity', focusOpacity(props.focus, 0.85, 0.25));
  }, [map, province, props.focus]); // eslint-disable-line react-hooks/exhaustive-deps

  const onZoom = useLatest(props.onZoom);
  useEffect(() => {
    if (!map) return;
    const report = () => onZoom.current?.(map.getZoom());
    map.on('zoomend', report);
    return () => void map.off('zoomend', report);
  }, [map, onZoom]);

  useEffect(() => {
    if (!map || !props.data) return;
    const features = props.data.communes.features.filter((f) => f.properties!.code === props.selected);
    setData(map, 'selected', { type: 'FeatureCollection', features });
  }, [map, props.data, props.selected]);

  useEffect(() => {
    if (!map || !props.data) return;
    const codes = new Set(props.pending);
    setData(map, 'pending', {
      type: 'FeatureCollection',
      features: props.data.communes.features.filter((f) => codes.has(f.properties!.code as string)),
    });
  }, [map, props.data, props.pending]);

  useEffect(() => {
    if (!map || !props.data) return;
    const codes = new Set(props.flagged);
    setData(map, 'flags', {
      type: 'FeatureCollection',
      features: props.data.labels.features.filter((f) => codes.has(f.properties!.code as string)),
    });
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
    for (const id of ['hotspot-clusters', 'hotspot-count', 'hotspot-points'])
      map.setLayoutProperty(id, 'visibility', vis(props.showHotspots && !props.heatmap));
    map.setLayoutProperty('hotspot-heat', 'visibility', vis(props.showHotspots && props.heatmap));
  }, [map, props.hotspots, props.showHotspots, props.heatmap]);

  const marker = useRef<Marker | null>(null);
  useEffect(() => {
    if (!map) return;
    const at = props.placed;
    if (at && !marker.current) {
      marker.current = new Marker({ draggable: true, color: '#fbc02d' }).setLngLat(at).addTo(map);
      marker.current.getElement().dataset.testid = 'placed-marker';
      marker.current.on('dragend', () => {
        const p = marker.current!.getLngLat();
        onDragPlaced.current?.([rounded(p.lng), rounded(p.lat)]);
      });
    } else if (at) marker.current!.setLngLat(at);
    else {
      marker.current?.remove();
      marker.current = null;
    }
    map.getCanvas().style.cursor = props.onPlace ? 'crosshair' : '';
  }, [map, props.placed, props.onPlace, onDragPlaced]);

  useEffect(() => {
    if (map) setData(map, 'sketch', props.sketch ?? EMPTY);
  }, [map, props.sketch]);

  useEffect(() => {
    if (!map) return;
    const area = props.area;
    setData(
      map,
      'area',
      area ? { type: 'FeatureCollection', features: [{ type: 'Feature', properties: {}, geometry: area }] } : EMPTY,
    );
    if (area) map.fitBounds(boundsOf(area), { padding: 60, animate: false, maxZoom: 15 });
  }, [map, props.area]);

  useEffect(() => {
    if (!map) return;
    setData(map, 'operations', props.operations ?? EMPTY);
    for (const id of ['operations-line', 'operations-label'])
      map.setLayoutProperty(id, 'visibility', props.operations ? 'visible' : 'none');
  }, [map, props.operations]);

  useEffect(() => {
    if (!map) return;
    const size = props.large
      ? ['interpolate', ['linear'], ['zoom'], 8, 14, 12, 20]
      : ['interpolate', ['linear'], ['zoom'], 8, 10, 12, 15];
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
    const onTopOf = (e: MapLayerMouseEvent, layer: string) =>
      map.getLayer(layer) && map.queryRenderedFeatures(e.point, { layers: [layer] }).length > 0;
    const click = (e: MapLayerMouseEvent) => {
      if (onPlace.current) return; // placing: the map-wide handler below takes the click
      if (onTopOf(e, 'hotspot-points') || onTopOf(e, 'hotspot-clusters')) return; // the hotspot handlers take it
      const code = e.features?.[0]?.properties.code as string | undefined;
      if (code) onSelect.current(code);
    };
    const place = (e: MapLayerMouseEvent) => onPlace.current?.([rounded(e.lngLat.lng), rounded(e.lngLat.lat)]);
    const hotspot = (e: MapLayerMouseEvent) => {
      const id = Number(e.features?.[0]?.properties.id);
      if (!onPlace.current && id) onHotspot.current?.(id);
    };
    const cluster = (e: MapLayerMouseEvent) => {
      const f = e.features?.[0];
      if (onPlace.current || !f || f.geometry.type !== 'Point') return;
      const center = f.geometry.coordinates as [number, number];
      void (map.getSource('hotspots') as GeoJSONSource)
        .getClusterExpansionZoom(f.properties.cluster_id as number)
        .then((zoom) => map.easeTo({ center, zoom }));
    };
    const pointer = () => {
      if (!onPlace.current) map.getCanvas().style.cursor = 'pointer';
    };
    map.on('click', 'hotspot-points', hotspot);
    map.on('click', 'hotspot-clusters', cluster);
    map.on('mouseenter', 'hotspot-points', pointer);
    map.on('mousemove', 'commune-fill', move);
    map.on('mouseleave', 'commune-fill', leave);
    map.on('click', 'commune-fill', click);
    map.on('click', place);
    return () => {
      map.off('mousemove', 'commune-fill', move);
      map.off('mouseleave', 'commune-fill', leave);
      map.off('click', 'commune-fill', click);
      map.off('click', place);
      map.off('click', 'hotspot-points', hotspot);
      map.off('click', 'hotspot-clusters', cluster);
      map.off('mouseenter', 'hotspot-points', pointer);
    };
  }, [map, onHotspot, onPlace, onSelect]);

  return (
    <div className="map-wrap">
      <div ref={container} className="map" data-testid="map" />
      {hover && props.data && <Tooltip hover={hover} data={props.data} statuses={props.statuses} />}
    </div>
  );
}
