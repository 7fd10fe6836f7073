// "My area" for editors: the communes in scope with status, last update, pending proposal and a six-month flag.
import { useState } from 'react';
import { fetchMyArea, resolveFlag } from '../api/client';
import { useT } from '../i18n/context';
import { formatDate } from '../i18n/format';
import { STATUS_COLORS } from '../map/style';
import { invalidateAfter, useServerQuery } from '../api/queries';
import { unitDisplayName } from '../../geo/unit-names';

function FlagActions({ id, onDone }: { id: number; onDone(): void }) {
  const t = useT();
  const [note, setNote] = useState('');
  const act = async (decision: 'confirm' | 'dismiss') => {
    await resolveFlag(id, decision, note).catch(() => undefined);
    onDone();
  };
  return (
    <span className="actions" data-testid={`flag-${id}`}>
      <strong className="warn">{t.wf.flag}</strong>
      <input
        aria-label={t.wf.note}
        placeholder={t.wf.note}
        value={note}
        onChange={(e) => setNote(e.target.value)}
        size={14}
      />
      <button onClick={() => act('confirm')}>{t.wf.confirmFlag}</button>
      <button onClick={() => act('dismiss')}>{t.wf.dismissFlag}</button>
    </span>
  );
}

export function MyAreaPage({ onOpen }: { onOpen(code: string): void }) {
  const t = useT();
  const area = useServerQuery(['my-area'], fetchMyArea);
  const rows = area.data?.communes ?? [];
  return (
    <section className="page" data-testid="area-page">
      <h2>{t.wf.areaTitle}</h2>
      {area.loading && !area.data && <p>{t.loading}</p>}
      <table className="grid">
        <thead>
          <tr>
            <th>{t.wf.commune}</th>
            <th>{t.wf.statusCol}</th>
            <th>{t.since}</th>
            <th>{t.wf.lastUpdate}</th>
            <th>{t.wf.pending}</th>
            <th>{t.wf.flag}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((c) => (
            <tr key={c.code} className={c.stale ? 'stale' : ''} data-testid={`area-${c.code}`}>
              <td>
                <button className="link" onClick={() => onOpen(c.code)}>
                  {unitDisplayName(c)}
                </button>
              </td>
              <td>
                <span className="swatch" style={{ background: STATUS_COLORS[c.status ?? 'none'] }} />{' '}
                {t.status[c.status ?? 'none']}
              </td>
              <td>{c.since ? formatDate(c.since) : ''}</td>
              <td>
                {c.lastUpdate ? formatDate(c.lastUpdate) : t.wf.never}
                {c.stale && <strong className="warn"> · {t.wf.stale}</strong>}
              </td>
              <td>{c.pendingProposalId !== null ? `#${c.pendingProposalId}` : ''}</td>
              <td>
                {c.openFlagId !== null && <FlagActions id={c.openFlagId} onDone={() => invalidateAfter('flag')} />}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
