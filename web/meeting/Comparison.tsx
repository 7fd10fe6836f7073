// Two dates compared ("So sánh hai thời điểm"): the map at date A beside the map at date B, kept in step when panned
// or zoomed, the communes whose status differs outlined on both, the indicators of both dates with their difference
// and the changed communes listed. The URL (?compare=A&date=B) reopens the same comparison.
import { useCallback, useEffect, useState } from 'react';
import type { Map as MapLibreMap } from 'maplibre-gl';
import { fetchComparison, fetchStatuses, type Comparison as ComparisonData } from '../api/client';
import { useServerQuery } from '../api/queries';
import { useLang, useT } from '../i18n/context';
import { formatDate } from '../i18n/format';
import type { MapData } from '../map/boundaries';
import { LegendStrip } from './LegendStrip';
import { StatusMap } from './StatusMap';
import { syncMaps } from '../map/syncMaps';
import { TextDateField } from '../panels/TextDateField';
import { useGeometry, type useDashboard } from '../state/useDashboard';
import type { ViewState } from '../state/view';
import { exposeForSpecs } from '../test-handles';
import { CHANGED_OUTLINE } from '../../geo/palette';
import { parseVnDate } from '../../geo/dates';
import { formatDifference, formatValue } from '../../geo/indicator-text';
import { unitDisplayName } from '../../geo/unit-names';

const NONE: readonly string[] = [];

/** A date typed as dd/mm/yyyy, passed on once it reads as a day not after today. */
function DateInput(p: { label: string; name: string; value: string; today: string; onChange(date: string): void }) {
  const t = useT();
  const [typed, setTyped] = useState({ value: p.value, text: formatDate(p.value) });
  // A date set from elsewhere (the other field, a link) replaces what was typed; the typed date itself does not.
  if (typed.value !== p.value)
    setTyped({ value: p.value, text: parseVnDate(typed.text) === p.value ? typed.text : formatDate(p.value) });
  const text = typed.text;
  const parsed = parseVnDate(text);
  const bad = parsed === null || parsed > p.today;
  return (
    <span className={`date-input${bad ? ' bad' : ''}`}>
      <TextDateField
        label={p.label}
        name={p.name}
        value={text}
        size={10}
        onChange={(v) => {
          setTyped({ value: p.value, text: v });
          const d = parseVnDate(v);
          if (d && d <= p.today) p.onChange(d);
        }}
      />
      {bad && <span role="alert">{t.meet.badDate}</span>}
    </span>
  );
}

interface SideProps {
  side: 'a' | 'b';
  date: string;
  map: MapData | null;
  statuses: Parameters<typeof StatusMap>[0]['statuses'];
  changed: readonly string[];
  view: ViewState;
  onMap(m: MapLibreMap): void;
  onSelect(code: string): void;
  onZoom(z: number): void;
}

function MapSide({ side, date, map, statuses, changed, view, onMap, onSelect, onZoom }: SideProps) {
  const t = useT();
  return (
    <figure className="compare-map" data-testid={`compare-map-${side}`}>
      <figcaption data-testid={`compare-caption-${side}`}>
        {side === 'a' ? t.meet.dateA : t.meet.dateB}: {formatDate(date)}
      </figcaption>
      <StatusMap
        data={map}
        statuses={statuses}
        focus={view.unit}
        large={view.large}
        changed={changed}
        onMap={onMap}
        onSelect={onSelect}
        onZoom={onZoom}
      />
      {!map && (
        <div className="loading" role="status">
          {t.meet.loadingMap}
        </div>
      )}
    </figure>
  );
}

function LegendKey() {
  const t = useT();
  return (
    <LegendStrip>
      <li>
        <span
          className="swatch outline"
          style={{ borderColor: CHANGED_OUTLINE.line, outline: `2px solid ${CHANGED_OUTLINE.casing}` }}
        />
        {t.meet.changedOutline}
      </li>
    </LegendStrip>
  );
}

