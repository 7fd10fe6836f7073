// The approval queue: pending proposals of the approver's area, approve or reject with a reason.
import { useState } from 'react';
import { approveProposal, fetchProposals, rejectProposal, type Proposal } from '../api/client';
import { useAction } from '../state/useAction';
import { useT } from '../i18n/context';
import { formatDate } from '../i18n/format';
import { invalidateAfter, useServerQuery } from '../api/queries';
import { unitDisplayName } from '../../geo/unit-names';

function Item({ p, onDecided }: { p: Proposal; onDecided(): void }) {
  const t = useT();
  const [reason, setReason] = useState('');
  const { error, act } = useAction(onDecided);
  return (
    <li className="proposal" data-testid={`proposal-${p.id}`} data-commune={p.commune.code}>
      <h3>
        #{p.id} — {unitDisplayName(p.commune)}
      </h3>
      <p>
        {t.wf.from} <strong>{p.baseStatus ? t.status[p.baseStatus] : t.status.none}</strong> {t.wf.to}{' '}
        <strong>{t.status[p.status]}</strong>, {t.wf.effectiveDate.toLowerCase()} {formatDate(p.effectiveDate)}
      </p>
      <p className="muted">
        {t.legalBasis}: {p.legalBasis}
        {p.correctsId !== null && ` · ${t.wf.corrects} #${p.correctsId}`}
      </p>
      {p.note && <p className="muted">{p.note}</p>}
      <p className="muted">
        {t.wf.proposer}: {p.proposer}, {formatDate(p.proposedAt.slice(0, 10))}
      </p>
      {p.attachmentId && (
        <p>
          <a href={`/api/attachments/${p.attachmentId}`}>{t.wf.open}</a>
        </p>
      )}
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      <div className="actions">
        <button onClick={() => act(() => approveProposal(p.id))} data-testid={`approve-${p.id}`}>
          {t.wf.approve}
        </button>
        <input
          aria-label={t.wf.reason}
          placeholder={t.wf.reason}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
        />
        <button onClick={() => act(() => rejectProposal(p.id, reason))} data-testid={`reject-${p.id}`}>
          {t.wf.reject}
        </button>
      </div>
    </li>
  );
}

export function QueuePage() {
  const t = useT();
  const list = useServerQuery(['proposals', 'pending'], () => fetchProposals({ state: 'pending' }));
  const items = list.data?.proposals ?? [];
  return (
    <section className="page" data-testid="queue-page">
      <h2>{t.pages.queue}</h2>
      {list.loading && !list.data && <p>{t.loading}</p>}
      {list.data && !items.length && <p className="muted">{t.wf.queueEmpty}</p>}
      <ul className="proposals">
        {items.map((p) => (
          <Item key={p.id} p={p} onDecided={() => invalidateAfter('status')} />
        ))}
      </ul>
    </section>
  );
}
