// The audit trail for admins: newest first with paging, CSV export, and a check of the hash chain.
import { useState } from 'react';
import { api, okBody, fetchAudit, type AuditRow } from '../api/client';
import { useT } from '../i18n/context';
import { formatDateTime } from '../i18n/format';
import { useServerQuery } from '../api/queries';

function AuditTable({ rows }: { rows: AuditRow[] }) {
  const t = useT();
  return (
    <table className="grid audit">
      <thead>
        <tr>
          <th>#</th>
          <th>{t.wf.at}</th>
          <th>{t.wf.actor}</th>
          <th>{t.wf.address}</th>
          <th>{t.wf.action}</th>
          <th>{t.wf.entity}</th>
          <th>{t.wf.before}</th>
          <th>{t.wf.after}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.id}>
            <td>{r.id}</td>
            <td>{formatDateTime(r.at, 'vi')}</td>
            <td>{r.actor}</td>
            <td>{r.address ?? ''}</td>
            <td>{r.action}</td>
            <td>
              {r.entityType ?? ''} {r.entityId ?? ''}
            </td>
            <td>
              <code>{r.before ? JSON.stringify(r.before) : ''}</code>
            </td>
            <td>
              <code>{r.after ? JSON.stringify(r.after) : ''}</code>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function AuditPage() {
  const t = useT();
  const first = useServerQuery(['audit', 'first'], () => fetchAudit());
  const [more, setMore] = useState<AuditRow[]>([]);
  const [check, setCheck] = useState<{ brokenAt: number | null; rows: number } | null>(null);
  const rows = [...(first.data?.rows ?? []), ...more];
  const loadMore = async () => {
    const last = rows[rows.length - 1];
    if (last) setMore([...more, ...(await fetchAudit(last.id)).rows]);
  };
  return (
    <section className="page" data-testid="audit-page">
      <h2>{t.wf.audit}</h2>
      <p className="actions">
        <a href="/api/audit/export.csv" download>
          {t.wf.exportCsv}
        </a>
        <button onClick={async () => setCheck(await okBody(api.api.audit.verify.$get()))} data-testid="audit-verify">
          {t.wf.verify}
        </button>
        {check && (
          <span role="status" className={check.brokenAt === null ? 'ok' : 'error'} data-testid="audit-result">
            {check.brokenAt === null ? `${t.wf.intact} (${check.rows})` : `${t.wf.broken} ${check.brokenAt}`}
          </span>
        )}
      </p>
      <AuditTable rows={rows} />
      {rows.length > 0 && <button onClick={loadMore}>{t.wf.more}</button>}
    </section>
  );
}
