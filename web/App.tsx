// The application shell: wires view state, data and panels; no business rules live here.
import { lazy, Suspense, useCallback, useMemo, useState, type ReactNode } from 'react';
import { addYears, minDate } from '../geo/dates';
import { UNIT_TYPE_LEVEL, type UnitType } from '../geo/units';
import { ApiError, errorText, fetchHealth, type IndicatorsReport } from './api/client';
import { formatDate } from './i18n/format';
import { MeContext, useCan } from './auth/context';
import { usePoliceTools } from './tools/usePoliceTools';
import { useLiveEvents } from './state/useLiveEvents';
import { LoginPage } from './auth/LoginPage';
import { useSession } from './auth/useSession';
import { useServerQuery } from './api/queries';
import { LangContext, useLang, useT } from './i18n/context';
import { MapView } from './map/MapView';
import { Breadcrumb } from './panels/Breadcrumb';
import { CommunePanel } from './panels/CommunePanel';
import { Header } from './panels/Header';
import { IndicatorPanel } from './panels/IndicatorPanel';
import { countStatuses, Legend } from './panels/Legend';
import { TimeBar } from './panels/TimeBar';
import { useDashboard } from './state/useDashboard';
import { Presentation } from './meeting/Presentation';
import { useViewState } from './state/useViewState';
import type { ViewState } from './state/view';

// Pages other than the map load on first use: the first map downloads only what it draws.
const AccountPage = lazy(() => import('./pages/AccountPage').then((m) => ({ default: m.AccountPage })));
const AuditPage = lazy(() => import('./pages/AuditPage').then((m) => ({ default: m.AuditPage })));
const ImportPage = lazy(() => import('./pages/ImportPage').then((m) => ({ default: m.ImportPage })));
const HotspotSearchPage = lazy(() =>
  import('./pages/HotspotSearchPage').then((m) => ({ default: m.HotspotSearchPage })),
);
const MyAreaPage = lazy(() => import('./pages/MyAreaPage').then((m) => ({ default: m.MyAreaPage })));
const OperationsPage = lazy(() => import('./pages/OperationsPage').then((m) => ({ default: m.OperationsPage })));
const QueuePage = lazy(() => import('./pages/QueuePage').then((m) => ({ default: m.QueuePage })));
const Comparison = lazy(() => import('./meeting/Comparison').then((m) => ({ default: m.Comparison })));
const ReportsPage = lazy(() => import('./pages/ReportsPage').then((m) => ({ default: m.ReportsPage })));
const UsersPage = lazy(() => import('./pages/UsersPage').then((m) => ({ default: m.UsersPage })));

function ErrorBanner({ error }: { error: Error }) {
  const t = useT();
  const lang = useLang();
  const refused = error instanceof ApiError && error.final;
  const text = refused ? errorText(error, lang) : `${t.apiDown} (${error.message})`;
  return (
    <div role="alert" className="error" data-testid="error">
      {text}
    </div>
  );
}

type Update = (patch: Partial<ViewState>) => void;
type DashboardData = ReturnType<typeof useDashboard>;
type PoliceTools = ReturnType<typeof usePoliceTools>;

/** The slider covers the plan; with no plan yet (real boundaries just imported), the boundary vintages up to today. */
function timeSpan(d: DashboardData) {
  const firstVintage = d.base?.health.vintages.map((v) => v.from).sort()[0];
  return !d.today
    ? null
    : d.plan
      ? { start: d.plan.start, end: minDate(d.plan.end, d.today), earliest: d.base?.plans[0]?.start ?? d.plan.start }
      : firstVintage && firstVintage < d.today
        ? { start: firstVintage, end: d.today, earliest: firstVintage }
        : null;
}

/** A comparison opens on a year earlier, or on the plan's first day when the plan is younger than a year. */
function compareFrom(d: DashboardData): string | null {
  if (!d.date) return null;
  const yearEarlier = addYears(d.date, -1);
  return d.plan && d.plan.start > yearEarlier && d.plan.start < d.date ? d.plan.start : yearEarlier;
}

/** The communes the legend counts (those of the focused unit) and those the map marks pending or flagged. */
function useCommuneCodes(d: DashboardData, unit: string | null) {
  const communeCodes = useMemo(
    () => d.base?.map.communes.features.map((f) => f.properties!.code as string) ?? [],
    [d.base],
  );
  const visibleCodes = unit
    ? communeCodes.filter((c) => d.base?.map.names.get(c)?.parentCode === unit || c === unit)
    : communeCodes;
  const pendingCodes = useMemo(() => (d.pending.data?.proposals ?? []).map((p) => p.commune.code), [d.pending.data]);
  const flaggedCodes = useMemo(() => (d.flags.data?.flags ?? []).map((f) => f.commune.code), [d.flags.data]);
  return { visibleCodes, pendingCodes, flaggedCodes };
}

