// Police area search: draw a polygon, a circle or a buffer (points clicked or a list of places uploaded),
// list what lies inside with counts by status, and save it as a crackdown operation.
import { useState } from 'react';
import { COMMUNE_STATUSES } from '../../geo/status';
import { errorText, queryArea, uploadPlaces, type AreaResult } from '../api/client';
import { useLang, useT } from '../i18n/context';
import { formatDate } from '../i18n/format';
import { DRAW_MODES, EMPTY_DRAFT, draftSpec, type AreaDraft, type DrawMode } from './area-draft';
import { OperationForm } from './OperationForm';
import { unitDisplayName } from '../../geo/unit-names';

interface Props {
  draft: AreaDraft;
  onDraft(d: AreaDraft): void;
  result: AreaResult | null;
  onResult(r: AreaResult | null): void;
  date: string;
  today: string;
  onSaved(operationId: number): void;
  onClose(): void;
}

/** The drawing's search and places upload, their error, and the hotspots ticked as targets (the active ones at
 *  first). A changed drawing drops the result it no longer matches. */
function useAreaSearch({ draft, onDraft, onResult, date }: Pick<Props, 'draft' | 'onDraft' | 'onResult' | 'date'>) {
  const t = useT();
  const lang = useLang();
  const [error, setError] = useState<string | null>(null);
  const [placesNote, setPlacesNote] = useState<string[]>([]);
  const [targets, setTargets] = useState<Set<number>>(new Set());
  const spec = draftSpec(draft);

  const redraw = (d: AreaDraft) => {
    onDraft(d);
    onResult(null);
  };
  const search = async () => {
    if (!spec) return;
    setError(null);
    try {
      const r = await queryArea(spec, date);
      onResult(r);
      setTargets(
        new Set(r.hotspots.features.filter((f) => f.properties.status === 'active').map((f) => f.properties.id)),
      );
    } catch (e) {
      setError(errorText(e, lang));
    }
  };
  const upload = async (file: File | undefined) => {
    if (!file) return;
    setError(null);
    try {
      const r = await uploadPlaces(file);
      redraw({ ...draft, mode: 'buffer', points: [...draft.points, ...r.places.map((p) => p.location)] });
      setPlacesNote([t.op.placesLoaded(r.places.length), ...r.problems.map((p) => (lang === 'vi' ? p.vi : p.en))]);
    } catch (e) {
      setError(errorText(e, lang));
    }
  };
  const toggle = (id: number) =>
    setTargets((s) => {
      const n = new Set(s);
      if (n.has(id)) n.delete(id);
      else n.add(id);
      return n;
    });
  return { spec, error, placesNote, targets, redraw, search, upload, toggle };
}
type AreaSearch = ReturnType<typeof useAreaSearch>;

function ModeChoice({ draft, redraw }: { draft: AreaDraft; redraw(d: AreaDraft): void }) {
  const t = useT();
  return (
    <fieldset className="actions">
      {DRAW_MODES.map((m: DrawMode) => (
        <label key={m} className="check">
          <input
            type="radio"
            name="mode"
            value={m}
            checked={draft.mode === m}
            onChange={() => redraw({ ...EMPTY_DRAFT, mode: m, radiusM: draft.radiusM })}
            data-testid={`mode-${m}`}
          />{' '}
          {t.op.modes[m]}
        </label>
      ))}
    </fieldset>
  );
}

/** The radius (circle and buffer) and the places file (buffer). */
function ModeOptions({
  draft,
  redraw,
  upload,
}: {
  draft: AreaDraft;
  redraw(d: AreaDraft): void;
  upload(file: File | undefined): Promise<void>;
}) {
  const t = useT();
  return (
    <>
      {draft.mode !== 'polygon' && (
        <label>
          {t.op.radius}
          <input
            type="number"
            min={1}
            max={20000}
            value={draft.radiusM}
            data-testid="radius"
            onChange={(e) => redraw({ ...draft, radiusM: Number(e.target.value) })}
          />
        </label>
      )}
      {draft.mode === 'buffer' && (
        <label>
          {t.op.places}
          <input
            type="file"
            accept=".csv,.xlsx,text/csv"
            data-testid="places-file"
            onChange={(e) => void upload(e.target.files?.[0])}
          />
        </label>
      )}
    </>
  );
}

