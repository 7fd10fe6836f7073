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
import type { Messages } from '../i18n/messages';
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

/** The tool chosen and what it holds: the place clicked for a new hotspot (or a marker dragged), the area drawn and
 *  its search, the hotspot opened, the last save's notice. */
function useToolState(update: Input['update']) {
  const [tool, setTool] = useState<Tool>('none');
  const [placed, setPlaced] = useState<[number, number] | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [draft, setDraft] = useState<AreaDraft>(EMPTY_DRAFT);
  const [areaResult, setAreaResult] = useState<AreaResult | null>(null);
  const [hotspotId, setHotspotId] = useState<number | null>(null);

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
  const state = { tool, placed, notice, draft, areaResult, hotspotId };
  const setters = { setTool, setPlaced, setNotice, setDraft, setAreaResult, setHotspotId };
  return { ...state, ...setters, choose, onPlace, onHotspot };
}
type Tools = ReturnType<typeof useToolState>;

/** The operation open (view.op), the hotspot open and the operations layer, read on the date shown. */
function usePoliceReads({ view, date, canRead }: Input, hotspotId: number | null) {
  const op = useServerQuery(canRead && view.op && date ? ['operation', view.op, date] : null, () =>
    fetchOperation(view.op!, date!),
  );
  const hotspot = useServerQuery(canRead && hotspotId && date ? ['hotspot', hotspotId, date] : null, () =>
    fetchHotspot(hotspotId!, date!),
  );
  const opList = useServerQuery(canRead && view.operations ? ['operations'] : null, fetchOperations);
  return { op, hotspot, opList };
}
type Reads = ReturnType<typeof usePoliceReads>;

/** What the map draws and where its clicks go: a place while placing, otherwise a hotspot opens. */
function useMapProps(tools: Tools, { op, opList }: Reads, { view, canRead }: Input) {
  const { tool, draft, areaResult, placed } = tools;
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
  return {
    onPlace: placing ? tools.onPlace : null,
    placed,
    onDragPlaced: placed ? tools.setPlaced : null,
    sketch,
    area,
    operations,
    onHotspot: canRead && !placing ? tools.onHotspot : null,
  };
}

function PoliceToolbar({ tools }: { tools: Tools }) {
  const t = useT();
  const { tool, placed, notice, choose } = tools;
  return (
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
}

// This user's own save: read again at once, before its live event comes back.
const saved = () => invalidateAfter('hotspot');

/** What each panel's save or close does to the tools and the view. */
function panelSteps(tools: Tools, { map, update }: Input, t: Messages) {
  const unitName = (code: string) => {
    const u = map?.names.get(code);
    return u ? unitDisplayName(u) : code;
  };
  return {
    hotspotAdded(code: string) {
      tools.setPlaced(null);
      tools.setTool('none');
      tools.setNotice(t.hs.saved(unitName(code)));
      saved();
      update({ hotspots: true });
    },
    hotspotChanged(_h: HotspotDetail, message?: string) {
      tools.setPlaced(null);
      tools.setNotice(message ?? null);
      saved();
    },
    hotspotClosed() {
      tools.setHotspotId(null);
      tools.setPlaced(null);
    },
    areaSaved(id: number) {
      tools.setTool('none');
      tools.setDraft(EMPTY_DRAFT);
      tools.setAreaResult(null);
      update({ op: id, hotspots: true });
    },
  };
}

/** The side panel of the tool in use, or of what is open (a hotspot, then an operation); null when none. */
function toolPanel(tools: Tools, { op, hotspot }: Reads, input: Input, t: Messages): ReactNode {
  const { view, update, date, today, canWrite } = input;
  const { tool, placed, hotspotId, setPlaced } = tools;
  const steps = panelSteps(tools, input, t);
  if (tool === 'add' && placed && today)
    return (
      <aside className="panel">
        <HotspotForm
          at={placed}
          today={today}
          onMove={setPlaced}
          onCancel={() => setPlaced(null)}
          onDone={steps.hotspotAdded}
        />
      </aside>
    );
  if (hotspotId !== null && today)
    return (
      <HotspotPanel
        hotspot={hotspot.data}
        today={today}
        canWrite={canWrite}
        moving={placed}
        onMove={setPlaced}
        onChanged={steps.hotspotChanged}
        onClose={steps.hotspotClosed}
      />
    );
  if (tool === 'area' && date && today)
    return (
      <AreaPanel
        draft={tools.draft}
        onDraft={tools.setDraft}
        result={tools.areaResult}
        onResult={tools.setAreaResult}
        date={date}
        today={today}
        onSaved={steps.areaSaved}
        onClose={() => tools.setTool('none')}
      />
    );
  if (view.op && today)
    return (
      <OperationPanel
        op={op.data}
        loading={op.loading}
        today={today}
        canWrite={canWrite}
        onChanged={(_o: Operation) => saved()}
        onClose={() => update({ op: null })}
      />
    );
  return null;
}

export function usePoliceTools(input: Input) {
  const t = useT();
  const tools = useToolState(input.update);
  const reads = usePoliceReads(input, tools.hotspotId);
  const mapProps = useMapProps(tools, reads, input);
  const toolbar: ReactNode = input.canWrite && <PoliceToolbar tools={tools} />;
  const panel = toolPanel(tools, reads, input, t);
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
    error: reads.op.error ?? reads.hotspot.error ?? reads.opList.error,
  };
}
