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
  type Health,
  type Plan,
  type StatusesReport,
} from '../api/client';
import { displayTier, type DisplayTier } from '../../geo/display';
import { decodeBoundaries, type MapData } from '../map/boundaries';
import { RETRY_MS, useRequest } from './useRequest';
import { useDebounced } from './useDebounced';

import type { ViewState } from './view';
import type { LiveRevisions } from './useLiveEvents';

const PANEL_DELAY_MS = 150;

interface Base {
  health: Health;
  plans: Plan[];
  map: MapData;
  mapId: string;
}

function useBase(date: string | null) {
  const firstDate = useRef(date);
  const [base, setBase] = useState<Base | null>(null);
  const [error, setError] = useState<Error | null>(null);
  useEffect(() => {
    let stop = false;
    let timer: ReturnType<typeof setTimeout>;
    const load = async () => {
      try {
        // The first statuses come with health and plans, and name the vintage whose geometry to draw.
        const [health, plans, statuses] = await Promise.all([
          fetchHealth(),
          fetchPlans(),
          fetchStatuses(firstDate.current ?? undefined),
        ]);
        const first = statuses.vintage;
        const topo = await fetchBoundaries(first.key, first.from ?? undefined, tierZoom(FIRST_TIER));
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

type Vintage = StatusesReport['vintage'];

/**
 * The map geometry of the vintage the server names for the date shown (old communes and districts before 1/7/2025,
 * the new ones after) at the zoom tier the map is drawn at; the previous geometry stays on screen while the next loads.
 */
function useGeometry(base: Base | null, vintage: Vintage | null, zoom: number | null) {
  const [shown, setShown] = useState<{ id: string; map: MapData } | null>(null);
  const tier = zoom === null ? FIRST_TIER : displayTier(Math.round(zoom));
  const key = vintage?.key;
  const from = vintage?.from ?? undefined;
  const wanted = key ? `${key}|${tier}` : null;
  const shownId = shown?.id;
  useEffect(() => {
    if (!base || !key || !wanted || wanted === base.mapId || wanted === shownId) return;
    let stop = false;
    fetchBoundaries(key, from, tierZoom(tier)).then(
      (topo) => !stop && setShown({ id: wanted, map: decodeBoundaries(topo) }),
      () => {}, // kept on the current geometry; the next date or zoom asks again
    );
    return () => {
      stop = true;
    };
  }, [base, key, from, tier, wanted, shownId]);
  const map = !base || wanted === base.mapId || !shown ? null : shown.map;
  return useMemo(() => (base && map ? { ...base, map } : base), [base, map]);
}

/** The plan the user chose, else the one the server names for the date. */
function shownPlan(plans: Plan[], chosen: string | null, ofDate: string | null | undefined): Plan | null {
  return plans.find((p) => p.id === chosen) ?? plans.find((p) => p.id === ofDate) ?? null;
}

export function useDashboard(view: ViewState, live: LiveRevisions, readProposals: boolean, zoom: number | null = null) {
  const { base: loaded, error } = useBase(view.date);
  const today = loaded?.health.today ?? null;
  const date = view.date ?? today;
  // An approved change (live.status) makes every status-derived read stale; a proposal event only the pending list.
  const v = live.status;
  const statuses = useRequest(date && loaded ? `s|${date}|${v}` : null, () => fetchStatuses(date!));
  const base = useGeometry(loaded, statuses.data?.vintage ?? null, zoom);
  const plan = base ? shownPlan(base.plans, view.plan, statuses.data?.planId) : null;
  const unit = view.unit ?? undefined;
  const ready = plan && date;
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
