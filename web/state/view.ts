// The view a URL describes (plan, unit, date, commune, layers, language, large type, presentation, comparison):
// parse and serialise.
import { isIsoDate } from '../../geo/dates';
import type { Lang } from '../i18n/messages';

export const PAGES = [
  'map',
  'search',
  'operations',
  'area',
  'queue',
  'reports',
  'users',
  'audit',
  'import',
  'account',
] as const;
export type Page = (typeof PAGES)[number];

export interface ViewState {
  page: Page;
  plan: string | null;
  unit: string | null;
  date: string | null;
  commune: string | null;
  /** The crackdown operation opened on the map. */
  op: number | null;
  hotspots: boolean;
  operations: boolean;
  heatmap: boolean;
  lang: Lang;
  large: boolean;
  /** The meeting's presentation layout (projector). */
  present: boolean;
  /** The date the map is compared with (two maps side by side), or null. */
  compare: string | null;
}

export const DEFAULT_VIEW: ViewState = {
  page: 'map',
  plan: null,
  unit: null,
  date: null,
  commune: null,
  op: null,
  hotspots: false,
  operations: false,
  heatmap: false,
  lang: 'vi',
  large: false,
  present: false,
  compare: null,
};

const CODE = /^\d{2,6}$/;
const PLAN = /^[a-z0-9-]{1,40}$/;

/** Unknown or malformed parameters fall back to the default: a bad link still opens the dashboard. */
export function parseView(search: string): ViewState {
  const q = new URLSearchParams(search);
  const pick = (key: string, ok: (v: string) => boolean) => {
    const v = q.get(key);
    return v !== null && ok(v) ? v : null;
  };
  const layers = (q.get('layers') ?? '').split(',');
  const page = q.get('page');
  return {
    page: (PAGES as readonly string[]).includes(page ?? '') ? (page as Page) : 'map',
    plan: pick('plan', (v) => PLAN.test(v)),
    unit: pick('unit', (v) => CODE.test(v)),
    date: pick('date', isIsoDate),
    commune: pick('commune', (v) => CODE.test(v)),
    op: Number(pick('op', (v) => /^[1-9]\d{0,8}$/.test(v))) || null,
    hotspots: layers.includes('hotspots'),
    operations: layers.includes('operations'),
    heatmap: layers.includes('heatmap'),
    lang: q.get('lang') === 'en' ? 'en' : 'vi',
    large: q.get('large') === '1',
    present: q.get('present') === '1',
    compare: pick('compare', isIsoDate),
  };
}

export function serializeView(v: ViewState): string {
  const q = new URLSearchParams();
  if (v.page !== 'map') q.set('page', v.page);
  if (v.plan) q.set('plan', v.plan);
  if (v.unit) q.set('unit', v.unit);
  if (v.date) q.set('date', v.date);
  if (v.commune) q.set('commune', v.commune);
  if (v.op) q.set('op', String(v.op));
  const layers = [v.hotspots && 'hotspots', v.heatmap && 'heatmap', v.operations && 'operations'].filter(Boolean);
  if (layers.length) q.set('layers', layers.join(','));
  if (v.lang !== 'vi') q.set('lang', v.lang);
  if (v.large) q.set('large', '1');
  if (v.present) q.set('present', '1');
  if (v.compare) q.set('compare', v.compare);
  const s = q.toString();
  return s ? `?${s}` : '';
}
