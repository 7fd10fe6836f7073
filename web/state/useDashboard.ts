// Every read the dashboard makes, keyed by the view: geometry once per vintage and zoom tier, then light reads per
// date, plan and unit. Reads go through TanStack Query (web/api/queries.ts); live events invalidate them.
import { useMemo, useState } from 'react';
import {
  fetchBoundaries,
  fetchCommune,
  fetchHealth,
  fetchHotspots,
  fetchIndicators,
  fetchPlans,
  fetchFlags,
  fetchProposals,
  fetchRanking,
  fetchReported,
  fetchStatuses,
  fetchTrend,
  type Health,
  type Plan,
  type StatusesReport,
} from '../api/client';
import { queryClient, useServerQuery } from '../api/queries';
import { displayTier, type DisplayTier } from '../../geo/display';
import { decodeBoundaries, type MapData } from '../map/boundaries';
import { useDebounced } from './useDebounced';
import type { ViewState } from './view';

const PANEL_DELAY_MS = 150;

interface Base {
  health: Health;
  plans: Plan[];
  map: MapData;
  mapId: string;
}
type Vintage = StatusesReport['vintage'];

/** A province fits the screen around zoom 9: its geometry comes simplified for that until the map says otherwise. */
const FIRST_TIER: DisplayTier = displayTier(9);
const tierZoom = (tier: DisplayTier) => (tier === 'full' ? undefined : tier);

/** Health, plans and the first statuses together; the statuses name the vintage whose geometry is drawn first. */
async function loadBase(firstDate: string | null): Promise<Base> {
  const [health, plans, statuses] = await Promise.all([
    fetchHealth(),
    fetchPlans(),
    fetchStatuses(firstDate ?? undefined),
  ]);
  queryClient.setQueryData(['statuses', statuses.asOf], statuses);
  const first = statuses.vintage;
  const topo = await fetchBoundaries(first.key, first.from ?? undefined, tierZoom(FIRST_TIER));
  return { health, plans: plans.plans, map: decodeBoundaries(topo), mapId: `${first.key}|${FIRST_TIER}` };
}

/**
 * The map geometry of the vintage the server names for the date shown (old communes and districts before 1/7/2025,
 * the new ones after) at the zoom tier the map is drawn at; the previous geometry stays on screen while the next loads.
 */
export function useGeometry(base: Base | null, vintage: Vintage | null, zoom: number | null) {
  const tier = zoom === null ? FIRST_TIER : displayTier(Math.round(zoom));
  const wanted = vintage ? `${vintage.key}|${tier}` : null;
  const other = base && vintage && wanted !== base.mapId;
  const geometry = useServerQuery(other ? ['boundaries', vintage.key, vintage.from, tier] : null, async () =>
    decodeBoundaries(await fetchBoundaries(vintage!.key, vintage!.from ?? undefined, tierZoom(tier))),
  );
  const map = other ? geometry.data : null;
  return useMemo(() => (base && map ? { ...base, map } : base), [base, map]);
}

/** The plan the user chose, else the one the server names for the date. */
function shownPlan(plans: Plan[], chosen: string | null, ofDate: string | null | undefined): Plan | null {
  return plans.find((p) => p.id === chosen) ?? plans.find((p) => p.id === ofDate) ?? null;
}

/** Warms the statuses of the dates a slider will visit: played back and forth, it restyles without waiting. */
export function prefetchStatuses(dates: readonly string[]): void {
  for (const date of dates)
    void queryClient.prefetchQuery({ queryKey: ['statuses', date], queryFn: () => fetchStatuses(date) });
}

export function useDashboard(view: ViewState, readProposals: boolean, zoom: number | null = null) {
  // The first view's date only: later dates are the statuses' business.
  const [firstDate] = useState(view.date);
  const loaded = useServerQuery(['base', firstDate], () => loadBase(firstDate));
  const today = loaded.data?.health.today ?? null;
  const date = view.date ?? today;
  const statuses = useServerQuery(date && loaded.data ? ['statuses', date] : null, () => fetchStatuses(date!));
  const base = useGeometry(loaded.data, statuses.data?.vintage ?? null, zoom);
  const plan = base ? shownPlan(base.plans, view.plan, statuses.data?.planId) : null;
  const unit = view.unit ?? undefined;
  // The map follows every slider step at once; the indicator panel once the date has rested briefly, so that
  // scrubbing or playing does not queue three reads per step behind the map's frames.
  const panelDate = useDebounced(date, PANEL_DELAY_MS);
  const panel = plan && panelDate ? ([plan.id, unit ?? null, panelDate] as const) : null;
  const indicators = useServerQuery(panel && ['indicators', ...panel], () =>
    fetchIndicators(plan!.id, panelDate!, unit),
  );
  const trend = useServerQuery(panel && ['trend', ...panel], () => fetchTrend(plan!.id, panelDate!, unit));
  const ranking = useServerQuery(panel && ['ranking', ...panel], () => fetchRanking(plan!.id, panelDate!, unit));
  const reported = useServerQuery(panel && ['reported', ...panel], () => fetchReported(plan!.id, panelDate!, unit));
  const hotspots = useServerQuery(view.hotspots && date ? ['hotspots', date] : null, () => fetchHotspots(date!));
  const commune = useServerQuery(view.commune && date ? ['commune', view.commune, date] : null, () =>
    fetchCommune(view.commune!, date!),
  );
  const pending = useServerQuery(readProposals && base ? ['proposals', 'pending'] : null, () =>
    fetchProposals({ state: 'pending' }),
  );
  const flags = useServerQuery(base ? ['flags'] : null, fetchFlags);
  // Any failing read means the server is out of reach for now; every request retries on its own.
  const failure =
    [loaded, statuses, indicators, trend, ranking, reported, hotspots, commune, pending, flags].find((r) => r.error)
      ?.error ?? null;
  return {
    /** The first geometry loaded: what another date's map (a comparison) starts from. */
    first: loaded.data,
    base,
    error: failure,
    today,
    date,
    plan,
    statuses,
    indicators,
    trend,
    ranking,
    reported,
    hotspots,
    commune,
    pending,
    flags,
  };
}
