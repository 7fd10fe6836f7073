// The indicator panel: a card per indicator for the focused unit (each listing what it counts), the district table,
// what changed in the period and the brief to hand out.
import { lazy, Suspense, useCallback, useState } from 'react';

// The meeting's dialogs load on first use: the first map downloads only what it draws.
const ChangesDialog = lazy(() => import('../meeting/ChangesDialog').then((m) => ({ default: m.ChangesDialog })));
const DistrictTable = lazy(() => import('../meeting/DistrictTable').then((m) => ({ default: m.DistrictTable })));
const AccountabilityDialog = lazy(() =>
  import('../meeting/AccountabilityDialog').then((m) => ({ default: m.AccountabilityDialog })),
);
const MembersDialog = lazy(() => import('../meeting/MembersDialog').then((m) => ({ default: m.MembersDialog })));
import {
  briefUrl,
  type Indicator,
  type IndicatorsReport,
  type Ranking,
  type Reported,
  type Trend,
} from '../api/client';
import { ReportedCards } from './ReportedCards';
import { useT } from '../i18n/context';
import { IndicatorCard } from './IndicatorCard';
import { periodStart } from '../../geo/dates';
import { unitDisplayName } from '../../geo/unit-names';

interface Props {
  report: IndicatorsReport | null;
  /** The database holds no plan yet (real boundaries just imported): nothing to measure against. */
  noPlan?: boolean;
  trend: Trend | null;
  ranking: Ranking | null;
  reported?: Reported | null;
  onOpenUnit(code: string): void;
}

type Dialog =
  | { kind: 'members'; id: Indicator['id'] }
  | { kind: 'table' }
  | { kind: 'changes' }
  | { kind: 'accountability' }
  | null;

/** The meeting's tools under the cards: the district table, what changed, the brief to hand out. */
function MeetingActions({
  report,
  ranking,
  open,
}: {
  report: IndicatorsReport;
  ranking: Ranking | null;
  open(d: Dialog): void;
}) {
  const t = useT();
  const from = periodStart(report.asOf, 'month');
  return (
    <nav className="meeting-actions" aria-label={t.meet.districtTable}>
      {ranking && ranking.units.length > 0 && (
        <button onClick={() => open({ kind: 'table' })} data-testid="open-district-table">
          {t.meet.districtTable}
        </button>
      )}
      <button onClick={() => open({ kind: 'changes' })} data-testid="open-changes">
        {t.meet.changes}
      </button>
      <button onClick={() => open({ kind: 'accountability' })} data-testid="open-accountability">
        {t.meet.accountability}
      </button>
      <span className="brief-links">
        {t.meet.brief}:{' '}
        <a href={briefUrl(report.asOf, from, 'a4')} download data-testid="brief-a4">
          A4
        </a>{' '}
        <a href={briefUrl(report.asOf, from, 'a3')} download>
          A3
        </a>
      </span>
    </nav>
  );
}

function OpenDialog({
  dialog,
  report,
  ranking,
  onOpenUnit,
  close,
}: {
  dialog: Dialog;
  report: IndicatorsReport;
  ranking: Ranking | null;
  onOpenUnit(code: string): void;
  close(): void;
}) {
  const unit = report.unit?.code ?? null;
  if (dialog?.kind === 'members')
    return (
      <MembersDialog
        id={dialog.id}
        plan={report.plan.id}
        date={report.asOf}
        unit={unit}
        onOpenUnit={onOpenUnit}
        onClose={close}
      />
    );
  if (dialog?.kind === 'table' && ranking)
    return (
      <DistrictTable
        ranking={ranking}
        plan={report.plan.id}
        date={report.asOf}
        parent={unit}
        onOpenUnit={onOpenUnit}
        onClose={close}
      />
    );
  if (dialog?.kind === 'accountability')
    return (
      <AccountabilityDialog
        plan={report.plan.id}
        date={report.asOf}
        unit={unit}
        onOpenUnit={onOpenUnit}
        onClose={close}
      />
    );
  if (dialog?.kind === 'changes')
    return <ChangesDialog date={report.asOf} unit={unit} onOpenUnit={onOpenUnit} onClose={close} />;
  return null;
}

export function IndicatorPanel({ report, noPlan = false, trend, ranking, reported = null, onOpenUnit }: Props) {
  const t = useT();
  const [dialog, setDialog] = useState<Dialog>(null);
  const close = useCallback(() => setDialog(null), []);
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
          <IndicatorCard
            key={i.id}
            indicator={i}
            trend={series(i.id)}
            onOpen={(id) => setDialog({ kind: 'members', id })}
          />
        ))}
      </div>
      <ReportedCards report={reported} />
      <MeetingActions report={report} ranking={ranking} open={setDialog} />
      <Suspense fallback={null}>
        <OpenDialog dialog={dialog} report={report} ranking={ranking} onOpenUnit={onOpenUnit} close={close} />
      </Suspense>
    </aside>
  );
}
