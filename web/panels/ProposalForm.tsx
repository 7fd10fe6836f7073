// The proposal form (also used on a phone): new status limited to the allowed transitions, dates as dd/mm/yyyy,
// the legal basis, a note and an optional attachment. The server decides; its refusal is shown as it says it.
import { useState } from 'react';
import { parseVnDate } from '../../geo/dates';
import { STATUS_TRANSITIONS, type CommuneStatus } from '../../geo/status';
import { errorText, submitProposal, uploadAttachment, type CommuneInfo } from '../api/client';
import { useLang, useT } from '../i18n/context';
import { formatDate } from '../i18n/format';

interface Props {
  info: CommuneInfo;
  today: string;
  /** Set for a correction: the record replaced, whose status may be restated. */
  corrects?: { id: number; status: CommuneStatus; effectiveDate: string } | null;
  onDone(): void;
  onCancel(): void;
}

export function ProposalForm({ info, today, corrects = null, onDone, onCancel }: Props) {
  const t = useT();
  const lang = useLang();
  const current = info.history.find((h) => h.id === info.baseChangeId)?.status ?? null;
  const choices: CommuneStatus[] = corrects
    ? ['drug_free', 'complex', 'transformed', 'relapsed']
    : current
      ? [...STATUS_TRANSITIONS[current]]
      : ['drug_free', 'complex', 'transformed', 'relapsed'];
  const [status, setStatus] = useState<CommuneStatus | ''>(corrects?.status ?? choices[0] ?? '');
  const [effective, setEffective] = useState(formatDate(corrects?.effectiveDate ?? today));
  const [docNumber, setDocNumber] = useState('');
  const [docDate, setDocDate] = useState(formatDate(today));
  const [note, setNote] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    const effectiveDate = parseVnDate(effective);
    const documentDate = parseVnDate(docDate);
    if (!status || !effectiveDate || !documentDate) return setError(t.badDate);
    setBusy(true);
    setError(null);
    try {
      const attachmentId = file ? (await uploadAttachment(file)).id : null;
      await submitProposal({
        commune: info.code,
        status,
        effectiveDate,
        documentNumber: docNumber.trim(),
        documentDate,
        note,
        baseChangeId: info.baseChangeId,
        correctsId: corrects?.id ?? null,
        attachmentId,
      });
      onDone();
    } catch (err) {
      setError(errorText(err, lang));
    } finally {
      setBusy(false);
    }
  };

  if (!choices.length) return <p className="muted">{t.wf.noTransition}</p>;
  return (
    <form className="proposal-form" onSubmit={submit} data-testid="proposal-form">
      <h3>{corrects ? `${t.wf.correct} (${formatDate(corrects.effectiveDate)})` : t.wf.propose}</h3>
      <label>
        {t.wf.newStatus}
        <select value={status} onChange={(e) => setStatus(e.target.value as CommuneStatus)} name="status" required>
          {choices.map((s) => (
            <option key={s} value={s}>
              {t.status[s]}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t.wf.effectiveDate}
        <input
          name="effectiveDate"
          inputMode="numeric"
          placeholder="dd/mm/yyyy"
          value={effective}
          onChange={(e) => setEffective(e.target.value)}
          required
        />
      </label>
      <label>
        {t.wf.documentNumber}
        <input
          name="documentNumber"
          placeholder="15/QĐ-UBND"
          value={docNumber}
          onChange={(e) => setDocNumber(e.target.value)}
          required
        />
      </label>
      <label>
        {t.wf.documentDate}
        <input
          name="documentDate"
          inputMode="numeric"
          placeholder="dd/mm/yyyy"
          value={docDate}
          onChange={(e) => setDocDate(e.target.value)}
          required
        />
      </label>
      <label>
        {t.wf.note}
        <textarea name="note" rows={2} value={note} onChange={(e) => setNote(e.target.value)} />
      </label>
      <label>
        {t.wf.attachment}
        <input
          name="attachment"
          type="file"
          accept="application/pdf,image/png,image/jpeg,image/webp"
          onChange={(e) => setFile(e.target.files?.[0] ?? null)}
        />
      </label>
      {error && (
        <p role="alert" className="error" data-testid="proposal-error">
          {error}
        </p>
      )}
      <div className="actions">
        <button type="submit" disabled={busy} data-testid="proposal-submit">
          {t.wf.submit}
        </button>
        <button type="button" onClick={onCancel}>
          {t.wf.cancel}
        </button>
      </div>
    </form>
  );
}
