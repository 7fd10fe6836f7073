// Reported figures ("Số liệu báo cáo"): staff enter a unit's figures for a period (numerator and denominator for a
// share), approvers of the area approve or reject what waits, everyone with access sees what was sent.
import { useState } from 'react';
import {
  ApiError,
  decideReported,
  errorText,
  fetchReported,
  fetchReportedValues,
  submitReported,
  type Reported,
  type ReportedEntry,
} from '../api/client';
import { invalidate, useServerQuery } from '../api/queries';
import { useCan, useMe } from '../auth/context';
import { useLang, useT } from '../i18n/context';
import { formatDate } from '../i18n/format';
import { formatReportedValue, periodLabel } from '../../geo/reported-text';
import { unitDisplayName } from '../../geo/unit-names';
import { PERIOD_EXAMPLE, periodOfKey } from '../../geo/reported';
import { Completeness, ReportsFile } from './ReportsFile';
import { useAction } from '../state/useAction';

type Def = Reported['indicators'][number];
const refresh = () => invalidate('reported', 'reported-values');

/** The units below the area this user may enter figures for (all for unscoped roles; the server decides anyway). */
function ownUnits(report: Reported, scopes: readonly string[], unscoped: boolean) {
  return report.children.filter((u) => unscoped || scopes.includes(u.code) || scopes.some((s) => s.length === 2));
}

type FormState = { unit: string; period: string; numerator: string; denominator: string; note: string };

/** Sends the form; the answer (or the refusal, with the fields at fault) as a message. */
function useSend(report: Reported, code: string, def: Def | undefined, form: FormState) {
  const t = useT();
  const lang = useLang();
  const [message, setMessage] = useState<{ ok: boolean; text: string; fields: string[] } | null>(null);
  const send = async () => {
    if (!def) return;
    const period = form.period || def.periodKey || '';
    setMessage(null);
    try {
      await submitReported({
        plan: report.plan.id,
        code,
        unit: form.unit,
        period,
        numerator: Number(form.numerator),
        denominator: def.measure === 'share' ? Number(form.denominator) : null,
        note: form.note,
        attachmentId: null,
      });
      setMessage({ ok: true, text: t.reported.sent, fields: [] });
      refresh();
    } catch (e) {
      const fields = e instanceof ApiError ? e.issues.map((i) => i.path) : [];
      setMessage({ ok: false, text: errorText(e, lang), fields });
    }
  };
  return { message, send };
}