function Differences({ data }: { data: ComparisonData }) {
  const t = useT();
  const lang = useLang();
  return (
    <table className="compare-table" data-testid="compare-indicators">
      <thead>
        <tr>
          <th scope="col">{t.indicators}</th>
          <th scope="col" title={formatDate(data.a.asOf)}>
            {t.meet.dateA}
          </th>
          <th scope="col" title={formatDate(data.b.asOf)}>
            {t.meet.dateB}
          </th>
          <th scope="col">{t.meet.difference}</th>
        </tr>
      </thead>
      <tbody>
        {data.indicators.map((i) => (
          <tr key={i.id} data-testid={`compare-row-${i.id}`}>
            <th scope="row">
              <span className="card-id">{i.id}</span> {t.indicator[i.id]}
            </th>
            <td>{formatValue(i.a, lang)}</td>
            <td>{formatValue(i.b, lang)}</td>
            <td>{formatDifference(i.id, i.a.value, i.b.value, lang)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function ChangedList({ data, onOpen }: { data: ComparisonData; onOpen(code: string): void }) {
  const t = useT();
  return (
    <section data-testid="compare-communes">
      <h3>
        {t.meet.changedCommunes}: {data.communes.length}
      </h3>
      {data.communes.length === 0 ? (
        <p className="muted">{t.meet.noChange}</p>
      ) : (
        <ul className="changes">
          {data.communes.map((c) => (
            <li key={c.code}>
              <button className="link" onClick={() => onOpen(c.code)}>
                {unitDisplayName(c)}
              </button>
              {c.parent && <span className="muted"> ({unitDisplayName(c.parent)})</span>}:{' '}
              {t.status[c.before ?? 'none']} → {t.status[c.after ?? 'none']}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** Both maps once each has loaded its style, kept in step; a commune named on either is zoomed to on both. */
function useSyncedMaps(maps: [MapData | null, MapData | null]) {
  const [shown, setShown] = useState<{ a?: MapLibreMap; b?: MapLibreMap }>({});
  const onMapA = useCallback((a: MapLibreMap) => setShown((s) => ({ ...s, a })), []);
  const onMapB = useCallback((b: MapLibreMap) => setShown((s) => ({ ...s, b })), []);
  useEffect(() => {
    if (!shown.a || !shown.b) return;
    exposeForSpecs('__compareMaps', [shown.a, shown.b]);
    return syncMaps(shown.a, shown.b);
  }, [shown.a, shown.b]);
  const zoomTo = useCallback(
    (code: string) => {
      const i = maps[1]?.bounds.has(code) ? 1 : 0;
      const bounds = maps[i]?.bounds.get(code);
      const map = i === 1 ? shown.b : shown.a;
      if (bounds && map) map.fitBounds(bounds, { padding: 60, maxZoom: 13, duration: 0 });
    },
    [maps, shown],
  );
  return { onMapA, onMapB, zoomTo };
}

interface Props {
  view: ViewState;
  update(patch: Partial<ViewState>): void;
  d: ReturnType<typeof useDashboard>;
  zoom: number | null;
  onZoom(z: number): void;
}

function DateBar({ a, b, today, update }: { a: string; b: string; today: string; update: Props['update'] }) {
  const t = useT();
  return (
    <div className="compare-bar">
      <DateInput label={t.meet.dateA} name="date-a" value={a} today={today} onChange={(x) => update({ compare: x })} />
      <DateInput label={t.meet.dateB} name="date-b" value={b} today={today} onChange={(x) => update({ date: x })} />
      <button onClick={() => update({ compare: null })} data-testid="leave-compare">
        {t.meet.leaveCompare}
      </button>
    </div>
  );
}

export function Comparison({ view, update, d, zoom, onZoom }: Props) {
  const t = useT();
  const a = view.compare!;
  const b = d.date;
  const statusesA = useServerQuery(['statuses', a], () => fetchStatuses(a));
  const mapA = useGeometry(d.first, statusesA.data?.vintage ?? null, zoom)?.map ?? null;
  const mapB = d.base?.map ?? null;
  const planId = d.plan?.id;
  const compared = useServerQuery(b ? ['compare', a, b, planId, view.unit] : null, () =>
    fetchComparison(a, b!, planId, view.unit ?? undefined),
  );
  const sync = useSyncedMaps([mapA, mapB]);
  const data = compared.data;
  if (!b || !d.today) return null;
  const side = { view, onSelect: sync.zoomTo, onZoom };
  return (
    <div className="compare-body" data-testid="comparison">
      <div className="compare-column">
        <DateBar a={a} b={b} today={d.today} update={update} />
        <div className="compare-maps">
          <MapSide
            {...side}
            side="a"
            date={a}
            map={mapA}
            statuses={statusesA.data?.statuses ?? {}}
            changed={data?.a.asOf === a ? data.a.changed : NONE}
            onMap={sync.onMapA}
          />
          <MapSide
            {...side}
            side="b"
            date={b}
            map={mapB}
            statuses={d.statuses.data?.statuses ?? {}}
            changed={data?.b.asOf === b ? data.b.changed : NONE}
            onMap={sync.onMapB}
          />
        </div>
        <LegendKey />
      </div>
      <aside className="panel compare-panel" aria-label={t.meet.compare}>
        <h2>{t.meet.compare}</h2>
        {!data && <p role="status">{t.loading}</p>}
        {data && <Differences data={data} />}
        {data && <ChangedList data={data} onOpen={sync.zoomTo} />}
      </aside>
    </div>
  );
}
