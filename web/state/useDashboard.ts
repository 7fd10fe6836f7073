// Every request the dashboard makes, keyed by the view: geometry once, then light reads per date, plan and unit.
import { useEffect, useMemo, useRef, useState } from 'react';
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
  fetchStatuses,
  fetchTrend,
  prefetchStatuses,
  type Health,
  type Plan,
} from '../api/client';
import { displayTier, type DisplayTier } from '../../geo/display';
import { decodeBoundaries, type MapData } from '../map/boundaries';
import { RETRY_MS, useRequest } from './useRequest';
import { useDebounced } from './useDebounced';

const PANEL_DELAY_MS = 150;
import type { ViewState } from './view';
import type { LiveRevisions } from './useLiveEvents';

function useBase(date: string | null) {
  const firstDate = useRef(date);
  const [base, setBase] = useState<{ health: Health; plans: Plan[]; map: MapData; mapId: string } | null>(null);
  const [error, setError] = useState<Error | null>(null);
  useEffect(() => {
    let stop = false;
    let timer: ReturnType<typeof setTimeout>;
    const load = async () => {
      try {
        const [health, plans] = await Promise.all([fetchHealth(), fetchPlans()]);
        // The first statuses travel alongside the geometry instead of after it.
        prefetchStatuses([firstDate.current ?? health.today]);
        const first = vintageOf(health, firstDate.current ?? health.today);
        const topo = await fetchBoundaries(first.key, first.from, tierZoom(FIRST_TIER));
        if (!stop) {
          setBase({ health, plans: plans.plans, map: decodeBoundaries(topo), mapId: `${first.key}|${FIRST_TIER}` });
          setError(null);
        }
      } catch (e) {
        if (stop) return;
        setError(e instanceof Error ? e : new Error(String(e)));
        timer = setTimeout(load, RETRY_MS);
      }
    };
    void load();
    return () => {
      stop = true;
      clearTimeout(timer);
    };
  }, []);
  return { base, error };
}

/** A province fits the screen around zoom 9: its geometry comes simplified for that until the map says otherwise. */
const FIRST_TIER: DisplayTier = displayTier(9);
const tierZoom = (tier: DisplayTier) => (tier === 'full' ? undefined : tier);

/** The boundary vintage holding the date (the one of today when the date lies outside every vintage). */
function vintageOf(health: Health, date: string): { key: string; from?: string } {
  return health.vintages.find((v) => v.from <= date && (v.to === null || date < v.to)) ?? { key: health.boundaryKey };
}

/**
 * The map geometry for the date's vintage (old communes and districts before 1/7/2025, the new ones after) at the
 * zoom tier the map is drawn at; the previous geometry stays on screen while the next one loads.
 */
function useGeometry(base: ReturnType<typeof useBase>['base'], date: string | null, zoom: number | null) {
  const [shown, setShown] = useState<{ id: string; map: MapData } | null>(null);
  const tier = zoom === null ? FIRST_TIER : displayTier(Math.round(zoom));
  const vintage = base && date ? vintageOf(base.health, date) : null;
  const wanted = vintage ? `${vintage.key}|${tier}` : null;
  useEffect(() => {
    if (!base || !vintage || !wanted || wanted === base.mapId || wanted === shown?.id) return;
    let stop = false;
    fetchBoundaries(vintage.key, vintage.from, tierZoom(tier)).then(
      (topo) => !stop && setShown({ id: wanted, map: decodeBoundaries(topo) }),
      () => {}, // kept on the current geometry; the next date or zoom asks again
    );
    return () => {
      stop = true;
    };
  }, [base, wanted]); // eslint-disable-line react-hooks/exhaustive-deps
  const map = !base || wanted === base.mapId || !shown ? null : shown.map;
  return useMemo(() => (base && map ? { ...base, map } : base), [base, map]);
}

function choosePlan(plans: Plan[], wanted: string | null, date: string): Plan | null {
  return (
    plans.find((p) => p.id === wanted) ??
    plans.find((p) => p.start <= date && date <= p.end) ??
    plans[plans.length - 1] ??
    null
  );
}

export function useDashboard(view: ViewState, live: LiveRevisions, readProposals: boolean, zoom: number | null = null) {
  const { base: loaded, error } = useBase(view.date);
  const today = loaded?.health.today ?? null;
  const date = view.date ?? today;
  const base = useGeometry(loaded, date, zoom);
  const plan = base && date ? choosePlan(base.plans, view.plan, date) : null;
  const unit = view.unit ?? undefined;
  const ready = plan && date;
  // An approved change (live.status) makes every status-derived read stale; a proposal event only the pending list.
  const v = live.status;
  const statuses = useRequest(date && base ? `s|${date}|${v}` : null, () => fetchStatuses(date!));
  // The map follows every slider step at once; the indicator panel once the date has rested briefly, so that
  // scrubbing or playing does not queue three reads per step behind the map's frames.
  const panelDate = useDebounced(date, PANEL_DELAY_MS);
  const panelReady = ready && panelDate;
  const indicators = useRequest(panelReady ? `i|${plan.id}|${unit}|${panelDate}|${v}` : null, () =>
    fetchIndicators(plan!.id, panelDate!, unit),
  );
  const trend = useRequest(panelReady ? `t|${plan.id}|${unit}|${panelDate}|${v}` : null, () =>
    fetchTrend(plan!.id, panelDate!, unit),
  );
  const ranking = useRequest(panelReady ? `r|${plan.id}|${unit}|${panelDate}|${v}` : null, () =>
    fetchRanking(plan!.id, panelDate!, unit),
  );
  const hotspots = useRequest(view.hotspots && date ? `h|${date}|${live.hotspot}` : null, () => fetchHotspots(date!));
  const commune = useRequest(
    view.commune && date ? `c|${view.commune}|${date}|${v}|${live.proposal}|${live.hotspot}` : null,
    () => fetchCommune(view.commune!, date!),
  );
  const pending = useRequest(readProposals && base ? `p|${live.proposal}|${v}` : null, () =>
    fetchProposals({ state: 'pending' }),
  );
  const flags = useRequest(base ? `f|${live.flag}` : null, fetchFlags);
  // Any failing read means the server is out of reach for now; every request retries on its own.
  const failure =
    error ??
    [statuses, indicators, trend, ranking, hotspots, commune, pending, flags].find((r) => r.error)?.error ??
    null;
  return {
    base,
    error: failure,
    today,
    date,
    plan,
    statuses,
    indicators,
    trend,
    ranking,
    hotspots,
    commune,
    pending,
    flags,
  };
}
