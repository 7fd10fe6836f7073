// Saves a searched area as a crackdown operation: name, period, participating units, targets, note.
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

export function OperationForm({ area, targets, today, onSaved }: Props) {
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
  return (
    <form className="proposal-form" onSubmit={submit} data-testid="operation-form">
      <h3>{t.op.save}</h3>
      <label>
        {t.op.name}
        <input name="name" value={name} onChange={(e) => setName(e.target.value)} required />
      </label>
      <div className="actions">
        <label>
          {t.op.from}
          <input
            name="from"
            inputMode="numeric"
            placeholder="dd/mm/yyyy"
            value={from}
            onChange={(e) => setFrom(e.target.value)}
            size={11}
            required
          />
        </label>
        <label>
          {t.op.to}
          <input
            name="to"
            inputMode="numeric"
            placeholder="dd/mm/yyyy"
            value={to}
            onChange={(e) => setTo(e.target.value)}
            size={11}
            required
          />
        </label>
      </div>
      <label>
        {t.op.units}
        <textarea name="units" rows={3} value={units} onChange={(e) => setUnits(e.target.value)} />
      </label>
      <label>
        {t.wf.note}
        <textarea name="note" rows={2} value={note} onChange={(e) => setNote(e.target.value)} />
      </label>
      <p className="muted">
        {t.op.targets}: {targets.length}
      </p>
      {error && (
        <p role="alert" className="error" data-testid="operation-error">
          {error}
        </p>
      )}
      <button type="submit" data-testid="operation-submit">
        {t.op.create}
      </button>
    </form>
  );
}
