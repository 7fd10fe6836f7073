// The import preview: the units a boundary file would write, and where the report's findings lie.
import {
  LngLatBounds,
  Map as MapLibreMap,
  Marker,
  NavigationControl,
  type GeoJSONSource,
  type StyleSpecification,
} from 'maplibre-gl';
import './worker';
import { exposeForSpecs } from '../test-handles';
import { useEffect, useRef, useState } from 'react';
import { feature } from 'topojson-client';
import type { Topology } from 'topojson-specification';
import type { Feature, FeatureCollection, Position } from 'geojson';
import { unitMapLabel } from '../../geo/unit-names';
import { boundsOf, labelPoints } from './boundaries';
import { FONT_REGULAR } from './style';

export interface MapFinding {
  at: Position;
  blocking: boolean;
  label: string;
}

/** Written units blue, the ones blocking the import orange-red, those left out (not in the list) grey. */
export const STATE_COLORS = { ready: '#9ecae1', blocked: '#f4a582', left_out: '#d9d9d9' } as const;

const EMPTY: FeatureCollection = { type: 'FeatureCollection', features: [] };

function previewStyle(origin: string): StyleSpecification {
  const empty = () => ({ type: 'geojson' as const, data: EMPTY });
  return {
    version: 8,
    glyphs: `${origin}/fonts/{fontstack}/{range}.pbf`,
    sources: { units: empty(), labels: empty(), findings: empty() },
    layers: [
      { id: 'background', type: 'background', paint: { 'background-color': '#eef2f5' } },
      {
        id: 'unit-fill',
        type: 'fill',
        source: 'units',
        paint: {
          'fill-color': [
            'match',
            ['get', 'state'],
            'blocked',
            STATE_COLORS.blocked,
            'left_out',
            STATE_COLORS.left_out,
            STATE_COLORS.ready,
          ],
          'fill-opacity': 0.8,
        },
      },
      { id: 'unit-line', type: 'line', source: 'units', paint: { 'line-color': '#08519c', 'line-width': 1 } },
      {
        id: 'unit-label',
        type: 'symbol',
        source: 'labels',
        layout: { 'text-field': ['get', 'label'], 'text-font': FONT_REGULAR, 'text-size': 11, 'text-max-width': 7 },
        paint: { 'text-color': '#1a1a1a', 'text-halo-color': '#ffffff', 'text-halo-width': 1.4 },
      },
      {
        id: 'finding-points',
        type: 'circle',
        source: 'findings',
        paint: {
          'circle-radius': 5,
          'circle-color': ['case', ['get', 'blocking'], '#b2182b', '#e66101'],
          'circle-stroke-color': '#ffffff',
          'circle-stroke-width': 1.5,
        },
      },
    ],
  };
}

/** The units of the preview topology with a label point each. */
export function previewLayers(topo: Topology): { units: FeatureCollection; labels: FeatureCollection } {
  const units = topo.objects.units ? (feature(topo, topo.objects.units) as unknown as FeatureCollection) : EMPTY;
  // Units matched to the list by their official name, the others as the report names them (#n, code, name).
  const labels: FeatureCollection = {
    type: 'FeatureCollection',
    features: labelPoints(units, (p) => ({
      label: p.state === 'ready' ? unitMapLabel({ name: p.name!, type: p.type }) : p.label!,
    })),
  };
  return { units, labels };
}

export function PreviewMap({
  topo,
  findings,
  focus,
  label,
}: {
  topo: Topology;
  findings: MapFinding[];
  focus: { at: Position } | null;
  label: string;
}) {
  const container = useRef<HTMLDivElement>(null);
  const [map, setMap] = useState<MapLibreMap | null>(null);
  useEffect(() => {
    const m = new MapLibreMap({
      container: container.current!,
      style: previewStyle(window.location.origin),
      attributionControl: false,
      fadeDuration: 0,
    });
    m.addControl(new NavigationControl({ showCompass: false }));
    m.on('load', () => setMap(m));
    exposeForSpecs('__previewMap', m);
    return () => {
      m.remove();
      exposeForSpecs('__previewMap', undefined);
    };
  }, []);

  useEffect(() => {
    if (!map) return;
    const { units, labels } = previewLayers(topo);
    (map.getSource('units') as GeoJSONSource).setData(units);
    (map.getSource('labels') as GeoJSONSource).setData(labels);
    const bounds = new LngLatBounds();
    for (const f of units.features) {
      const [w, s, e, n] = boundsOf(f.geometry);
      bounds.extend([w, s]).extend([e, n]);
    }
    if (!bounds.isEmpty()) map.fitBounds(bounds, { padding: 20, animate: false });
  }, [map, topo]);

  useEffect(() => {
    if (!map) return;
    const points: Feature[] = findings.map((f) => ({
      type: 'Feature',
      properties: { blocking: f.blocking, label: f.label },
      geometry: { type: 'Point', coordinates: f.at },
    }));
    (map.getSource('findings') as GeoJSONSource).setData({ type: 'FeatureCollection', features: points });
  }, [map, findings]);

  useEffect(() => {
    if (!map || !focus) return;
    const at = focus.at as [number, number];
    map.jumpTo({ center: at, zoom: Math.max(map.getZoom(), 14) });
    const marker = new Marker({ color: '#b2182b' }).setLngLat(at).addTo(map);
    return () => void marker.remove();
  }, [map, focus]);

  return <div ref={container} className="preview-map" data-testid="preview-map" role="img" aria-label={label} />;
}
