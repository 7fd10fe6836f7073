// The map style as data: no basemap; glyphs from our own server; communes coloured by feature-state
// status (relapsed also hatched), so restyling for a date never reloads geometry.
import type {
  ExpressionSpecification,
  GeoJSONSourceSpecification,
  LayerSpecification,
  StyleSpecification,
} from 'maplibre-gl';

import { CHANGED_OUTLINE, HOTSPOT_COLORS, STATUS_COLORS } from '../../geo/palette';
export { HOTSPOT_COLORS, STATUS_COLORS, STATUS_KEYS, type StatusKey } from '../../geo/palette';

export const FONT_REGULAR = ['Noto Sans Regular'];
export const FONT_BOLD = ['Noto Sans Bold'];

const status: ExpressionSpecification = ['coalesce', ['feature-state', 'status'], 'none'];

export const statusFillColor: ExpressionSpecification = [
  'match',
  status,
  'drug_free',
  STATUS_COLORS.drug_free,
  'complex',
  STATUS_COLORS.complex,
  'transformed',
  STATUS_COLORS.transformed,
  'relapsed',
  STATUS_COLORS.relapsed,
  STATUS_COLORS.none,
];

/** Communes outside the focused unit fade; `focus` is a unit code or null for the province. */
/** Commune label size by zoom; larger with the large-type switch (projectors, older eyes). Defined once, here. */
export function communeLabelSize(large: boolean): ExpressionSpecification {
  return large
    ? ['interpolate', ['linear'], ['zoom'], 8, 14, 12, 20]
    : ['interpolate', ['linear'], ['zoom'], 8, 10, 12, 15];
}

export function focusOpacity(focus: string | null, inside: number, outside: number): ExpressionSpecification | number {
  if (!focus) return inside;
  return ['case', ['any', ['==', ['get', 'parentCode'], focus], ['==', ['get', 'code'], focus]], inside, outside];
}

function communeLayers(): LayerSpecification[] {
  return [
    // fill-outline-color draws the thin white borders in the same pass: one layer fewer to render per frame.
    {
      id: 'commune-fill',
      type: 'fill',
      source: 'communes',
      paint: { 'fill-color': statusFillColor, 'fill-opacity': 0.85, 'fill-outline-color': '#ffffff' },
    },
    {
      id: 'commune-hatch',
      type: 'fill',
      source: 'communes',
      paint: { 'fill-pattern': 'hatch', 'fill-opacity': ['case', ['==', status, 'relapsed'], 1, 0] },
    },
    // The selected commune has its own one-feature source, so unselected ones cost nothing to draw.
    { id: 'commune-selected', type: 'line', source: 'selected', paint: { 'line-color': '#000000', 'line-width': 3 } },
    // Relapse signal: an orange "!" marker at the commune's label point until someone reviews it.
    {
      id: 'flag-marker',
      type: 'circle',
      source: 'flags',
      paint: {
        'circle-radius': 9,
        'circle-color': '#e65100',
        'circle-stroke-color': '#ffffff',
        'circle-stroke-width': 2,
        'circle-translate': [0, -16],
      },
    },
    // Two dates compared: the communes whose status differs, outlined on both maps.
    {
      id: 'commune-changed-casing',
      type: 'line',
      source: 'changed',
      paint: { 'line-color': CHANGED_OUTLINE.casing, 'line-width': 5 },
    },
    {
      id: 'commune-changed',
      type: 'line',
      source: 'changed',
      paint: { 'line-color': CHANGED_OUTLINE.line, 'line-width': 2.5 },
    },
    // A proposal waiting for approval does not count yet: only a dashed outline says it exists.
    {
      id: 'commune-pending',
      type: 'line',
      source: 'pending',
      paint: { 'line-color': '#6a1b9a', 'line-width': 2.5, 'line-dasharray': [2, 1.5] },
    },
  ];
}

function contextLayers(): LayerSpecification[] {
  return [
    {
      id: 'rivers',
      type: 'line',
      source: 'outlines',
      filter: ['==', ['get', 'kind'], 'river'],
      paint: { 'line-color': '#3f8fc6', 'line-width': 2.5 },
    },
    {
      id: 'district-line',
      type: 'line',
      source: 'outlines',
      filter: ['==', ['get', 'kind'], 'district'],
      paint: { 'line-color': '#263238', 'line-width': 2 },
    },
    {
      id: 'province-line',
      type: 'line',
      source: 'outlines',
      filter: ['==', ['get', 'kind'], 'province'],
      paint: { 'line-color': '#263238', 'line-width': 3 },
    },
  ];
}

