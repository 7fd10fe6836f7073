// Owns the MapLibre instance; each layer group (communes and statuses, labels, hotspots, operations, police tools,
// pointer work) is a hook in layers/ that owns its sources and layers. Geometry is set once per boundary version;
// dates restyle through feature-state.
import { Map as MapLibreMap, NavigationControl } from 'maplibre-gl';
import './worker';
import { exposeForSpecs } from '../test-handles';
import { useEffect, useRef, useState } from 'react';
import type { FeatureCollection, Geometry } from 'geojson';
import type { Statuses } from '../api/client';
import type { MapData } from './boundaries';
import { buildStyle, hatchImage } from './style';
import { Tooltip } from './Tooltip';
import { useCommuneLayers } from './layers/useCommuneLayers';
import { useLabelLayers } from './layers/useLabelLayers';
import { useHotspotLayers } from './layers/useHotspotLayers';
import { useOperationLayers } from './layers/useOperationLayers';
import { usePoliceToolLayers } from './layers/usePoliceToolLayers';
import { useMapInteractions } from './layers/useMapInteractions';

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
  /** Communes outlined as changed between two compared dates. */
  changed?: readonly string[];
  /** Told the MapLibre instance once its style has loaded (two compared maps keep in step through it). */
  onMap?: (map: MapLibreMap) => void;
  /** A click on a hotspot point (police tools). */
  onHotspot?: ((id: number) => void) | null;
}

/** The one MapLibre instance, created with the style built as data (style.ts); null until the style has loaded. */
function useMap(container: React.RefObject<HTMLDivElement | null>) {
  const [map, setMap] = useState<MapLibreMap | null>(null);
  useEffect(() => {
    const m = new MapLibreMap({
      container: container.current!,
      style: buildStyle(window.location.origin),
      attributionControl: false,
      fadeDuration: 0,
      // Kept after each frame so that the browser's print shows the map (a WebGL canvas otherwise prints blank).
      canvasContextAttributes: { preserveDrawingBuffer: true },
    });
    m.addControl(new NavigationControl({ showCompass: false }));
    m.on('load', () => {
      m.addImage('hatch', hatchImage());
      setMap(m);
    });
    exposeForSpecs('__map', m);
    return () => m.remove();
  }, [container]);
  return map;
}

export function MapView(props: Props) {
  const container = useRef<HTMLDivElement>(null);
  const map = useMap(container);
  const { onMap } = props;
  useEffect(() => {
    if (map && onMap) onMap(map);
  }, [map, onMap]);
  useCommuneLayers(map, props);
  useLabelLayers(map, props.large);
  useHotspotLayers(map, props);
  useOperationLayers(map, props.operations ?? null, props.area ?? null);
  usePoliceToolLayers(map, {
    placed: props.placed ?? null,
    placing: !!props.onPlace,
    onDragPlaced: props.onDragPlaced ?? null,
    sketch: props.sketch ?? null,
  });
  const hover = useMapInteractions(map, {
    onSelect: props.onSelect,
    onPlace: props.onPlace ?? null,
    onHotspot: props.onHotspot ?? null,
    onZoom: props.onZoom ?? null,
  });
  return (
    <div className="map-wrap">
      <div ref={container} className="map" data-testid="map" />
      {hover && props.data && <Tooltip hover={hover} data={props.data} statuses={props.statuses} />}
    </div>
  );
}
