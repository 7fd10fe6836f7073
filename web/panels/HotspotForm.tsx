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

export function HotspotForm({ at, today, onMove, onDone, onCancel }: Props) {
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
  const coordinate = (i: 0 | 1) => (e: React.ChangeEvent<HTMLInputElement>) => {
    const v = Number(e.target.value.replace(',', '.'));
    if (Number.isFinite(v)) onMove(i === 0 ? [v, at[1]] : [at[0], v]);
  };

  return (
    <form className="proposal-form" onSubmit={submit} data-testid="hotspot-form">
      <h3>{t.hs.newHotspot}</h3>
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
      <label>
        {t.hs.address}
        <input name="address" value={address} onChange={(e) => setAddress(e.target.value)} required />
      </label>
      <label>
        {t.hs.kind}
        <select name="kind" value={kind} onChange={(e) => setKind(e.target.value as HotspotKind)}>
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
            <input type="checkbox" checked={activities.includes(a)} onChange={() => toggle(a)} /> {t.hs.activities[a]}
          </label>
        ))}
      </fieldset>
      <label>
        {t.hs.detectedOn}
        <input
          name="detectedOn"
          inputMode="numeric"
          placeholder="dd/mm/yyyy"
          value={detected}
          onChange={(e) => setDetected(e.target.value)}
          required
        />
      </label>
      <label>
        {t.hs.description}
        <textarea name="description" rows={2} value={description} onChange={(e) => setDescription(e.target.value)} />
      </label>
      <label>
        {t.hs.source}
        <input name="source" value={source} onChange={(e) => setSource(e.target.value)} />
      </label>
      {error && (
        <p role="alert" className="error" data-testid="hotspot-error">
          {error}
        </p>
      )}
      {duplicates && (
        <ul className="muted" data-testid="duplicates">
          {duplicates.map((d) => (
            <li key={d.id}>
              #{d.id} {d.address} — {d.distanceM} m
            </li>
          ))}
        </ul>
      )}
      <div className="actions">
        <button type="submit" data-testid="hotspot-submit">
          {duplicates ? t.hs.saveAnyway : t.hs.save}
        </button>
        <button type="button" onClick={onCancel}>
          {t.wf.cancel}
        </button>
      </div>
    </form>
  );
}