function DrawControls({ draft, area }: { draft: AreaDraft; area: AreaSearch }) {
  const t = useT();
  return (
    <div className="proposal-form">
      <ModeChoice draft={draft} redraw={area.redraw} />
      <p className="muted">{t.op.hints[draft.mode]}</p>
      <ModeOptions draft={draft} redraw={area.redraw} upload={area.upload} />
      {area.placesNote.length > 0 && (
        <ul className="muted" data-testid="places-note">
          {area.placesNote.map((n) => (
            <li key={n}>{n}</li>
          ))}
        </ul>
      )}
      <p className="actions">
        <span data-testid="draft-points">{t.op.points(draft.points.length)}</span>
        <button onClick={() => area.redraw({ ...draft, points: [] })} disabled={!draft.points.length}>
          {t.op.clear}
        </button>
        <button onClick={() => void area.search()} disabled={!area.spec} data-testid="area-search">
          {t.op.search}
        </button>
      </p>
    </div>
  );
}

function AreaSummary({ result }: { result: AreaResult }) {
  const t = useT();
  return (
    <>
      <p data-testid="area-summary">
        <strong>{t.op.inside(result.hotspots.features.length, result.communes.length)}</strong> — {t.asOf}{' '}
        {formatDate(result.asOf)}: {result.counts.hotspots.active} {t.active}, {result.counts.hotspots.eliminated}{' '}
        {t.eliminated}
      </p>
      <p className="muted" data-testid="area-communes-by-status">
        {COMMUNE_STATUSES.filter((s) => result.counts.communes[s])
          .map((s) => `${t.status[s]}: ${result.counts.communes[s]}`)
          .join(' · ')}
      </p>
    </>
  );
}

function AreaHotspots({
  result,
  targets,
  toggle,
}: {
  result: AreaResult;
  targets: Set<number>;
  toggle(id: number): void;
}) {
  const t = useT();
  return (
    <table className="grid">
      <thead>
        <tr>
          <th>{t.op.target}</th>
          <th>#</th>
          <th>{t.hs.address}</th>
          <th>{t.wf.statusCol}</th>
        </tr>
      </thead>
      <tbody>
        {result.hotspots.features.map((f) => (
          <tr key={f.properties.id} data-testid={`area-hotspot-${f.properties.id}`}>
            <td>
              <input
                type="checkbox"
                aria-label={`${t.op.target} #${f.properties.id}`}
                checked={targets.has(f.properties.id)}
                onChange={() => toggle(f.properties.id)}
              />
            </td>
            <td>{f.properties.id}</td>
            <td>{f.properties.address}</td>
            <td>{t.hotspotStatus[f.properties.status]}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function AreaCommunes({ result }: { result: AreaResult }) {
  const t = useT();
  return (
    <details>
      <summary>
        {t.op.communes} ({result.communes.length})
      </summary>
      <ul data-testid="area-communes">
        {result.communes.map((c) => (
          <li key={c.code}>
            {unitDisplayName(c)} — {c.status ? t.status[c.status] : t.noDataShort}; {c.hotspots.active} {t.active}
          </li>
        ))}
      </ul>
    </details>
  );
}

function AreaResultView({
  result,
  area,
  today,
  onSaved,
}: {
  result: AreaResult;
  area: AreaSearch;
  today: string;
  onSaved(operationId: number): void;
}) {
  return (
    <>
      <AreaSummary result={result} />
      <AreaHotspots result={result} targets={area.targets} toggle={area.toggle} />
      <AreaCommunes result={result} />
      {area.spec && <OperationForm area={area.spec} targets={[...area.targets]} today={today} onSaved={onSaved} />}
    </>
  );
}

export function AreaPanel({ draft, onDraft, result, onResult, date, today, onSaved, onClose }: Props) {
  const t = useT();
  const area = useAreaSearch({ draft, onDraft, onResult, date });
  return (
    <aside className="panel" data-testid="area-panel">
      <button className="close" onClick={onClose} aria-label={t.close}>
        ×
      </button>
      <h2>{t.op.draw}</h2>
      <DrawControls draft={draft} area={area} />
      {area.error && (
        <p role="alert" className="error" data-testid="area-error">
          {area.error}
        </p>
      )}
      {result && <AreaResultView result={result} area={area} today={today} onSaved={onSaved} />}
    </aside>
  );
}
