// Results of an operation: arrests, cases, seizures, and the hotspots eliminated during it (each becomes an
// "eliminated" lifecycle event in the same transaction on the server).
import { useState } from 'react';
import { minDate, parseVnDate } from '../../geo/dates';
import { SEIZURE_UNITS } from '../../geo/hotspots';
import { errorText, recordResults, type Operation } from '../api/client';
import { useLang, useT } from '../i18n/context';
import { formatDate } from '../i18n/format';

type Seizure = { substance: string; quantity: string; unit: (typeof SEIZURE_UNITS)[number] };

export function ResultsForm({ op, today, onDone }: { op: Operation; today: string; onDone(op: Operation): void }) {
  const t = useT();
  const lang = useLang();
  const active = op.hotspots.filter((h) => h.status === 'active');
  const [arrested, setArrested] = useState('0');
  const [cases, setCases] = useState('0');
  const [seizures, setSeizures] = useState<Seizure[]>([]);
  const [eliminated, setEliminated] = useState<Map<number, string>>(new Map());
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | null>(null);
  const defaultDate = formatDate(minDate(op.endDate, today));
  const toggle = (id: number) =>
    setEliminated((m) => {
      const n = new Map(m);
      if (n.has(id)) n.delete(id);
      else n.set(id, defaultDate);
      return n;
    });
  const setSeizure = (i: number, patch: Partial<Seizure>) =>
    setSeizures((xs) => xs.map((x, j) => (j === i ? { ...x, ...patch } : x)));

  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    const dates = [...eliminated].map(([hotspotId, d]) => ({ hotspotId, date: parseVnDate(d), note: '' }));
    if (dates.some((d) => !d.date)) return setError(t.badDate);
    setError(null);
    try {
      const saved = await recordResults(op.id, {
        arrested: Number(arrested),
        cases: Number(cases),
        note,
        seizures: seizures.map((s) => ({
          substance: s.substance,
          quantity: Number(s.quantity.replace(',', '.')),
          unit: s.unit,
        })),
        eliminated: dates.map((d) => ({ ...d, date: d.date! })),
      });
      onDone(saved);
    } catch (err) {
      setError(errorText(err, lang));
    }
  };

  return (
    <form className="proposal-form" onSubmit={submit} data-testid="results-form">
      <h3>{t.op.recordResults}</h3>
      <div className="actions">
        <label>
          {t.op.arrested}
          <input name="arrested" type="number" min={0} value={arrested} onChange={(e) => setArrested(e.target.value)} />
        </label>
        <label>
          {t.op.cases}
          <input name="cases" type="number" min={0} value={cases} onChange={(e) => setCases(e.target.value)} />
        </label>
      </div>
      <fieldset>
        <legend>{t.op.seizures}</legend>
        {seizures.map((s, i) => (
          <div className="actions" key={i}>
            <input
              aria-label={t.op.substance}
              placeholder={t.op.substance}
              value={s.substance}
              onChange={(e) => setSeizure(i, { substance: e.target.value })}
              size={14}
              required
            />
            <input
              aria-label={t.op.quantity}
              inputMode="decimal"
              value={s.quantity}
              onChange={(e) => setSeizure(i, { quantity: e.target.value })}
              size={6}
              required
            />
            <select
              aria-label={t.op.quantity}
              value={s.unit}
              onChange={(e) => setSeizure(i, { unit: e.target.value as Seizure['unit'] })}
            >
              {SEIZURE_UNITS.map((u) => (
                <option key={u} value={u}>
                  {u}
                </option>
              ))}
            </select>
            <button
              type="button"
              onClick={() => setSeizures((xs) => xs.filter((_, j) => j !== i))}
              aria-label={t.close}
            >
              ×
            </button>
          </div>
        ))}
        <button
          type="button"
          onClick={() => setSeizures((xs) => [...xs, { substance: '', quantity: '', unit: 'g' }])}
          data-testid="add-seizure"
        >
          {t.op.addSeizure}
        </button>
      </fieldset>
      <fieldset>
        <legend>{t.op.eliminate}</legend>
        {active.map((h) => (
          <div className="actions" key={h.id}>
            <label className="check">
              <input
                type="checkbox"
                checked={eliminated.has(h.id)}
                onChange={() => toggle(h.id)}
                data-testid={`eliminate-${h.id}`}
              />{' '}
              #{h.id} {h.address}
            </label>
            {eliminated.has(h.id) && (
              <input
                aria-label={`${t.op.eliminatedOn} #${h.id}`}
                inputMode="numeric"
                value={eliminated.get(h.id)}
                size={11}
                onChange={(e) => setEliminated((m) => new Map(m).set(h.id, e.target.value))}
              />
            )}
          </div>
        ))}
      </fieldset>
      <label>
        {t.wf.note}
        <textarea name="note" rows={2} value={note} onChange={(e) => setNote(e.target.value)} />
      </label>
      {error && (
        <p role="alert" className="error" data-testid="results-error">
          {error}
        </p>
      )}
      <button type="submit" data-testid="results-submit">
        {t.op.saveResults}
      </button>
    </form>
  );
}
