// Communes and their statuses: geometry set once per boundary version, statuses as feature-state per date, the view
// fitted to the province or the focused unit, the selected commune, pending proposals and relapse signals.
import { useEffect } from 'react';
import type { Map as MapLibreMap } from 'maplibre-gl';
import type { Statuses } from '../../api/client';
import type { MapData } from '../boundaries';
import { focusOpacity } from '../style';
import { setData } from './set-data';
import { countForSpecs } from '../../test-handles';
import { useLatest } from '../../state/useLatest';

export interface CommuneLayerProps {
  data: MapData | null;
  statuses: Statuses;
  focus: string | null;
  selected: string | null;
  pending: readonly string[];
  flagged: readonly string[];
  /** Communes outlined as changed between two compared dates. */
  changed?: readonly string[];
}

/** One source holding the communes whose code is listed (selected, pending, changed). */
function communesNamed(map: MapLibreMap, source: string, data: MapData, codes: readonly string[]) {
  const wanted = new Set(codes);
  setData(map, source, {
    type: 'FeatureCollection',
    features: data.communes.features.filter((f) => wanted.has(f.properties!.code as string)),
  });
}

const NONE: readonly string[] = [];

export function useCommuneLayers(map: MapLibreMap | null, p: CommuneLayerProps): void {
  const { data, statuses, focus, selected, pending, flagged, changed = NONE } = p;
  useEffect(() => {
    if (!map || !data) return;
    for (const id of ['communes', 'outlines', 'labels'] as const) setData(map, id, data[id]);
  }, [map, data]);

  useEffect(() => {
    if (!map || !data) return;
    for (const f of data.communes.features) {
      const code = f.properties!.code as string;
      map.setFeatureState({ source: 'communes', id: code }, { status: statuses[code]?.status ?? 'none' });
    }
    countForSpecs('__appliedStatuses');
    map.triggerRepaint();
  }, [map, data, statuses]);

  // Fitted when the province (a boundary vintage) or the focus changes, not when finer geometry of the same arrives.
  const province = data?.province.features[0]?.properties?.code as string | undefined;
  const latest = useLatest(data);
  useEffect(() => {
    const shown = latest.current;
    if (!map || !shown) return;
    const bounds = shown.bounds.get(focus ?? '') ?? shown.bounds.get(province ?? '');
    if (bounds) map.fitBounds(bounds, { padding: 30, animate: false });
    map.setPaintProperty('commune-fill', 'fill-opacity', focusOpacity(focus, 0.85, 0.25));
  }, [map, province, focus, latest]);

  useEffect(() => {
    if (map && data) communesNamed(map, 'selected', data, selected ? [selected] : NONE);
  }, [map, data, selected]);

  useEffect(() => {
    if (map && data) communesNamed(map, 'pending', data, pending);
  }, [map, data, pending]);

  useEffect(() => {
    if (map && data) communesNamed(map, 'changed', data, changed);
  }, [map, data, changed]);

  useEffect(() => {
    if (!map || !data) return;
    const codes = new Set(flagged);
    setData(map, 'flags', {
      type: 'FeatureCollection',
      features: data.labels.features.filter((f) => codes.has(f.properties!.code as string)),
    });
  }, [map, data, flagged]);
}