/** Opening a unit: a commune opens its panel, a larger unit becomes the focus. */
function useUnitNavigation(d: DashboardData, update: Update) {
  const onSelect = useCallback((code: string) => update({ commune: code }), [update]);
  const onFocus = useCallback((code: string | null) => update({ unit: code, commune: null }), [update]);
  const onOpenUnit = useCallback(
    (code: string) =>
      UNIT_TYPE_LEVEL[d.base?.map.names.get(code)?.type as UnitType] === 'commune'
        ? update({ commune: code })
        : onFocus(code),
    [d.base, update, onFocus],
  );
  return { onSelect, onFocus, onOpenUnit };
}
type UnitNavigation = ReturnType<typeof useUnitNavigation>;

interface MapProps {
  view: ViewState;
  update: Update;
  d: DashboardData;
  police: PoliceTools;
  showHotspots: boolean;
  onZoom(zoom: number): void;
}

function MapColumn({ view, update, d, police, showHotspots, onZoom, nav }: MapProps & { nav: UnitNavigation }) {
  const t = useT();
  const statuses = d.statuses.data?.statuses ?? {};
  const { visibleCodes, pendingCodes, flaggedCodes } = useCommuneCodes(d, view.unit);
  const noStatus = d.statuses.data && Object.values(statuses).every((s) => s === null);
  const span = timeSpan(d);
  return (
    <div className="map-column">
      <Breadcrumb data={d.base?.map ?? null} focus={view.unit} onFocus={nav.onFocus} onOpen={nav.onOpenUnit} />
      <MapView
        data={d.base?.map ?? null}
        statuses={statuses}
        hotspots={d.hotspots.data ?? null}
        showHotspots={showHotspots}
        heatmap={view.heatmap}
        focus={view.unit}
        selected={view.commune}
        pending={pendingCodes}
        flagged={flaggedCodes}
        large={view.large}
        onSelect={nav.onSelect}
        onZoom={onZoom}
        {...police.mapProps}
      />
      {police.toolbar}
      {!d.base && !d.error && (
        <div className="loading" role="status">
          {t.loading}
        </div>
      )}
      {noStatus && (
        <div className="notice" role="status" data-testid="no-data">
          {t.noData}
        </div>
      )}
      <Legend
        counts={countStatuses(statuses, visibleCodes)}
        pending={pendingCodes.length > 0}
        flagged={flaggedCodes.length > 0}
      />
      {span && d.date && <TimeBar {...span} date={d.date} onChange={(date) => update({ date })} />}
    </div>
  );
}
/** Beside the map: a police tool's panel, else the commune open, else the indicators. */
function SidePanel({
  view,
  update,
  d,
  police,
  onOpenUnit,
}: Omit<MapProps, 'showHotspots' | 'onZoom'> & { onOpenUnit(code: string): void }) {
  if (police.panel) return police.panel;
  if (view.commune)
    return (
      <CommunePanel
        info={d.commune.data}
        loading={d.commune.loading}
        planId={d.plan?.id ?? null}
        today={d.today}
        onClose={() => update({ commune: null })}
        canPropose={d.commune.data?.canPropose ?? false}
      />
    );
  return (
    <IndicatorPanel
      report={d.indicators.data}
      noPlan={d.base?.plans.length === 0}
      trend={d.trend.data}
      ranking={d.ranking.data}
      reported={d.reported.data}
      onOpenUnit={onOpenUnit}
    />
  );
}

/** Printed from the browser: the plan and the date the figures are as of, under the title (hidden on screen). */
function PrintHeading({ report }: { report: IndicatorsReport | null }) {
  const t = useT();
  return report ? (
    <p className="print-only print-heading" data-testid="print-heading">
      {report.plan.title} — {t.meet.dataAsOf} {formatDate(report.asOf)}
    </p>
  ) : null;
}

function MapBody(props: MapProps) {
  const nav = useUnitNavigation(props.d, props.update);
  return (
    <>
      <PrintHeading report={props.d.indicators.data} />
      <div className="body">
        <MapColumn {...props} nav={nav} />
        <SidePanel {...props} onOpenUnit={nav.onOpenUnit} />
      </div>
    </>
  );
}

/** The presentation layout (projector): the same data, no editing, the date stepped by keys. */
function PresentingBody({
  view,
  update,
  d,
  onZoom,
}: {
  view: ViewState;
  update: Update;
  d: DashboardData;
  onZoom(z: number): void;
}) {
  const statuses = d.statuses.data?.statuses ?? {};
  const { visibleCodes } = useCommuneCodes(d, view.unit);
  const span = timeSpan(d);
  const leave = useCallback(() => {
    update({ present: false });
    if (document.fullscreenElement) document.exitFullscreen().catch(() => undefined);
  }, [update]);
  return (
    <Presentation
      view={view}
      title={d.base?.health.dataset ?? ''}
      map={d.base?.map ?? null}
      statuses={statuses}
      counts={countStatuses(statuses, visibleCodes)}
      report={d.indicators.data}
      ranking={d.ranking.data}
      timebar={span && d.date && <TimeBar {...span} date={d.date} onChange={(date) => update({ date })} keys />}
      onLeave={leave}
      onZoom={onZoom}
    />
  );
}

