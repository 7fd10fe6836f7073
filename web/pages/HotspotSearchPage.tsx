// Police search: filters (area, kind, status, activity, active period, free text without diacritics), a paged
// table, and the same list as CSV, XLSX or GeoJSON.
import { useState } from 'react';
import { parseVnDate } from '../../geo/dates';
import { HOTSPOT_ACTIVITIES, HOTSPOT_KINDS, HOTSPOT_STATUSES } from '../../geo/hotspots';
import { hotspotExportUrl, searchHotspots, type HotspotFilters } from '../api/client';
import { useT } from '../i18n/context';
import { formatDate } from '../i18n/format';
import type { MapData } from '../map/boundaries';
import { useServerQuery } from '../api/queries';
import { unitDisplayName } from '../../geo/unit-names';

const PAGE = 50;

export function HotspotSearchPage({
  map,
  date,
  onOpenCommune,
}: {
  map: MapData | null;
  date: string | null;
  onOpenCommune(code: string): void;
}) {
  const t = useT();
  const [form, setForm] = useState({ q: '', within: '', kind: '', status: '', activity: '', from: '', to: '' });
  const [query, setQuery] = useState<HotspotFilters>({});
  const [offset, setOffset] = useState(0);
  const set = (patch: Partial<typeof form>) => setForm((f) => ({ ...f, ...patch }));
  const full: HotspotFilters = { ...query, ...(date ? { date } : {}) };
  const result = useServerQuery(['search', full, offset], () =>
    searchHotspots({ ...full, limit: String(PAGE), offset: String(offset) }),
  );
  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    const from = form.from ? parseVnDate(form.from) : null;
    const to = form.to ? parseVnDate(form.to) : null;
    const q: Record<string, string> = {};
    for (const [k, v] of Object.entries({
      q: form.q.trim(),
      within: form.within,
      kind: form.kind,
      status: form.status,
      activity: form.activity,
    }))
      if (v) q[k] = v;
    if (from) q.from = from;
    if (to) q.to = to;
    setQuery(q as HotspotFilters);
    setOffset(0);
  };
  const districts =
    map?.districts.features.map((f) => f.properties as { code: string; name: string; type: string }) ?? [];
  const rows = result.data?.features ?? [];
  const total = result.data?.total ?? 0;
  return (
    <section className="page" data-testid="search-page">
      <h2>{t.hs.title}</h2>
      <form className="inline-form" onSubmit={submit} data-testid="search-form">
        <input
          name="q"
          placeholder={t.hs.text}
          aria-label={t.hs.text}
          value={form.q}
          onChange={(e) => set({ q: e.target.value })}
          size={24}
        />
        <select
          name="within"
          aria-label={t.chooseUnit}
          value={form.within}
          onChange={(e) => set({ within: e.target.value })}
        >
          <option value="">{t.province}</option>
          {districts.map((d) => (
            <option key={d.code} value={d.code}>
              {unitDisplayName(d)}
            </option>
          ))}
        </select>
        <select name="kind" aria-label={t.hs.kind} value={form.kind} onChange={(e) => set({ kind: e.target.value })}>
          <option value="">{t.hs.kind}</option>
          {HOTSPOT_KINDS.map((k) => (
            <option key={k} value={k}>
              {t.hs.kinds[k]}
            </option>
          ))}
        </select>
        <select
          name="status"
          aria-label={t.wf.statusCol}
          value={form.status}
          onChange={(e) => set({ status: e.target.value })}
        >
          <option value="">{t.wf.statusCol}</option>
          {HOTSPOT_STATUSES.map((s) => (
            <option key={s} value={s}>
              {t.hotspotStatus[s]}
            </option>
          ))}
        </select>
        <select
          name="activity"
          aria-label={t.hs.activity}
          value={form.activity}
          onChange={(e) => set({ activity: e.target.value })}
        >
          <option value="">{t.hs.activity}</option>
          {HOTSPOT_ACTIVITIES.map((a) => (
            <option key={a} value={a}>
              {t.hs.activities[a]}
            </option>
          ))}
        </select>
        <input
          name="from"
          placeholder={`${t.hs.activeFrom} dd/mm/yyyy`}
          aria-label={t.hs.activeFrom}
          value={form.from}
          onChange={(e) => set({ from: e.target.value })}
          size={14}
        />
        <input
          name="to"
          placeholder={`${t.hs.activeTo} dd/mm/yyyy`}
          aria-label={t.hs.activeTo}
          value={form.to}
          onChange={(e) => set({ to: e.target.value })}
          size={14}
        />
        <button type="submit">{t.hs.search}</button>
      </form>
      <p className="actions">
        <span data-testid="search-total">{t.hs.found(total)}</span>
        {(['csv', 'xlsx', 'geojson'] as const).map((f) => (
          <a key={f} href={hotspotExportUrl(full, f)} download data-testid={`export-${f}`}>
            {f.toUpperCase()}
          </a>
        ))}
      </p>
      <table className="grid">
        <thead>
          <tr>
            <th>#</th>
            <th>{t.hs.address}</th>
            <th>{t.wf.commune}</th>
            <th>{t.hs.kind}</th>
            <th>{t.hs.activity}</th>
            <th>{t.wf.statusCol}</th>
            <th>{t.since}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((f) => {
            const p = f.properties;
            const c = map?.names.get(p.communeCode);
            return (
              <tr key={p.id} data-testid={`hotspot-${p.id}`}>
                <td>{p.id}</td>
                <td>{p.address}</td>
                <td>
                  <button className="link" onClick={() => onOpenCommune(p.communeCode)}>
                    {c ? unitDisplayName(c) : p.communeCode}
                  </button>
                </td>
                <td>{t.hs.kinds[p.kind]}</td>
                <td>{p.activities.map((a) => t.hs.activities[a]).join(', ')}</td>
                <td>{t.hotspotStatus[p.status]}</td>
                <td>{formatDate(p.since)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <p className="actions">
        <button disabled={offset === 0} onClick={() => setOffset(Math.max(0, offset - PAGE))}>
          ‹
        </button>
        <span>{total ? `${offset + 1}–${Math.min(offset + PAGE, total)} / ${total}` : ''}</span>
        <button disabled={offset + PAGE >= total} onClick={() => setOffset(offset + PAGE)}>
          ›
        </button>
      </p>
    </section>
  );
}
