// One indicator card: value, numerator/denominator, target, progress bar with the expected mark, on-track, trend.
import type { Indicator } from '../api/client';
import { useLang, useT } from '../i18n/context';
import { formatCount } from '../i18n/format';
import { formatTarget, formatValue, isShare, progress } from './indicator-format';
import { Sparkline } from './Sparkline';
import { formatExpected, trackOf } from '../../geo/indicator-text';

interface Props {
  indicator: Indicator;
  trend: (number | null)[];
  /** Lists what the card counts (the communes and hotspots behind its numbers). */
  onOpen?(id: Indicator['id']): void;
}

export function IndicatorCard({ indicator: i, trend, onOpen }: Props) {
  const t = useT();
  const lang = useLang();
  const bar = progress(i);
  const state = trackOf(i);
  const due = formatExpected(i, lang);
  return (
    <article className={`card track-${state}`} data-testid={`indicator-${i.id}`} data-value={i.value ?? ''}>
      <header>
        <span className="card-id">{i.id}</span> {t.indicator[i.id]}
      </header>
      <div className="card-main">
        <span className="card-value" data-testid={`indicator-value-${i.id}`}>
          {formatValue(i, lang)}
        </span>
        {i.numerator !== null && i.denominator !== null && (
          <span className="muted" data-testid={`indicator-fraction-${i.id}`}>
            {formatCount(i.numerator, lang, i.id === 'H2')}/{formatCount(i.denominator, lang)}
          </span>
        )}
        {i.id === 'C1' && i.judged !== null && <span className="muted">({formatCount(i.judged, lang, true)})</span>}
        <Sparkline values={trend} label={`${t.trend}: ${t.indicator[i.id]}`} />
      </div>
      {bar !== null && (
        <div
          className="bar"
          role="progressbar"
          aria-valuenow={Math.round(bar * 100)}
          aria-valuemin={0}
          aria-valuemax={100}
        >
          <div className="bar-fill" style={{ width: `${bar * 100}%` }} />
          {isShare(i.id) && i.expected !== null && (
            <div className="bar-mark" title={t.expected} style={{ left: `${i.expected * 100}%` }} />
          )}
        </div>
      )}
      {due && (
        <p className="card-due" data-testid={`indicator-expected-${i.id}`}>
          {due}
        </p>
      )}
      <footer>
        <span>
          {t.target} {formatTarget(i, lang)}
        </span>
        <span className="track">
          {state === 'none' ? t.noDataShort : state === 'on' ? `✓ ${t.onTrack}` : `✗ ${t.offTrack}`}
        </span>
      </footer>
      {onOpen && (
        <button className="card-open" onClick={() => onOpen(i.id)} data-testid={`indicator-open-${i.id}`}>
          {t.meet.showMembers}
        </button>
      )}
    </article>
  );
}
