// The application shell: loads boundaries and statuses, shows the demo banner, the legend and the map.
import { useEffect, useState } from 'react';
import { feature } from 'topojson-client';
import type { Topology } from 'topojson-specification';
import type { FeatureCollection } from 'geojson';
import { api, getJson } from './api/client';
import { vi } from './i18n/vi';
import { MapView, type MapLayers } from './map/MapView';
import { STATUS_COLORS, type StatusKey } from './map/style';

type Statuses = Record<string, { status: string; since: string } | null>;

async function loadLayers(boundaryKey: string): Promise<MapLayers> {
  const topo = await getJson<Topology>(await api.api.boundaries.$get({ query: { v: boundaryKey } }));
  const fc = (name: string) => feature(topo, topo.objects[name]!) as unknown as FeatureCollection;
  return { province: fc('province'), districts: fc('districts'), communes: fc('communes'), layers: fc('layers') };
}

function formatDate(iso: string): string {
  return `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;
}

export function App() {
  const [health, setHealth] = useState<{ demo: boolean; dataset: string | null; today: string; boundaryKey: string } | null>(null);
  const [layers, setLayers] = useState<MapLayers | null>(null);
  const [statuses, setStatuses] = useState<Statuses>({});
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    (async () => {
      const h = await getJson<{ demo: boolean; dataset: string | null; today: string; boundaryKey: string }>(await api.api.health.$get());
      setHealth(h);
      const [l, s] = await Promise.all([loadLayers(h.boundaryKey), api.api.statuses.$get({ query: { date: h.today } }).then((r) => getJson<{ statuses: Statuses }>(r))]);
      setLayers(l);
      setStatuses(s.statuses);
    })().catch((e: unknown) => setError(e instanceof Error ? e.message : String(e)));
  }, []);

  const counts: Record<StatusKey, number> = { drug_free: 0, complex: 0, transformed: 0, relapsed: 0, none: 0 };
  for (const entry of Object.values(statuses)) counts[(entry?.status ?? 'none') as StatusKey]++;

  return (
    <div className="app">
      <header>
        <h1>{vi.title}{health?.dataset ? ` — ${health.dataset}` : ''}</h1>
        {health?.demo && <span className="demo-badge" data-testid="demo-badge">{vi.demo}</span>}
        {health && <span className="as-of">{vi.asOf} {formatDate(health.today)}</span>}
      </header>
      {error && <div role="alert" className="error">{vi.apiDown}: {error}</div>}
      {!layers && !error && <div className="loading">{vi.loading}</div>}
      <MapView layers={layers} statuses={statuses} />
      <aside className="legend" aria-label="Chú giải">
        {(Object.keys(STATUS_COLORS) as StatusKey[]).map((k) => (
          <div key={k} className="legend-row">
            <span className="swatch" style={{ background: STATUS_COLORS[k] }} />
            {vi.status[k]} <strong>{counts[k]}</strong>
          </div>
        ))}
      </aside>
    </div>
  );
}
