// Legend: each status with its colour (relapsed hatched) and the number of communes in it as of the date.
import type { Statuses } from '../api/client';
import { useT } from '../i18n/context';
import { STATUS_COLORS, STATUS_KEYS, type StatusKey } from '../map/style';

export function countStatuses(statuses: Statuses, codes: readonly string[]): Record<StatusKey, number> {
  const counts: Record<StatusKey, number> = { drug_free: 0, complex: 0, transformed: 0, relapsed: 0, none: 0 };
  for (const code of codes) counts[statuses[code]?.status ?? 'none']++;
  return counts;
}

export function Legend({
  counts,
  pending = false,
  flagged = false,
}: {
  counts: Record<StatusKey, number>;
  pending?: boolean;
  flagged?: boolean;
}) {
  const t = useT();
  return (
    <section className="legend" aria-label={t.legend} data-testid="legend">
      {STATUS_KEYS.map((k) => (
        <div key={k} className="legend-row" data-status={k}>
          <span className={`swatch${k === 'relapsed' ? ' hatched' : ''}`} style={{ background: STATUS_COLORS[k] }} />
          <span>{t.status[k]}</span>
          <strong data-testid={`legend-count-${k}`}>{counts[k]}</strong>
        </div>
      ))}
      {flagged && (
        <div className="legend-row" data-testid="legend-flag">
          <span className="swatch flag">!</span>
          <span>{t.wf.flag}</span>
        </div>
      )}
      {pending && (
        <div className="legend-row" data-testid="legend-pending">
          <span className="swatch dashed" />
          <span>{t.wf.pending}</span>
        </div>
      )}
    </section>
  );
}
