// Saves a searched area as a crackdown operation: name, period, participating units, targets, note.
import { TextDateField } from '../panels/TextDateField';
import { useState } from 'react';
import { parseVnDate } from '../../geo/dates';
import { createOperation, errorText, type AreaSpecInput } from '../api/client';
import { useLang, useT } from '../i18n/context';
import { formatDate } from '../i18n/format';

interface Props {
  area: AreaSpecInput;
  targets: number[];
  today: string;
  onSaved(id: number): void;
}

/** The fields being typed and the save; dates that do not read refuse it. Units are typed one a line. */
function useNewOperation({ area, targets, today, onSaved }: Props) {
  const t = useT();
  const lang = useLang();
  const [name, setName] = useState('');
  const [from, setFrom] = useState(formatDate(today));
  const [to, setTo] = useState('');
  const [units, setUnits] = useState('');
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | null>(null);
  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    const startDate = parseVnDate(from);
    const endDate = parseVnDate(to);
    if (!startDate || !endDate) return setError(t.badDate);
    setError(null);
    try {
      const unitList = units
        .split('\n')
        .map((u) => u.trim())
        .filter(Boolean);
      const op = await createOperation({
        name,
        startDate,
        endDate,
        area,
        units: unitList,
        targetHotspotIds: targets,
        note,
      });
      onSaved(op.id);
    } catch (err) {
      setError(errorText(err, lang));
    }
  };
  const values = { name, from, to, units, note, error };
  return { ...values, setName, setFrom, setTo, setUnits, setNote, submit };
}

export function OperationForm(props: Props) {
  const t = useT();
  const form = useNewOperation(props);
  return (
    <form className="proposal-form" onSubmit={form.submit} data-testid="operation-form">
      <h3>{t.op.save}</h3>
      <label>
        {t.op.name}
        <input name="name" value={form.name} onChange={(e) => form.setName(e.target.value)} required />
      </label>
      <div className="actions">
        <TextDateField label={t.op.from} name="from" value={form.from} onChange={form.setFrom} size={11} />
        <TextDateField label={t.op.to} name="to" value={form.to} onChange={form.setTo} size={11} />
      </div>
      <label>
        {t.op.units}
        <textarea name="units" rows={3} value={form.units} onChange={(e) => form.setUnits(e.target.value)} />
      </label>
      <label>
        {t.wf.note}
        <textarea name="note" rows={2} value={form.note} onChange={(e) => form.setNote(e.target.value)} />
      </label>
      <p className="muted">
        {t.op.targets}: {props.targets.length}
      </p>
      {form.error && (
        <p role="alert" className="error" data-testid="operation-error">
          {form.error}
        </p>
      )}
      <button type="submit" data-testid="operation-submit">
        {t.op.create}
      </button>
    </form>
  );
}