/** The page chosen, when the user may open it; otherwise the map (children). */
function ChosenPage({
  view,
  update,
  d,
  children,
}: {
  view: ViewState;
  update: Update;
  d: DashboardData;
  children: ReactNode;
}) {
  const can = useCan();
  if (view.page === 'search' && can('read_hotspot_details'))
    return (
      <HotspotSearchPage
        map={d.base?.map ?? null}
        date={d.date}
        onOpenCommune={(code) => update({ page: 'map', commune: code })}
      />
    );
  if (view.page === 'operations' && can('read_hotspot_details'))
    return <OperationsPage onOpen={(op) => update({ page: 'map', op, hotspots: true })} />;
  if (view.page === 'area' && can('propose'))
    return <MyAreaPage onOpen={(code) => update({ page: 'map', commune: code })} />;
  if (view.page === 'queue' && can('decide')) return <QueuePage />;
  if (view.page === 'reports' && can('read_proposals')) return <ReportsPage plan={d.plan?.id ?? null} date={d.date} />;
  if (view.page === 'users' && can('admin_users')) return <UsersPage />;
  if (view.page === 'audit' && can('read_audit')) return <AuditPage />;
  if (view.page === 'import' && can('manage_boundaries')) return <ImportPage demo={d.base?.health.demo ?? false} />;
  if (view.page === 'account') return <AccountPage />;
  return children;
}

function Dashboard({ view, update, onSignOut }: { view: ViewState; update: Update; onSignOut(): void }) {
  const t = useT();
  const can = useCan();
  useLiveEvents(true);
  const showHotspots = view.hotspots && can('read_hotspot_details');
  const [zoom, setZoom] = useState<number | null>(null);
  const d = useDashboard({ ...view, hotspots: showHotspots }, can('read_proposals'), zoom);
  const police = usePoliceTools({
    view,
    update,
    map: d.base?.map ?? null,
    date: d.date,
    today: d.today,
    canRead: can('read_hotspot_details'),
    canWrite: can('write_hotspots'),
  });
  if (view.present && view.page === 'map') return <PresentingBody view={view} update={update} d={d} onZoom={setZoom} />;
  return (
    <div className={`app${view.large ? ' large' : ''}`} data-testid="app">
      <Header
        dataset={d.base?.health.dataset ?? null}
        demo={d.base?.health.demo ?? false}
        plans={d.base?.plans ?? []}
        planId={d.plan?.id ?? null}
        view={view}
        update={update}
        onCompare={() => update({ compare: view.compare ? null : compareFrom(d), commune: null, present: false })}
        onSignOut={onSignOut}
      />
      {(d.error ?? police.error) && <ErrorBanner error={(d.error ?? police.error)!} />}
      <Suspense
        fallback={
          <div className="loading" role="status">
            {t.loading}
          </div>
        }
      >
        <ChosenPage view={view} update={update} d={d}>
          {view.compare ? (
            <Comparison view={view} update={update} d={d} zoom={zoom} onZoom={setZoom} />
          ) : (
            <MapBody view={view} update={update} d={d} police={police} showHotspots={showHotspots} onZoom={setZoom} />
          )}
        </ChosenPage>
      </Suspense>
    </div>
  );
}

function SignedOut({ expired, onSignedIn }: { expired: boolean; onSignedIn(): void }) {
  const health = useServerQuery(['health'], fetchHealth);
  return <LoginPage demo={health.data?.demo ?? false} expired={expired} onSignedIn={onSignedIn} />;
}

function Gate({ view, update }: { view: ViewState; update: Update }) {
  const t = useT();
  const { state, refresh, logout } = useSession();
  if (state.status === 'loading')
    return (
      <div className="loading" role="status">
        {t.loading}
      </div>
    );
  if (state.status === 'signed-out') return <SignedOut expired={state.expired} onSignedIn={() => void refresh()} />;
  if (state.status === 'error')
    return (
      <div role="alert" className="error" data-testid="error">
        {t.apiDown} ({state.error.message}) <button onClick={() => void refresh()}>{t.retry}</button>
      </div>
    );
  return (
    <MeContext.Provider value={state.me.user}>
      <Dashboard view={view} update={update} onSignOut={() => void logout()} />
    </MeContext.Provider>
  );
}

export function App() {
  const [view, update] = useViewState();
  return (
    <LangContext.Provider value={view.lang}>
      <Gate view={view} update={update} />
    </LangContext.Provider>
  );
}
