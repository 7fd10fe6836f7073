// The plan's reported indicators beside the derived ones: each at its latest ended period, with its target (and,
// for growth, the count it asks), on or off track, and how complete the units' reporting is.
import type { Reported } from '../api/client';
import { useLang, useT } from '../i18n/context';
import { formatCount } from '../i18n/format';
import { trackOf } from '../../geo/indicator-text';
import {
  formatCompleteness,
  formatReportedBar,
  formatReportedTarget,
  formatReportedValue,
  periodLabel,
} from '../../geo/reported-text';

type Item = Reported['indicators'][number];

function ReportedCard({ r }: { r: Item }) {
  const t = useT();
  const lang = useLang();
  const state = trackOf(r);
  const bar = formatReportedBar(r, r.bar, lang);
  return (
    <article className={`card track-${state}`} data-testid={`reported-${r.code}`}>
      <header>
        <span className="card-id">{r.code}</span> {r.name[lang]}
      </header>
      <div className="card-main">
        <span className="card-value" data-testid={`reported-value-${r.code}`}>
          {formatReportedValue(r.measure, r.value, lang)}
        </span>
        {r.measure === 'share' && r.numerator !== null && r.denominator !== null && (
          <span className="muted">
            {formatCount(r.numerator, lang)}/{formatCount(r.denominator, lang)}
          </span>
        )}
        <span className="muted">{r.periodKey ? periodLabel(r.period, r.periodKey, lang) : t.reported.noPeriod}</span>
      </div>
      {bar && <p className="card-due">{bar}</p>}
      {r.completeness && (
        <p className="muted" data-testid={`reported-completeness-${r.code}`}>
          {formatCompleteness(r.completeness, lang)}
        </p>
      )}
      <footer>
        <span>
          {t.target} {formatReportedTarget(r, lang)}
        </span>
        <span className="track">
          {state === 'none' ? t.noDataShort : state === 'on' ? `✓ ${t.onTrack}` : `✗ ${t.offTrack}`}
        </span>
      </footer>
    </article>
  );
}

export function ReportedCards({ report }: { report: Reported | null }) {
  const t = useT();
  if (!report || report.indicators.length === 0) return null;
  return (
    <section aria-label={t.reported.title} data-testid="reported-cards">
      <h3>{t.reported.title}</h3>
      <div className="cards">
        {report.indicators.map((r) => (
          <ReportedCard key={r.code} r={r} />
        ))}
      </div>
    </section>
  );
}
