// The map style as data: no basemap, no glyphs; communes filled by status through feature-state.
import type { StyleSpecification } from 'maplibre-gl';

export const STATUS_COLORS = {
  drug_free: '#1a9850',
  complex: '#d73027',
  transformed: '#2166ac',
  relapsed: '#f46d43',
  none: '#bdbdbd',
} as const;

export type StatusKey = keyof typeof STATUS_COLORS;

export function buildStyle(): StyleSpecification {
  return {
    version: 8,
    sources: {},
    layers: [{ id: 'background', type: 'background', paint: { 'background-color': '#eef2f5' } }],
  };
}

export const statusFillColor = [
  'match',
  ['coalesce', ['feature-state', 'status'], 'none'],
  'drug_free', STATUS_COLORS.drug_free,
  'complex', STATUS_COLORS.complex,
  'transformed', STATUS_COLORS.transformed,
  'relapsed', STATUS_COLORS.relapsed,
  STATUS_COLORS.none,
] as const;