function hotspotLayers(): LayerSpecification[] {
  const hidden = { visibility: 'none' } as const;
  return [
    {
      id: 'hotspot-heat',
      type: 'heatmap',
      source: 'hotspots-raw',
      layout: hidden,
      filter: ['==', ['get', 'status'], 'active'],
      paint: { 'heatmap-radius': 24, 'heatmap-opacity': 0.8 },
    },
    {
      id: 'hotspot-clusters',
      type: 'circle',
      source: 'hotspots',
      layout: hidden,
      filter: ['has', 'point_count'],
      paint: {
        'circle-color': '#4a148c',
        'circle-opacity': 0.85,
        'circle-radius': ['step', ['get', 'point_count'], 12, 10, 16, 50, 22],
        'circle-stroke-color': '#fff',
        'circle-stroke-width': 1.5,
      },
    },
    {
      id: 'hotspot-count',
      type: 'symbol',
      source: 'hotspots',
      filter: ['has', 'point_count'],
      layout: { ...hidden, 'text-field': ['get', 'point_count_abbreviated'], 'text-font': FONT_BOLD, 'text-size': 12 },
      paint: { 'text-color': '#ffffff' },
    },
    {
      id: 'hotspot-points',
      type: 'circle',
      source: 'hotspots',
      layout: hidden,
      filter: ['!', ['has', 'point_count']],
      paint: {
        'circle-color': ['match', ['get', 'status'], 'active', HOTSPOT_COLORS.active, HOTSPOT_COLORS.eliminated],
        'circle-radius': 6,
        'circle-stroke-color': '#ffffff',
        'circle-stroke-width': 1.5,
      },
    },
  ];
}

/** Police tools: operation areas (a layer), the area searched or opened, and the drawing in progress. */
function toolLayers(): LayerSpecification[] {
  const hidden = { visibility: 'none' } as const;
  return [
    {
      id: 'operations-line',
      type: 'line',
      source: 'operations',
      layout: hidden,
      paint: { 'line-color': '#00695c', 'line-width': 2, 'line-dasharray': [3, 2] },
    },
    { id: 'area-fill', type: 'fill', source: 'area', paint: { 'fill-color': '#ffb300', 'fill-opacity': 0.18 } },
    { id: 'area-line', type: 'line', source: 'area', paint: { 'line-color': '#e65100', 'line-width': 2.5 } },
    {
      id: 'sketch-line',
      type: 'line',
      source: 'sketch',
      filter: ['==', ['geometry-type'], 'LineString'],
      paint: { 'line-color': '#e65100', 'line-width': 2, 'line-dasharray': [2, 1] },
    },
    {
      id: 'sketch-points',
      type: 'circle',
      source: 'sketch',
      filter: ['==', ['geometry-type'], 'Point'],
      paint: {
        'circle-radius': 5,
        'circle-color': '#e65100',
        'circle-stroke-color': '#ffffff',
        'circle-stroke-width': 1.5,
      },
    },
  ];
}

function operationLabel(): LayerSpecification {
  return {
    id: 'operations-label',
    type: 'symbol',
    source: 'operations',
    layout: {
      visibility: 'none',
      'text-field': ['get', 'name'],
      'text-font': FONT_BOLD,
      'text-size': 12,
      'text-max-width': 10,
    },
    paint: { 'text-color': '#004d40', 'text-halo-color': '#ffffff', 'text-halo-width': 1.6 },
  };
}

function flagLabel(): LayerSpecification {
  return {
    id: 'flag-text',
    type: 'symbol',
    source: 'flags',
    layout: {
      'text-field': '!',
      'text-font': FONT_BOLD,
      'text-size': 14,
      'text-offset': [0, -1.15],
      'text-allow-overlap': true,
    },
    paint: { 'text-color': '#ffffff' },
  };
}

function labelLayer(): LayerSpecification {
  return {
    id: 'commune-label',
    type: 'symbol',
    source: 'labels',
    layout: {
      'text-field': ['get', 'label'],
      'text-font': FONT_REGULAR,
      'text-size': communeLabelSize(false),
      'text-max-width': 7,
      'text-padding': 3,
      'text-allow-overlap': false,
      'text-ignore-placement': false,
    },
    paint: { 'text-color': '#1a1a1a', 'text-halo-color': '#ffffff', 'text-halo-width': 1.6 },
  };
}

/** Sources start empty; MapView fills them once the boundaries arrive. */
export function buildStyle(origin: string): StyleSpecification {
  const empty = (): GeoJSONSourceSpecification => ({
    type: 'geojson',
    data: { type: 'FeatureCollection', features: [] },
  });
  return {
    version: 8,
    glyphs: `${origin}/fonts/{fontstack}/{range}.pbf`,
    sources: {
      communes: { ...empty(), promoteId: 'code' },
      outlines: empty(),
      labels: empty(),
      selected: empty(),
      pending: empty(),
      changed: empty(),
      flags: empty(),
      sketch: empty(),
      area: empty(),
      operations: empty(),
      hotspots: { ...empty(), cluster: true, clusterRadius: 40, clusterMaxZoom: 12 },
      'hotspots-raw': empty(),
    },
    layers: [
      { id: 'background', type: 'background', paint: { 'background-color': '#eef2f5' } },
      ...communeLayers(),
      ...contextLayers(),
      ...toolLayers(),
      ...hotspotLayers(),
      labelLayer(),
      operationLabel(),
      flagLabel(),
    ],
  };
}

/** Diagonal hatch drawn in memory for relapsed communes (no sprite file needed). */
export function hatchImage(size = 12): { width: number; height: number; data: Uint8Array } {
  const data = new Uint8Array(size * size * 4);
  for (let y = 0; y < size; y++)
    for (let x = 0; x < size; x++) {
      const onLine = (x + y) % size < 2;
      const i = (y * size + x) * 4;
      data.set(onLine ? [90, 40, 10, 230] : [0, 0, 0, 0], i);
    }
  return { width: size, height: size, data };
}
