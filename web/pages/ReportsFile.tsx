// Reported figures by Excel: the period's template to download (the user's units, the figures counted so far) and
// the filled file to send back; a refused file lists each fault by its cell.
import { useState } from 'react';
import { ApiError, errorText, reportedTemplateUrl, uploadReported, type Reported } from '../api/client';
import { invalidate } from '../api/queries';
import { useLang, useT } from '../i18n/context';
import { unitDisplayName } from '../../geo/unit-names';

export function ReportsFile({ report }: { report: Reported }) {
  const t = useT();
  const lang = useLang();
  const keys = [...new Set(report.indicators.map((d) => d.periodKey).filter((k): k is string => k !== null))];
  const [period, setPeriod] = useState(keys[0] ?? '');
  const [result, setResult] = useState<{ ok: boolean; lines: string[] } | null>(null);
  const send = async (file: File) => {
    setResult(null);
    try {
      const { ids } = await uploadReported(file, report.plan.id, period);
      setResult({ ok: true, lines: [t.reported.uploaded(ids.length)] });
      invalidate('reported', 'reported-values');
    } catch (e) {
      const cells = e instanceof ApiError ? e.issues.map((i) => `${i.path}: ${i.message}`) : [];
      setResult({ ok: false, lines: [errorText(e, lang), ...cells] });
    }
  };
  return (
    <section className="reported-file" data-testid="reported-file">
      <h3>{t.reported.excel}</h3>
      <label>
        {t.reported.period}{' '}
        <input name="file-period" value={period} onChange={(e) => setPeriod(e.target.value)} size={8} />
      </label>{' '}
      <a href={reportedTemplateUrl(report.plan.id, period)} download data-testid="reported-template">
        {t.reported.template}
      </a>{' '}
      <label>
        {t.reported.uploadFile}{' '}
        <input
          type="file"
          accept=".xlsx"
          data-testid="reported-upload"
          onChange={(e) => e.target.files?.[0] && void send(e.target.files[0])}
        />
      </label>
      {result && (
        <ul role={result.ok ? 'status' : 'alert'} className={result.ok ? 'ok' : 'error'}>
          {result.lines.map((l) => (
            <li key={l}>{l}</li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** Each unit's reporting of each indicator at its latest ended period: approved, waiting, overdue, sent late. */
export function Completeness({ report }: { report: Reported }) {
  const t = useT();
  const cell = (c: Reported['indicators'][number]['completeness']) => {
    if (!c) return '—';
    const words = [
      c.approved && `${t.reported.approvedShort}`,
      c.pending && `${t.reported.pendingShort}`,
      c.missing && `${t.reported.missingShort}`,
      c.sentLate && `${t.reported.lateShort}`,
    ].filter(Boolean);
    return words.join(', ') || (c.expected ? t.reported.notSentShort : '—');
  };
  return (
    <section data-testid="reported-completeness">
      <h3>{t.reported.completeness}</h3>
      <table className="compare-table">
        <thead>
          <tr>
            <th scope="col">{t.reported.unit}</th>
            {report.indicators.map((d) => (
              <th key={d.code} scope="col" title={d.name.vi}>
                {d.code}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {report.children.map((u) => (
            <tr key={u.code} data-testid={`completeness-${u.code}`}>
              <th scope="row">{unitDisplayName(u)}</th>
              {u.indicators.map((d) => (
                <td key={d.code} className={d.completeness?.missing ? 'lagging' : ''}>
                  {cell(d.completeness)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
