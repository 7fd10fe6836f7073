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

const EMPTY_FORM = { q: '', within: '', kind: '', status: '', activity: '', from: '', to: '' };
type SearchForm = typeof EMPTY_FORM;
type District = { code: string; name: string; type: string };
type HotspotRow = Awaited<ReturnType<typeof searchHotspots>>['features'][number];

/** The form as the server's filters: blank fields left out, the dates read from dd/mm/yyyy (unreadable: left out). */
function toFilters(form: SearchForm): HotspotFilters {
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
  return q as HotspotFilters;
}

/** The filters searched (a new search starts at the first page) and the page of results on the date shown. */
function useHotspotSearch(date: string | null) {
  const [query, setQuery] = useState<HotspotFilters>({});
  const [offset, setOffset] = useState(0);
  const full: HotspotFilters = { ...query, ...(date ? { date } : {}) };
  const result = useServerQuery(['search', full, offset], () =>
    searchHotspots({ ...full, limit: String(PAGE), offset: String(offset) }),
  );
  const search = (filters: HotspotFilters) => {
    setQuery(filters);
    setOffset(0);
  };
  return { full, offset, setOffset, search, rows: result.data?.features ?? [], total: result.data?.total ?? 0 };
}

/** A filter list whose empty choice ("any") comes first. */
function FilterSelect({
  name,
  label,
  any,
  value,
  options,
  onChange,
}: {
  name: string;
  label: string;
  any: string;
  value: string;
  options: { value: string; text: string }[];
  onChange(value: string): void;
}) {
  return (
    <select name={name} aria-label={label} value={value} onChange={(e) => onChange(e.target.value)}>
      <option value="">{any}</option>
      {options.map((o) => (
        <option key={o.value} value={o.value}>
          {o.text}
        </option>
      ))}
    </select>
  );
}

function DateFilter({
  name,
  label,
  value,
  onChange,
}: {
  name: 'from' | 'to';
  label: string;
  value: string;
  onChange(value: string): void;
}) {
  return (
    <input
      name={name}
      placeholder={`${label} dd/mm/yyyy`}
      aria-label={label}
      value={value}
      onChange={(e) => onChange(e.target.value)}
      size={14}
    />
  );
}

function SearchFilters({ districts, onSearch }: { districts: District[]; onSearch(filters: HotspotFilters): void }) {
  const t = useT();
  const [form, setForm] = useState(EMPTY_FORM);
  const set = (patch: Partial<SearchForm>) => setForm((f) => ({ ...f, ...patch }));
  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    onSearch(toFilters(form));
  };
  return (
    <form className="inline-form" onSubmit={submit} data-testid="search-form">
      <input
        name="q"
        placeholder={t.hs.text}
        aria-label={t.hs.text}
        value={form.q}
        onChange={(e) => set({ q: e.target.value })}
        size={24}
      />
      <FilterSelect
        name="within"
        label={t.chooseUnit}
        any={t.province}
        value={form.within}
        options={districts.map((d) => ({ value: d.code, text: unitDisplayName(d) }))}
        onChange={(within) => set({ within })}
      />
      <FilterSelect
        name="kind"
        label={t.hs.kind}
        any={t.hs.kind}
        value={form.kind}
        options={HOTSPOT_KINDS.map((k) => ({ value: k, text: t.hs.kinds[k] }))}
        onChange={(kind) => set({ kind })}
      />
      <FilterSelect
        name="status"
        label={t.wf.statusCol}
        any={t.wf.statusCol}
        value={form.status}
        options={HOTSPOT_STATUSES.map((s) => ({ value: s, text: t.hotspotStatus[s] }))}
        onChange={(status) => set({ status })}
      />
      <FilterSelect
        name="activity"
        label={t.hs.activity}
        any={t.hs.activity}
        value={form.activity}
        options={HOTSPOT_ACTIVITIES.map((a) => ({ value: a, text: t.hs.activities[a] }))}
        onChange={(activity) => set({ activity })}
      />
      <DateFilter name="from" label={t.hs.activeFrom} value={form.from} onChange={(from) => set({ from })} />
      <DateFilter name="to" label={t.hs.activeTo} value={form.to} onChange={(to) => set({ to })} />
      <button type="submit">{t.hs.search}</button>
    </form>
  );
}

function TotalAndExports({ total, filters }: { total: number; filters: HotspotFilters }) {
  const t = useT();
  return (
    <p className="actions">
      <span data-testid="search-total">{t.hs.found(total)}</span>
      {(['csv', 'xlsx', 'geojson'] as const).map((f) => (
        <a key={f} href={hotspotExportUrl(filters, f)} download data-testid={`export-${f}`}>
          {f.toUpperCase()}
        </a>
      ))}
    </p>
  );
}

function ResultsTable({
  rows,
  map,
  onOpenCommune,
}: {
  rows: HotspotRow[];
  map: MapData | null;
  onOpenCommune(code: string): void;
}) {
  const t = useT();
  return (
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
  );
}

function Pager({ offset, total, onOffset }: { offset: number; total: number; onOffset(offset: number): void }) {
  return (
    <p className="actions">
      <button disabled={offset === 0} onClick={() => onOffset(Math.max(0, offset - PAGE))}>
        ‹
      </button>
      <span>{total ? `${offset + 1}–${Math.min(offset + PAGE, total)} / ${total}` : ''}</span>
      <button disabled={offset + PAGE >= total} onClick={() => onOffset(offset + PAGE)}>
        ›
      </button>
    </p>
  );
}

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
  const s = useHotspotSearch(date);
  const districts = map?.districts.features.map((f) => f.properties as District) ?? [];
  return (
    <section className="page" data-testid="search-page">
      <h2>{t.hs.title}</h2>
      <SearchFilters districts={districts} onSearch={s.search} />
      <TotalAndExports total={s.total} filters={s.full} />
      <ResultsTable rows={s.rows} map={map} onOpenCommune={onOpenCommune} />
      <Pager offset={s.offset} total={s.total} onOffset={s.setOffset} />
    </section>
  );
}
