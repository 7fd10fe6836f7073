// The legend as a strip of its own under the meeting's maps: it covers no commune. Counts when one map is shown;
// further keys (the comparison's outline) after the statuses.
import type { ReactNode } from 'react';
import { useT } from '../i18n/context';
import { STATUS_COLORS, STATUS_KEYS, type StatusKey } from '../map/style';

export function LegendStrip({ counts, children }: { counts?: Record<StatusKey, number>; children?: ReactNode }) {
  const t = useT();
  return (
    <ul className="present-legend" aria-label={t.legend} data-testid="legend">
      {STATUS_KEYS.map((k) => (
        <li key={k}>
          <span className={`swatch${k === 'relapsed' ? ' hatched' : ''}`} style={{ background: STATUS_COLORS[k] }} />
          {t.status[k]} {counts && <strong data-testid={`legend-count-${k}`}>{counts[k]}</strong>}
        </li>
      ))}
      {children}
    </ul>
  );
}
