// An area being drawn on the map: clicked points become a polygon, a circle centre, or buffer centres.
// The exact geometry (metres on the ground) is made by the server; here only the sketch and the request.
import type { FeatureCollection } from 'geojson';
import type { AreaSpecInput } from '../api/client';

export const DRAW_MODES = ['polygon', 'circle', 'buffer'] as const;
export type DrawMode = (typeof DRAW_MODES)[number];
type Pt = [number, number];

export interface AreaDraft {
  mode: DrawMode;
  points: Pt[];
  radiusM: number;
}

export const EMPTY_DRAFT: AreaDraft = { mode: 'polygon', points: [], radiusM: 500 };

/** A click adds a corner or a buffer centre; for a circle it moves the one centre. */
export function addPoint(d: AreaDraft, p: Pt): AreaDraft {
  return { ...d, points: d.mode === 'circle' ? [p] : [...d.points, p] };
}

/** The request for the server, or null while the drawing is not yet an area. */
export function draftSpec(d: AreaDraft): AreaSpecInput | null {
  const pts = d.points;
  if (d.mode === 'polygon') return pts.length >= 3 ? { type: 'polygon', coordinates: [[...pts, pts[0]!]] } : null;
  if (!pts.length || !(d.radiusM > 0)) return null;
  return d.mode === 'circle'
    ? { type: 'circle', center: pts[0]!, radiusM: d.radiusM }
    : { type: 'buffer', points: pts, radiusM: d.radiusM };
}

/** What the map draws while drawing: the clicked points and, for a polygon, its outline. */
export function draftSketch(d: AreaDraft): FeatureCollection {
  const points = d.points.map((p) => ({
    type: 'Feature' as const,
    properties: {},
    geometry: { type: 'Point' as const, coordinates: p },
  }));
  if (d.mode !== 'polygon' || d.points.length < 2) return { type: 'FeatureCollection', features: points };
  const ring = d.points.length >= 3 ? [...d.points, d.points[0]!] : d.points;
  return {
    type: 'FeatureCollection',
    features: [...points, { type: 'Feature', properties: {}, geometry: { type: 'LineString', coordinates: ring } }],
  };
}
