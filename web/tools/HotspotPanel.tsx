// One hotspot beside the map: details and lifecycle; police record events (eliminated, re-formed) and move it
// by dragging its marker (the server finds the commune again and checks for duplicates within 50 m).
import { useState } from 'react';
import { parseVnDate } from '../../geo/dates';
import { HOTSPOT_EVENT_KINDS, type HotspotEventKind } from '../../geo/hotspots';
import { addHotspotEvent, ApiError, errorText, updateHotspot, type HotspotDetail } from '../api/client';
import { useLang, useT } from '../i18n/context';
import type { Lang, Messages } from '../i18n/messages';
import { formatDate } from '../i18n/format';
import { unitDisplayName } from '../../geo/unit-names';

interface Props {
  hotspot: HotspotDetail | null;
  today: string;
  canWrite: boolean;
  /** Where its marker has been dragged to (null: not moving). */
  moving: [number, number] | null;
  onMove(at: [number, number] | null): void;
  onChanged(h: HotspotDetail, message?: string): void;
  onClose(): void;
}

/** The event being typed, the last refusal, and whether it named duplicates (the next move acknowledges them). */
function useEventDraft(today: string) {
  const [kind, setKind] = useState<HotspotEventKind>('eliminated');
  const [date, setDate] = useState(formatDate(today));
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [duplicates, setDuplicates] = useState(false);
  return { kind, setKind, date, setDate, note, setNote, error, setError, duplicates, setDuplicates };
}
type EventDraft = ReturnType<typeof useEventDraft>;

/** Recording an event and saving a move: each save clears the error and duplicates, each refusal shows them. */
function hotspotActions(
  h: HotspotDetail,
  draft: EventDraft,
  { moving, onChanged }: Pick<Props, 'moving' | 'onChanged'>,
  t: Messages,
  lang: Lang,
) {
  const run = async (action: () => Promise<HotspotDetail>, message?: (h: HotspotDetail) => string) => {
    draft.setError(null);
    try {
      const saved = await action();
      draft.setDuplicates(false);
      onChanged(saved, message?.(saved));
    } catch (e) {
      if (e instanceof ApiError && e.details?.duplicates) draft.setDuplicates(true);
      draft.setError(errorText(e, lang));
    }
  };
  const addEvent = (e: React.FormEvent) => {
    e.preventDefault();
    const iso = parseVnDate(draft.date);
    if (!iso) return draft.setError(t.badDate);
    void run(() => addHotspotEvent(h.id, { kind: draft.kind, date: iso, note: draft.note }));
  };
  const saveMove = () =>
    moving &&
    void run(
      () => updateHotspot(h.id, { location: moving, acknowledgeDuplicates: draft.duplicates }),
      (s) => t.hd.moved(unitDisplayName(s.commune)),
    );
  return { addEvent, saveMove };
}

function HotspotFacts({ h }: { h: HotspotDetail }) {
  const t = useT();
  return (
    <>
      <h2>{t.hd.title(h.id)}</h2>
      <p>
        <strong>{h.address}</strong> — {unitDisplayName(h.commune)}
      </p>
      <p>
        {t.hs.kinds[h.kind]} · {h.activities.map((a) => t.hs.activities[a]).join(', ')} ·{' '}
        <span data-testid="hotspot-status">{h.status ? t.hotspotStatus[h.status] : '—'}</span>
      </p>
      {h.description && <p className="muted">{h.description}</p>}
      {h.source && (
        <p className="muted">
          {t.hs.source}: {h.source}
        </p>
      )}
      <h3>{t.hd.events}</h3>
      <ol className="timeline" data-testid="hotspot-events">
        {h.events.map((e) => (
          <li key={e.id}>
            {formatDate(e.date)} — {t.hd.eventKinds[e.kind as HotspotEventKind]}
            {e.note ? `: ${e.note}` : ''}
          </li>
        ))}
      </ol>
    </>
  );
}

function EventForm({ draft, onSubmit }: { draft: EventDraft; onSubmit(e: React.FormEvent): void }) {
  const t = useT();
  return (
    <form className="proposal-form" onSubmit={onSubmit} data-testid="event-form">
      <h3>{t.hd.addEvent}</h3>
      <div className="actions">
        <select
          aria-label={t.hd.addEvent}
          value={draft.kind}
          onChange={(e) => draft.setKind(e.target.value as HotspotEventKind)}
        >
          {HOTSPOT_EVENT_KINDS.filter((k) => k !== 'detected').map((k) => (
            <option key={k} value={k}>
              {t.hd.eventKinds[k]}
            </option>
          ))}
        </select>
        <input
          aria-label={t.hd.date}
          inputMode="numeric"
          placeholder="dd/mm/yyyy"
          value={draft.date}
          onChange={(e) => draft.setDate(e.target.value)}
          size={11}
        />
      </div>
      <label>
        {t.wf.note}
        <input value={draft.note} onChange={(e) => draft.setNote(e.target.value)} />
      </label>
      <button type="submit" data-testid="event-submit">
        {t.hd.addEvent}
      </button>
    </form>
  );
}

/** Moving the marker: a button to start, then where it was dragged to, saved or given up. */
function MoveControls({
  h,
  moving,
  duplicates,
  onSave,
  onMove,
}: {
  h: HotspotDetail;
  moving: [number, number] | null;
  duplicates: boolean;
  onSave(): void;
  onMove(at: [number, number] | null): void;
}) {
  const t = useT();
  if (!moving)
    return (
      <button onClick={() => onMove(h.location)} data-testid="move-start">
        {t.hd.move}
      </button>
    );
  return (
    <div className="proposal-form" data-testid="move-form">
      <p className="muted">{t.hd.dragHint}</p>
      <p>
        {t.hs.lat} {moving[1].toFixed(6)} · {t.hs.lng} {moving[0].toFixed(6)}
      </p>
      <div className="actions">
        <button onClick={onSave} data-testid="move-save">
          {duplicates ? t.hs.saveAnyway : t.hd.saveMove}
        </button>
        <button onClick={() => onMove(null)}>{t.wf.cancel}</button>
      </div>
    </div>
  );
}

export function HotspotPanel({ hotspot: h, today, canWrite, moving, onMove, onChanged, onClose }: Props) {
  const t = useT();
  const lang = useLang();
  const draft = useEventDraft(today);
  if (!h)
    return (
      <aside className="panel">
        <p role="status">{t.loading}</p>
      </aside>
    );
  const { addEvent, saveMove } = hotspotActions(h, draft, { moving, onChanged }, t, lang);
  return (
    <aside className="panel" data-testid="hotspot-panel">
      <button className="close" onClick={onClose} aria-label={t.close}>
        ×
      </button>
      <HotspotFacts h={h} />
      {draft.error && (
        <p role="alert" className="error" data-testid="hotspot-panel-error">
          {draft.error}
        </p>
      )}
      {canWrite && (
        <>
          <EventForm draft={draft} onSubmit={addEvent} />
          <MoveControls h={h} moving={moving} duplicates={draft.duplicates} onSave={saveMove} onMove={onMove} />
        </>
      )}
    </aside>
  );
}
