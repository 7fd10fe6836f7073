// The map as the meeting shows it: communes in their status colours, nothing to edit (no hotspots, proposals or
// relapse markers); the presentation and the two-date comparison draw it.
import type { Map as MapLibreMap } from 'maplibre-gl';
import { MapView } from '../map/MapView';

const NONE: readonly string[] = [];
type MapProps = Parameters<typeof MapView>[0];

export function StatusMap(p: {
  data: MapProps['data'];
  statuses: MapProps['statuses'];
  focus: string | null;
  large: boolean;
  changed?: readonly string[];
  onMap?: (m: MapLibreMap) => void;
  onSelect?: (code: string) => void;
  onZoom(zoom: number): void;
}) {
  return (
    <MapView
      data={p.data}
      statuses={p.statuses}
      hotspots={null}
      showHotspots={false}
      heatmap={false}
      focus={p.focus}
      selected={null}
      pending={NONE}
      flagged={NONE}
      large={p.large}
      changed={p.changed}
      onMap={p.onMap}
      onSelect={p.onSelect ?? (() => undefined)}
      onZoom={p.onZoom}
    />
  );
}
