// The proposal form (also used on a phone): new status limited to the allowed transitions, dates as dd/mm/yyyy,
// the legal basis, a note and an optional attachment. The server decides; its refusal is shown as it says it.
import { TextDateField } from './TextDateField';
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

const ANY_STATUS: CommuneStatus[] = ['drug_free', 'complex', 'transformed', 'relapsed'];

/** The statuses offered: the transitions from the current status, or any for a correction or a first status. */
function statusChoices(info: CommuneInfo, corrects: Props['corrects']): CommuneStatus[] {
  const current = info.history.find((h) => h.id === info.baseChangeId)?.status ?? null;
  return corrects ? [...ANY_STATUS] : current ? [...STATUS_TRANSITIONS[current]] : [...ANY_STATUS];
}

/** The fields being typed and their submission (the attachment uploaded first); dates that do not read refuse it. */
function useProposal({ info, today, corrects = null, onDone }: Omit<Props, 'onCancel'>, choices: CommuneStatus[]) {
  const t = useT();
  const lang = useLang();
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
  const values = { status, effective, docNumber, docDate, note, error, busy };
  const setters = { setStatus, setEffective, setDocNumber, setDocDate, setNote, setFile };
  return { ...values, ...setters, submit };
}
type Proposal = ReturnType<typeof useProposal>;

/** The decision the status rests on: its number and date, a note and the scanned document. */
function LegalBasisFields({ form }: { form: Proposal }) {
  const t = useT();
  return (
    <>
      <label>
        {t.wf.documentNumber}
        <input
          name="documentNumber"
          placeholder="15/QĐ-UBND"
          value={form.docNumber}
          onChange={(e) => form.setDocNumber(e.target.value)}
          required
        />
      </label>
      <TextDateField label={t.wf.documentDate} name="documentDate" value={form.docDate} onChange={form.setDocDate} />
      <label>
        {t.wf.note}
        <textarea name="note" rows={2} value={form.note} onChange={(e) => form.setNote(e.target.value)} />
      </label>
      <label>
        {t.wf.attachment}
        <input
          name="attachment"
          type="file"
          accept="application/pdf,image/png,image/jpeg,image/webp"
          onChange={(e) => form.setFile(e.target.files?.[0] ?? null)}
        />
      </label>
    </>
  );
}

export function ProposalForm({ info, today, corrects = null, onDone, onCancel }: Props) {
  const t = useT();
  const choices = statusChoices(info, corrects);
  const form = useProposal({ info, today, corrects, onDone }, choices);
  if (!choices.length) return <p className="muted">{t.wf.noTransition}</p>;
  return (
    <form className="proposal-form" onSubmit={form.submit} data-testid="proposal-form">
      <h3>{corrects ? `${t.wf.correct} (${formatDate(corrects.effectiveDate)})` : t.wf.propose}</h3>
      <label>
        {t.wf.newStatus}
        <select
          value={form.status}
          onChange={(e) => form.setStatus(e.target.value as CommuneStatus)}
          name="status"
          required
        >
          {choices.map((s) => (
            <option key={s} value={s}>
              {t.status[s]}
            </option>
          ))}
        </select>
      </label>
      <TextDateField
        label={t.wf.effectiveDate}
        name="effectiveDate"
        value={form.effective}
        onChange={form.setEffective}
      />
      <LegalBasisFields form={form} />
      {form.error && (
        <p role="alert" className="error" data-testid="proposal-error">
          {form.error}
        </p>
      )}
      <div className="actions">
        <button type="submit" disabled={form.busy} data-testid="proposal-submit">
          {t.wf.submit}
        </button>
        <button type="button" onClick={onCancel}>
          {t.wf.cancel}
        </button>
      </div>
    </form>
  );
}