/** The indicator and the unit the figures are for. */
function Choices(p: {
  report: Reported;
  units: Reported['children'];
  code: string;
  unit: string;
  onCode(code: string): void;
  onUnit(unit: string): void;
}) {
  const t = useT();
  const lang = useLang();
  return (
    <>
      <label>
        {t.reported.indicator}
        <select name="code" value={p.code} onChange={(e) => p.onCode(e.target.value)}>
          {p.report.indicators.map((d) => (
            <option key={d.code} value={d.code}>
              {d.code}. {d.name[lang]}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t.reported.unit}
        <select name="unit" value={p.unit} onChange={(e) => p.onUnit(e.target.value)}>
          {p.units.map((u) => (
            <option key={u.code} value={u.code}>
              {unitDisplayName(u)}
            </option>
          ))}
        </select>
      </label>
    </>
  );
}

function EntryForm({ report }: { report: Reported }) {
  const t = useT();
  const me = useMe();
  const units = ownUnits(report, me?.scopes ?? [], me?.role === 'admin');
  const [code, setCode] = useState(report.indicators[0]?.code ?? '');
  const def = report.indicators.find((d) => d.code === code) as Def | undefined;
  const [form, setForm] = useState<FormState>({
    unit: units[0]?.code ?? '',
    period: '',
    numerator: '',
    denominator: '',
    note: '',
  });
  const { message, send } = useSend(report, code, def, form);
  const period = form.period || def?.periodKey || '';
  if (!def) return null;
  const field = (name: keyof FormState, label: string) => (
    <label className={message?.fields.includes(name) ? 'invalid' : ''}>
      {label}
      <input
        name={name}
        inputMode={name === 'note' ? undefined : 'numeric'}
        value={name === 'period' ? period : form[name]}
        onChange={(e) => setForm({ ...form, [name]: e.target.value })}
      />
    </label>
  );
  return (
    <form className="reported-form" data-testid="reported-form" onSubmit={(e) => (e.preventDefault(), void send())}>
      <h3>{t.reported.enter}</h3>
      <Choices
        report={report}
        units={units}
        code={code}
        unit={form.unit}
        onCode={(c) => (setCode(c), setForm({ ...form, period: '' }))}
        onUnit={(u) => setForm({ ...form, unit: u })}
      />
      {field('period', `${t.reported.period} (${PERIOD_EXAMPLE[def.period]})`)}
      {field('numerator', def.measure === 'share' ? t.reported.numerator : t.reported.count)}
      {def.measure === 'share' && field('denominator', t.reported.denominator)}
      {field('note', t.reported.note)}
      <button type="submit" data-testid="reported-send">
        {t.reported.send}
      </button>
      {message && (
        <p
          role={message.ok ? 'status' : 'alert'}
          className={message.ok ? 'ok' : 'error'}
          data-testid="reported-message"
        >
          {message.text}
        </p>
      )}
    </form>
  );
}

function EntryRow({ e, decide }: { e: ReportedEntry; decide: boolean }) {
  const t = useT();
  const lang = useLang();
  const [reason, setReason] = useState('');
  const { error, act } = useAction(refresh);
  return (
    <li data-testid={`reported-entry-${e.id}`} data-state={e.state}>
      <strong>
        {e.code} · {unitDisplayName(e.unit)} · {periodLabel(periodOfKey(e.period), e.period, lang)}
      </strong>
      : {e.denominator === null ? e.numerator : `${e.numerator}/${e.denominator}`} (
      {formatReportedValue(e.denominator === null ? 'count' : 'share', e.value, lang)}) —{' '}
      {t.reported.states[e.state as 'pending']}
      <span className="muted">
        {' '}
        · {e.author}, {formatDate(e.proposedAt.slice(0, 10))}
        {e.note && ` · ${e.note}`}
        {e.reason && ` · ${e.reason}`}
      </span>
      {decide && e.state === 'pending' && !e.mine && (
        <div className="actions">
          <button
            onClick={() => act(() => decideReported(e.id, { decision: 'approve' }))}
            data-testid={`reported-approve-${e.id}`}
          >
            {t.wf.approve}
          </button>
          <input
            aria-label={t.wf.reason}
            placeholder={t.wf.reason}
            value={reason}
            onChange={(x) => setReason(x.target.value)}
          />
          <button onClick={() => act(() => decideReported(e.id, { decision: 'reject', reason }))}>{t.wf.reject}</button>
        </div>
      )}
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
    </li>
  );
}

export function ReportsPage({ plan, date }: { plan: string | null; date: string | null }) {
  const t = useT();
  const can = useCan();
  // The province's units: the form offers those of the user's area.
  const report = useServerQuery(plan && date ? ['reported', plan, null, date] : null, () =>
    fetchReported(plan!, date!),
  ).data;
  const values = useServerQuery(plan ? ['reported-values', plan] : null, () => fetchReportedValues({ plan: plan! }));
  const entries = values.data?.values ?? [];
  const pending = entries.filter((e) => e.state === 'pending');
  return (
    <section className="page" data-testid="reports-page">
      <h2>{t.pages.reports}</h2>
      {!report && <p>{t.loading}</p>}
      {report && can('propose') && <EntryForm report={report} />}
      {report && can('propose') && <ReportsFile report={report} />}
      {report && <Completeness report={report} />}
      {can('decide') && (
        <section data-testid="reported-waiting">
          <h3>{t.reported.waiting}</h3>
          {pending.length === 0 && <p className="muted">{t.reported.none}</p>}
          <ul className="reported-entries">
            {pending.map((e) => (
              <EntryRow key={e.id} e={e} decide />
            ))}
          </ul>
        </section>
      )}
      <section data-testid="reported-recent">
        <h3>{t.reported.recent}</h3>
        <ul className="reported-entries">
          {entries
            .filter((e) => e.state !== 'pending' || !can('decide'))
            .slice(0, 100)
            .map((e) => (
              <EntryRow key={e.id} e={e} decide={false} />
            ))}
        </ul>
      </section>
    </section>
  );
}
