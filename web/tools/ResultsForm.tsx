// Results of an operation: arrests, cases, seizures, and the hotspots eliminated during it (each becomes an
// "eliminated" lifecycle event in the same transaction on the server).
import { useState } from 'react';
import { minDate, parseVnDate } from '../../geo/dates';
import { SEIZURE_UNITS } from '../../geo/hotspots';
import { errorText, recordResults, type Operation } from '../api/client';
import { useLang, useT } from '../i18n/context';
import { formatDate } from '../i18n/format';

type Seizure = { substance: string; quantity: string; unit: (typeof SEIZURE_UNITS)[number] };

/** The results being typed (hotspots ticked as eliminated carry their date, the operation's end by default) and
 *  their save; a date that does not read refuses the save before it is sent. */
function useResults(op: Operation, today: string, onDone: (op: Operation) => void) {
  const t = useT();
  const lang = useLang();
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
  const values = { arrested, cases, seizures, eliminated, note, error };
  const setters = { setArrested, setCases, setSeizures, setEliminated, setNote };
  return { ...values, ...setters, toggle, submit };
}
type Results = ReturnType<typeof useResults>;

function SeizureRow({
  seizure,
  onChange,
  onRemove,
}: {
  seizure: Seizure;
  onChange(patch: Partial<Seizure>): void;
  onRemove(): void;
}) {
  const t = useT();
  return (
    <div className="actions">
      <input
        aria-label={t.op.substance}
        placeholder={t.op.substance}
        value={seizure.substance}
        onChange={(e) => onChange({ substance: e.target.value })}
        size={14}
        required
      />
      <input
        aria-label={t.op.quantity}
        inputMode="decimal"
        value={seizure.quantity}
        onChange={(e) => onChange({ quantity: e.target.value })}
        size={6}
        required
      />
      <select
        aria-label={t.op.quantity}
        value={seizure.unit}
        onChange={(e) => onChange({ unit: e.target.value as Seizure['unit'] })}
      >
        {SEIZURE_UNITS.map((u) => (
          <option key={u} value={u}>
            {u}
          </option>
        ))}
      </select>
      <button type="button" onClick={onRemove} aria-label={t.close}>
        ×
      </button>
    </div>
  );
}

function Seizures({ form }: { form: Results }) {
  const t = useT();
  const setSeizure = (i: number, patch: Partial<Seizure>) =>
    form.setSeizures((xs) => xs.map((x, j) => (j === i ? { ...x, ...patch } : x)));
  return (
    <fieldset>
      <legend>{t.op.seizures}</legend>
      {form.seizures.map((s, i) => (
        <SeizureRow
          key={i}
          seizure={s}
          onChange={(patch) => setSeizure(i, patch)}
          onRemove={() => form.setSeizures((xs) => xs.filter((_, j) => j !== i))}
        />
      ))}
      <button
        type="button"
        onClick={() => form.setSeizures((xs) => [...xs, { substance: '', quantity: '', unit: 'g' }])}
        data-testid="add-seizure"
      >
        {t.op.addSeizure}
      </button>
    </fieldset>
  );
}

/** The operation's active hotspots, each ticked as eliminated with the date it was. */
function Eliminated({ op, form }: { op: Operation; form: Results }) {
  const t = useT();
  const active = op.hotspots.filter((h) => h.status === 'active');
  return (
    <fieldset>
      <legend>{t.op.eliminate}</legend>
      {active.map((h) => (
        <div className="actions" key={h.id}>
          <label className="check">
            <input
              type="checkbox"
              checked={form.eliminated.has(h.id)}
              onChange={() => form.toggle(h.id)}
              data-testid={`eliminate-${h.id}`}
            />{' '}
            #{h.id} {h.address}
          </label>
          {form.eliminated.has(h.id) && (
            <input
              aria-label={`${t.op.eliminatedOn} #${h.id}`}
              inputMode="numeric"
              value={form.eliminated.get(h.id)}
              size={11}
              onChange={(e) => form.setEliminated((m) => new Map(m).set(h.id, e.target.value))}
            />
          )}
        </div>
      ))}
    </fieldset>
  );
}

export function ResultsForm({ op, today, onDone }: { op: Operation; today: string; onDone(op: Operation): void }) {
  const t = useT();
  const form = useResults(op, today, onDone);
  return (
    <form className="proposal-form" onSubmit={form.submit} data-testid="results-form">
      <h3>{t.op.recordResults}</h3>
      <div className="actions">
        <label>
          {t.op.arrested}
          <input
            name="arrested"
            type="number"
            min={0}
            value={form.arrested}
            onChange={(e) => form.setArrested(e.target.value)}
          />
        </label>
        <label>
          {t.op.cases}
          <input
            name="cases"
            type="number"
            min={0}
            value={form.cases}
            onChange={(e) => form.setCases(e.target.value)}
          />
        </label>
      </div>
      <Seizures form={form} />
      <Eliminated op={op} form={form} />
      <label>
        {t.wf.note}
        <textarea name="note" rows={2} value={form.note} onChange={(e) => form.setNote(e.target.value)} />
      </label>
      {form.error && (
        <p role="alert" className="error" data-testid="results-error">
          {form.error}
        </p>
      )}
      <button type="submit" data-testid="results-submit">
        {t.op.saveResults}
      </button>
    </form>
  );
}
