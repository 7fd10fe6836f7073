// A new hotspot at the clicked (or typed) place: kind, activities, address, detection date, description, source.
// The server finds the commune from the point; a likely duplicate within 50 m is shown for confirmation.
import { useState } from 'react';
import { parseVnDate } from '../../geo/dates';
import { HOTSPOT_ACTIVITIES, HOTSPOT_KINDS, type HotspotActivity, type HotspotKind } from '../../geo/hotspots';
import { ApiError, createHotspot, errorText } from '../api/client';
import { useLang, useT } from '../i18n/context';
import { formatDate } from '../i18n/format';

interface Props {
  at: [number, number];
  today: string;
  onMove(at: [number, number]): void;
  onDone(commune: string): void;
  onCancel(): void;
}

type Duplicate = { id: number; address: string; distanceM: number };

/** The fields being typed and their save; a refusal naming likely duplicates lists them, and the next save
 *  acknowledges them. */
function useNewHotspot(at: [number, number], today: string, onDone: (commune: string) => void) {
  const t = useT();
  const lang = useLang();
  const [address, setAddress] = useState('');
  const [kind, setKind] = useState<HotspotKind>('diem');
  const [activities, setActivities] = useState<HotspotActivity[]>(['using']);
  const [detected, setDetected] = useState(formatDate(today));
  const [description, setDescription] = useState('');
  const [source, setSource] = useState('');
  const [duplicates, setDuplicates] = useState<Duplicate[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const toggle = (a: HotspotActivity) =>
    setActivities((xs) => (xs.includes(a) ? xs.filter((x) => x !== a) : [...xs, a]));

  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    const detectedOn = parseVnDate(detected);
    if (!detectedOn) return setError(t.badDate);
    setError(null);
    try {
      const saved = await createHotspot({
        location: at,
        address,
        kind,
        activities,
        detectedOn,
        description,
        source,
        note: '',
        acknowledgeDuplicates: duplicates !== null,
      });
      onDone(saved.commune.code);
    } catch (err) {
      if (err instanceof ApiError && err.details?.duplicates) setDuplicates(err.details.duplicates as Duplicate[]);
      setError(errorText(err, lang));
    }
  };
  const values = { address, kind, activities, detected, description, source, duplicates, error };
  const setters = { setAddress, setKind, setDetected, setDescription, setSource };
  return { ...values, ...setters, toggle, submit };
}
type NewHotspot = ReturnType<typeof useNewHotspot>;

/** The point typed in: a value read on leaving the field moves the marker (re-keyed when the marker moves). */
function Coordinates({ at, onMove }: Pick<Props, 'at' | 'onMove'>) {
  const t = useT();
  const coordinate = (i: 0 | 1) => (e: React.ChangeEvent<HTMLInputElement>) => {
    const v = Number(e.target.value.replace(',', '.'));
    if (Number.isFinite(v)) onMove(i === 0 ? [v, at[1]] : [at[0], v]);
  };
  return (
    <div className="actions">
      <label>
        {t.hs.lat}
        <input
          name="lat"
          inputMode="decimal"
          defaultValue={at[1].toFixed(6)}
          key={`lat${at[1]}`}
          onBlur={coordinate(1)}
          size={10}
        />
      </label>
      <label>
        {t.hs.lng}
        <input
          name="lng"
          inputMode="decimal"
          defaultValue={at[0].toFixed(6)}
          key={`lng${at[0]}`}
          onBlur={coordinate(0)}
          size={10}
        />
      </label>
    </div>
  );
}

function KindAndActivities({ form }: { form: NewHotspot }) {
  const t = useT();
  return (
    <>
      <label>
        {t.hs.kind}
        <select name="kind" value={form.kind} onChange={(e) => form.setKind(e.target.value as HotspotKind)}>
          {HOTSPOT_KINDS.map((k) => (
            <option key={k} value={k}>
              {t.hs.kinds[k]}
            </option>
          ))}
        </select>
      </label>
      <fieldset className="actions">
        <legend>{t.hs.activity}</legend>
        {HOTSPOT_ACTIVITIES.map((a) => (
          <label key={a} className="check">
            <input type="checkbox" checked={form.activities.includes(a)} onChange={() => form.toggle(a)} />{' '}
            {t.hs.activities[a]}
          </label>
        ))}
      </fieldset>
    </>
  );
}

function DetectedAndSource({ form }: { form: NewHotspot }) {
  const t = useT();
  return (
    <>
      <label>
        {t.hs.detectedOn}
        <input
          name="detectedOn"
          inputMode="numeric"
          placeholder="dd/mm/yyyy"
          value={form.detected}
          onChange={(e) => form.setDetected(e.target.value)}
          required
        />
      </label>
      <label>
        {t.hs.description}
        <textarea
          name="description"
          rows={2}
          value={form.description}
          onChange={(e) => form.setDescription(e.target.value)}
        />
      </label>
      <label>
        {t.hs.source}
        <input name="source" value={form.source} onChange={(e) => form.setSource(e.target.value)} />
      </label>
    </>
  );
}

function Duplicates({ duplicates }: { duplicates: Duplicate[] }) {
  return (
    <ul className="muted" data-testid="duplicates">
      {duplicates.map((d) => (
        <li key={d.id}>
          #{d.id} {d.address} — {d.distanceM} m
        </li>
      ))}
    </ul>
  );
}

export function HotspotForm({ at, today, onMove, onDone, onCancel }: Props) {
  const t = useT();
  const form = useNewHotspot(at, today, onDone);
  return (
    <form className="proposal-form" onSubmit={form.submit} data-testid="hotspot-form">
      <h3>{t.hs.newHotspot}</h3>
      <Coordinates at={at} onMove={onMove} />
      <label>
        {t.hs.address}
        <input name="address" value={form.address} onChange={(e) => form.setAddress(e.target.value)} required />
      </label>
      <KindAndActivities form={form} />
      <DetectedAndSource form={form} />
      {form.error && (
        <p role="alert" className="error" data-testid="hotspot-error">
          {form.error}
        </p>
      )}
      {form.duplicates && <Duplicates duplicates={form.duplicates} />}
      <div className="actions">
        <button type="submit" data-testid="hotspot-submit">
          {form.duplicates ? t.hs.saveAnyway : t.hs.save}
        </button>
        <button type="button" onClick={onCancel}>
          {t.wf.cancel}
        </button>
      </div>
    </form>
  );
}
