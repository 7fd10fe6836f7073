// "Trình chiếu": the dashboard for a projector. Title with the province, plan and date; the map large; the six
// indicators in type legible from the back of a room; the legend in a strip under the map (it covers no commune); no
// editing. Keys: ← → step the date, Space plays, 1–6 focus an indicator (by district), Escape leaves.
import { useState } from 'react';
import type { Indicator, IndicatorsReport, Ranking } from '../api/client';
import { useLang, useT } from '../i18n/context';
import { formatDate } from '../i18n/format';
import { StatusMap } from './StatusMap';
import { LegendStrip } from './LegendStrip';
import type { StatusKey } from '../map/style';
import { formatExpected, formatTarget, formatValue, TRACK_WORDS, trackOf } from '../../geo/indicator-text';
import { unitDisplayName } from '../../geo/unit-names';
import type { ViewState } from '../state/view';
import { keyInField, useWindowKeys } from '../state/useWindowKeys';

function Tile({ i, focused }: { i: Indicator; focused: boolean }) {
  const t = useT();
  const lang = useLang();
  const track = trackOf(i);
  const due = formatExpected(i, lang);
  const fraction = i.numerator !== null && i.denominator !== null ? `${i.numerator}/${i.denominator}` : null;
  return (
    <article className={`tile track-${track}${focused ? ' focused' : ''}`} data-testid={`tile-${i.id}`}>
      <h3 className="tile-name">
        <span className="card-id">{i.id}</span> {t.indicator[i.id]}
      </h3>
      <p className="tile-value" data-testid={`tile-value-${i.id}`}>
        {formatValue(i, lang)} {fraction && <span className="tile-fraction">{fraction}</span>}
      </p>
      <p className="tile-line">
        {t.target} {formatTarget(i, lang)}
        {due && <> · {due}</>}
      </p>
      <p className="tile-line track">{TRACK_WORDS[track][lang]}</p>
    </article>
  );
}

/** The focused indicator for each district, best first as the numbers read. */
function ByDistrict({ id, ranking }: { id: Indicator['id']; ranking: Ranking | null }) {
  const lang = useLang();
  const rows = (ranking?.units ?? [])
    .map((u) => ({ u, i: u.indicators.find((x) => x.id === id)! }))
    .sort((a, b) => (b.i.value ?? -Infinity) - (a.i.value ?? -Infinity));
  return (
    <ol className="by-district" data-testid="tile-districts">
      {rows.map(({ u, i }) => (
        <li key={u.code} className={`track-${trackOf(i)}`}>
          <span>{unitDisplayName(u)}</span> <strong>{formatValue(i, lang)}</strong>
        </li>
      ))}
    </ol>
  );
}

function TitleBar({ title, report, onLeave }: { title: string; report: IndicatorsReport | null; onLeave(): void }) {
  const t = useT();
  return (
    <header className="present-title" data-testid="present-title">
      <div className="present-heading">
        <h1>{title}</h1>
        {report && (
          <p>
            {report.plan.title} · {t.meet.dataAsOf} {formatDate(report.asOf)}
          </p>
        )}
      </div>
      <button onClick={onLeave} data-testid="leave-presentation">
        {t.meet.leave}
      </button>
    </header>
  );
}

interface Props {
  view: ViewState;
  title: string;
  map: Parameters<typeof StatusMap>[0]['data'];
  statuses: Parameters<typeof StatusMap>[0]['statuses'];
  counts: Record<StatusKey, number>;
  report: IndicatorsReport | null;
  ranking: Ranking | null;
  timebar: React.ReactNode;
  onLeave(): void;
  onZoom(zoom: number): void;
}

export function Presentation({ view, title, map, statuses, counts, report, ranking, timebar, onLeave, onZoom }: Props) {
  const [focused, setFocused] = useState<Indicator['id'] | null>(null);
  useWindowKeys((e) => {
    if (keyInField(e)) return;
    const n = Number(e.key);
    const ids = report?.indicators.map((i) => i.id) ?? [];
    if (n >= 1 && n <= ids.length) setFocused((f) => (f === ids[n - 1] ? null : ids[n - 1]!));
    else if (e.key === 'Escape') {
      if (focused) setFocused(null);
      else onLeave();
    }
  });
  const shown = report?.indicators.filter((i) => !focused || i.id === focused) ?? [];
  return (
    <div className={`app present${view.large ? ' large' : ''}`} data-testid="presentation">
      <TitleBar title={title} report={report} onLeave={onLeave} />
      <div className="present-body">
        <div className="present-map" data-testid="present-map">
          <StatusMap data={map} statuses={statuses} focus={view.unit} large={view.large} onZoom={onZoom} />
        </div>
        <aside className={`present-tiles${focused ? ' one' : ''}`} data-testid="present-tiles">
          {shown.map((i) => (
            <Tile key={i.id} i={i} focused={focused === i.id} />
          ))}
          {focused && <ByDistrict id={focused} ranking={ranking} />}
        </aside>
      </div>
      <LegendStrip counts={counts} />
      {timebar}
    </div>
  );
}
