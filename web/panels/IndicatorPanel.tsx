// The indicator panel: a card per indicator for the focused unit, and a ranking of its sub-units.
import { useState } from 'react';
import type { IndicatorsReport, Ranking, Trend } from '../api/client';
import { useLang, useT } from '../i18n/context';
import { IndicatorCard } from './IndicatorCard';
import { formatValue, rankScore } from './indicator-format';
import { unitDisplayName } from '../../geo/unit-names';

interface Props {
  report: IndicatorsReport | null;
  /** The database holds no plan yet (real boundaries just imported): nothing to measure against. */
  noPlan?: boolean;
  trend: Trend | null;
  ranking: Ranking | null;
  onOpenUnit(code: string): void;
}

function RankingList({ ranking, onOpenUnit }: { ranking: Ranking; onOpenUnit(code: string): void }) {
  const t = useT();
  const lang = useLang();
  const [by, setBy] = useState<'H1' | 'H2' | 'H3' | 'T1' | 'T2' | 'C1'>('H1');
  const rows = ranking.units
    .map((u) => ({ ...u, indicator: u.indicators.find((i) => i.id === by) }))
    .sort((a, b) => rankScore(b.indicator) - rankScore(a.indicator));
  return (
    <section className="ranking" aria-label={t.ranking}>
      <label>
        {t.rankBy}{' '}
        <select value={by} onChange={(e) => setBy(e.target.value as typeof by)}>
          {(['H1', 'H2', 'H3', 'T1', 'T2', 'C1'] as const).map((id) => (
            <option key={id} value={id}>
              {id} — {t.indicator[id]}
            </option>
          ))}
        </select>
      </label>
      <ol data-testid="ranking">
        {rows.map((u) => (
          <li key={u.code}>
            <button onClick={() => onOpenUnit(u.code)} data-code={u.code}>
              <span>{unitDisplayName(u)}</span>
              <span className={u.indicator?.onTrack === false ? 'off' : u.indicator?.onTrack ? 'on' : ''}>
                {u.indicator ? formatValue(u.indicator, lang) : '—'}
              </span>
            </button>
          </li>
        ))}
      </ol>
    </section>
  );
}

export function IndicatorPanel({ report, noPlan = false, trend, ranking, onOpenUnit }: Props) {
  const t = useT();
  if (noPlan)
    return (
      <aside className="panel indicator-panel" data-testid="no-plan">
        <p>{t.noPlan}</p>
      </aside>
    );
  if (!report) return <aside className="panel indicator-panel">{t.loading}</aside>;
  const series = (id: string) => trend?.points.map((p) => p.indicators.find((i) => i.id === id)?.value ?? null) ?? [];
  return (
    <aside className="panel indicator-panel" aria-label={t.indicators} data-testid="indicator-panel">
      <h2>
        {t.indicators} — {report.unit ? unitDisplayName(report.unit) : t.province}
      </h2>
      <div className="cards">
        {report.indicators.map((i) => (
          <IndicatorCard key={i.id} indicator={i} trend={series(i.id)} />
        ))}
      </div>
      {ranking && ranking.units.length > 0 && <RankingList ranking={ranking} onOpenUnit={onOpenUnit} />}
    </aside>
  );
}
