// The police workspace on the map: add a hotspot, open one (events, drag to move), search an area and save it
// as an operation, open an operation (results, packet), the operations layer. Returns what the map draws, the
// toolbar and the side panel; the panels load on first use so other roles never download them.
import { lazy, Suspense, useCallback, useMemo, useState, type ReactNode } from 'react';
import type { FeatureCollection, Geometry } from 'geojson';
import {
  fetchHotspot,
  fetchOperation,
  fetchOperations,
  type AreaResult,
  type HotspotDetail,
  type Operation,
} from '../api/client';
import { useT } from '../i18n/context';
import type { MapData } from '../map/boundaries';
import { invalidateAfter, useServerQuery } from '../api/queries';
import type { ViewState } from '../state/view';
import { addPoint, draftSketch, EMPTY_DRAFT, type AreaDraft } from './area-draft';
import { unitDisplayName } from '../../geo/unit-names';

const AreaPanel = lazy(() => import('./AreaPanel').then((m) => ({ default: m.AreaPanel })));
const OperationPanel = lazy(() => import('./OperationPanel').then((m) => ({ default: m.OperationPanel })));
const HotspotForm = lazy(() => import('../panels/HotspotForm').then((m) => ({ default: m.HotspotForm })));
const HotspotPanel = lazy(() => import('./HotspotPanel').then((m) => ({ default: m.HotspotPanel })));

type Tool = 'none' | 'add' | 'area';

interface Input {
  view: ViewState;
  update(patch: Partial<ViewState>): void;
  map: MapData | null;
  date: string | null;
  today: string | null;
  canRead: boolean;
  canWrite: boolean;
}

export function usePoliceTools({ view, update, map, date, today, canRead, canWrite }: Input) {
  const t = useT();
  const [tool, setTool] = useState<Tool>('none');
  const [placed, setPlaced] = useState<[number, number] | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [draft, setDraft] = useState<AreaDraft>(EMPTY_DRAFT);
  const [areaResult, setAreaResult] = useState<AreaResult | null>(null);
  const [hotspotId, setHotspotId] = useState<number | null>(null);
  const op = useServerQuery(canRead && view.op && date ? ['operation', view.op, date] : null, () =>
    fetchOperation(view.op!, date!),
  );
  const hotspot = useServerQuery(canRead && hotspotId && date ? ['hotspot', hotspotId, date] : null, () =>
    fetchHotspot(hotspotId!, date!),
  );
  const opList = useServerQuery(canRead && view.operations ? ['operations'] : null, fetchOperations);

  const choose = (next: Tool) => {
    setTool(tool === next ? 'none' : next);
    setPlaced(null);
    setNotice(null);
    setHotspotId(null);
    if (next === 'area') update({ hotspots: true, op: null });
  };
  const onPlace = useCallback(
    (at: [number, number]) => {
      if (tool === 'area') return setDraft((d) => addPoint(d, at));
      setPlaced(at); // a new hotspot: the click gives its place, the form then opens with it
    },
    [tool],
  );
  const onHotspot = useCallback((id: number) => {
    setHotspotId(id);
    setPlaced(null);
  }, []);
  // This user's own save: read again at once, before its live event comes back.
  const saved = () => invalidateAfter('hotspot');

  const sketch = useMemo(() => (tool === 'area' ? draftSketch(draft) : null), [tool, draft]);
  const operations = useMemo<FeatureCollection | null>(
    () =>
      opList.data && {
        type: 'FeatureCollection',
        features: opList.data.operations.map((o) => ({
          type: 'Feature',
          properties: { id: o.id, name: o.name },
          geometry: o.area as Geometry,
        })),
      },
    [opList.data],
  );
  const area =
    tool === 'area'
      ? ((areaResult?.area as Geometry | undefined) ?? null)
      : view.op
        ? ((op.data?.area as Geometry | undefined) ?? null)
        : null;
  const placing = (tool === 'add' && !placed) || tool === 'area';

  const mapProps = {
    onPlace: placing ? onPlace : null,
    placed,
    onDragPlaced: placed ? setPlaced : null,
    sketch,
    area,
    operations,
    onHotspot: canRead && !placing ? onHotspot : null,
  };

  const toolbar: ReactNode = canWrite && (
    <div className="map-tools">
      <button onClick={() => choose('add')} aria-pressed={tool === 'add'} data-testid="add-hotspot">
        {tool === 'add' && !placed ? t.hs.clickMap : t.hs.add}
      </button>
      <button onClick={() => choose('area')} aria-pressed={tool === 'area'} data-testid="draw-area">
        {t.op.draw}
      </button>
      {notice && (
        <span role="status" className="panel-notice" data-testid="hotspot-saved">
          {notice}
        </span>
      )}
    </div>
  );

  const unitName = (code: string) => {
    const u = map?.names.get(code);
    return u ? unitDisplayName(u) : code;
  };
  let panel: ReactNode = null;
  if (tool === 'add' && placed && today)
    panel = (
      <aside className="panel">
        <HotspotForm
          at={placed}
          today={today}
          onMove={setPlaced}
          onCancel={() => setPlaced(null)}
          onDone={(code) => {
            setPlaced(null);
            setTool('none');
            setNotice(t.hs.saved(unitName(code)));
            saved();
            update({ hotspots: true });
          }}
        />
      </aside>
    );
  else if (hotspotId !== null && today)
    panel = (
      <HotspotPanel
        hotspot={hotspot.data}
        today={today}
        canWrite={canWrite}
        moving={placed}
        onMove={setPlaced}
        onChanged={(_h: HotspotDetail, message?: string) => {
          setPlaced(null);
          setNotice(message ?? null);
          saved();
        }}
        onClose={() => {
          setHotspotId(null);
          setPlaced(null);
        }}
      />
    );
  else if (tool === 'area' && date && today)
    panel = (
      <AreaPanel
        draft={draft}
        onDraft={setDraft}
        result={areaResult}
        onResult={setAreaResult}
        date={date}
        today={today}
        onSaved={(id) => {
          setTool('none');
          setDraft(EMPTY_DRAFT);
          setAreaResult(null);
          update({ op: id, hotspots: true });
        }}
        onClose={() => setTool('none')}
      />
    );
  else if (view.op && today)
    panel = (
      <OperationPanel
        op={op.data}
        loading={op.loading}
        today={today}
        canWrite={canWrite}
        onChanged={(_o: Operation) => saved()}
        onClose={() => update({ op: null })}
      />
    );

  return {
    mapProps,
    toolbar,
    panel: panel && (
      <Suspense
        fallback={
          <aside className="panel">
            <p role="status">{t.loading}</p>
          </aside>
        }
      >
        {panel}
      </Suspense>
    ),
    error: op.error ?? hotspot.error ?? opList.error,
  };
}
