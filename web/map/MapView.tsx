// Owns the MapLibre instance: draws boundaries once, then restyles communes by feature-state when statuses change.
import { Map as MapLibreMap, NavigationControl, setWorkerUrl, type GeoJSONSource } from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?worker&url';
import 'maplibre-gl/dist/maplibre-gl.css';
import { useEffect, useRef } from 'react';
import type { FeatureCollection } from 'geojson';
import { buildStyle, statusFillColor } from './style';

export interface MapLayers {
  province: FeatureCollection;
  districts: FeatureCollection;
  communes: FeatureCollection;
  layers: FeatureCollection;
}

// MapLibre 6 under a bundler: the worker is emitted by Vite and served from our own origin.
setWorkerUrl(workerUrl);

interface Props {
  layers: MapLayers | null;
  statuses: Record<string, { status: string } | null>;
}

function addLayers(map: MapLibreMap, data: MapLayers) {
  map.addSource('communes', { type: 'geojson', data: data.communes, promoteId: 'code' });
  map.addSource('districts', { type: 'geojson', data: data.districts });
  map.addSource('context', { type: 'geojson', data: data.layers });
  map.addLayer({ id: 'commune-fill', type: 'fill', source: 'communes', paint: { 'fill-color': statusFillColor as never, 'fill-opacity': 0.75 } });
  map.addLayer({ id: 'commune-line', type: 'line', source: 'communes', paint: { 'line-color': '#ffffff', 'line-width': 0.8 } });
  map.addLayer({ id: 'rivers', type: 'line', source: 'context', filter: ['==', ['get', 'kind'], 'river'], paint: { 'line-color': '#4a90c2', 'line-width': 2.5 } });
  map.addLayer({ id: 'district-line', type: 'line', source: 'districts', paint: { 'line-color': '#37474f', 'line-width': 2 } });
}

function bounds(fc: FeatureCollection): [number, number, number, number] {
  let [w, s, e, n] = [180, 90, -180, -90];
  const visit = (c: unknown): void => {
    if (typeof (c as number[])[0] === 'number') {
      const [x, y] = c as number[];
      w = Math.min(w, x!); e = Math.max(e, x!); s = Math.min(s, y!); n = Math.max(n, y!);
    } else (c as unknown[]).forEach(visit);
  };
  fc.features.forEach((f) => visit((f.geometry as { coordinates: unknown }).coordinates));
  return [w, s, e, n];
}

export function MapView({ layers, statuses }: Props) {
  const container = useRef<HTMLDivElement>(null);
  const mapRef = useRef<MapLibreMap | null>(null);
  const ready = useRef(false);

  useEffect(() => {
    const map = new MapLibreMap({ container: container.current!, style: buildStyle(), attributionControl: false });
    map.addControl(new NavigationControl({ showCompass: false }));
    mapRef.current = map;
    (window as unknown as { __map: MapLibreMap }).__map = map;
    return () => map.remove();
  }, []);

  useEffect(() => {
    const map = mapRef.current;
    if (!map || !layers) return;
    const draw = () => {
      if (map.getSource('communes')) (map.getSource('communes') as GeoJSONSource).setData(layers.communes);
      else addLayers(map, layers);
      map.fitBounds(bounds(layers.province), { padding: 24, animate: false });
      ready.current = true;
    };
    if (map.isStyleLoaded()) draw();
    else map.once('load', draw);
  }, [layers]);

  useEffect(() => {
    const map = mapRef.current;
    if (!map || !layers) return;
    const apply = () => {
      for (const [code, entry] of Object.entries(statuses)) map.setFeatureState({ source: 'communes', id: code }, { status: entry?.status ?? 'none' });
    };
    if (map.getSource('communes')) apply();
    else map.once('idle', apply);
  }, [layers, statuses]);

  return <div ref={container} className="map" data-testid="map" />;
}
