// Drug hotspots with lifecycles: born while a commune is complex, eliminated faster in well-performing
// districts, re-formed more often in poor ones, and cleared before a commune is declared transformed or drug-free.
import { addDays, type IsoDate } from '../../geo/dates';
import { checkLifecycle, HOTSPOT_ACTIVITIES, type HotspotActivity, type HotspotKind } from '../../geo/hotspots';
import type { CommuneStatus } from '../../geo/status';
import type { DatasetInput } from '../format';
import type { ProvinceModel } from './admin';
import { CommuneLocator } from './locate';
import { unitLabel } from './names';
import type { Profiles } from './profiles';
import type { Random } from './random';
import type { StatusDraft } from './timeline';

type HotspotInput = NonNullable<DatasetInput['hotspots']>[number];
type EventInput = HotspotInput['events'][number];

const MAX_REFORMS = 2;
const DISTRICTS_ABOLISHED = '2025-07-01';
const INTENSITY: Record<CommuneStatus | 'none', number> = {
  complex: 1,
  relapsed: 0.8,
  none: 0.5,
  transformed: 0.1,
  drug_free: 0,
};
const PLACES = ['Khu vực bờ kênh', 'Nhà trọ', 'Quán cà phê', 'Bãi đất trống gần chợ', 'Nhà hoang', 'Khu vực bến đò'];
const ELIMINATION_NOTES = [
  'Triệt xóa trong đợt cao điểm tấn công trấn áp tội phạm ma túy',
  'Bắt quả tang, khởi tố đối tượng; điểm không còn hoạt động',
  'Giải tán, đưa người nghiện đi cai nghiện bắt buộc',
];

/** Status steps of one commune, by date. */
type Steps = { status: CommuneStatus; date: IsoDate }[];

function stepsByCommune(drafts: readonly StatusDraft[], communes: number): Steps[] {
  const out: Steps[] = Array.from({ length: communes }, () => []);
  for (const d of drafts) out[d.commune]!.push({ status: d.status, date: d.date });
  for (const s of out) s.sort((a, b) => a.date.localeCompare(b.date));
  return out;
}

function intensityAt(steps: Steps, date: IsoDate): number {
  let status: CommuneStatus | 'none' = 'none';
  for (const s of steps) if (s.date <= date) status = s.status;
  return INTENSITY[status];
}

/** First date in (from, to] at which the commune becomes transformed or drug-free. */
function clearedBetween(steps: Steps, from: IsoDate, to: IsoDate): IsoDate | null {
  const hit = steps.find(
    (s) => s.date > from && s.date <= to && (s.status === 'transformed' || s.status === 'drug_free'),
  );
  return hit?.date ?? null;
}

interface Context {
  model: ProvinceModel;
  profiles: Profiles;
  steps: Steps[];
  until: IsoDate;
  rng: Random;
}

/** Events from detection: eliminations after a performance-dependent delay, possible re-formations. */
function lifecycle(ctx: Context, commune: number, detected: IsoDate): EventInput[] {
  const { rng, until } = ctx;
  const steps = ctx.steps[commune]!;
  const q = ctx.profiles.quality[ctx.model.communes[commune]!.district]!;
  const events: EventInput[] = [{ kind: 'detected', date: detected, note: '' }];
  let current = detected;
  for (let reforms = 0; ; reforms++) {
    const meanDays = 60 + 1100 * (1 - q) ** 1.3;
    let eliminated = addDays(current, Math.max(20, Math.round(-meanDays * Math.log(1 - rng.next()))));
    const cleared = clearedBetween(steps, current, eliminated);
    if (cleared) {
      const before = addDays(cleared, -rng.int(3, 40));
      eliminated = before > current ? before : current;
    }
    if (eliminated > until) return events;
    events.push({ kind: 'eliminated', date: eliminated, note: rng.pick(ELIMINATION_NOTES) });
    if (reforms === MAX_REFORMS || !rng.chance(0.03 + 0.45 * (1 - q))) return events;
    const reformed = addDays(eliminated, rng.int(60, 420));
    if (reformed > until || intensityAt(steps, reformed) < 0.5) return events;
    events.push({ kind: 'reformed', date: reformed, note: 'Phát hiện hoạt động trở lại sau triệt xóa' });
    current = reformed;
  }
}

function activitiesFor(kind: HotspotKind, rng: Random): HotspotActivity[] {
  const pool: HotspotActivity[] =
    kind === 'diem' ? ['selling', 'using'] : ['organising_use', 'harbouring', 'using', 'selling'];
  const picked = new Set(rng.shuffle(pool).slice(0, rng.int(1, kind === 'diem' ? 2 : 3)));
  return HOTSPOT_ACTIVITIES.filter((a) => picked.has(a));
}

function describe(kind: HotspotKind, activities: readonly HotspotActivity[]): string {
  if (kind === 'diem')
    return activities.includes('selling') ? 'Điểm bán lẻ trái phép chất ma túy' : 'Điểm sử dụng trái phép chất ma túy';
  if (activities.includes('organising_use')) return 'Tụ điểm tổ chức sử dụng trái phép chất ma túy';
  return activities.includes('harbouring')
    ? 'Tụ điểm chứa chấp việc sử dụng trái phép chất ma túy'
    : 'Tụ điểm tụ tập sử dụng, mua bán trái phép chất ma túy';
}

function source(ctx: Context, commune: number, detected: IsoDate): string {
  if (ctx.rng.chance(0.25)) return 'Tin báo của quần chúng nhân dân';
  const c = ctx.model.communes[commune]!;
  if (detected >= DISTRICTS_ABOLISHED) return `Công an ${unitLabel(c.type, c.name)}`;
  const d = ctx.model.districts[c.district]!;
  return `Công an ${unitLabel(d.type, d.name)}`;
}

function makeHotspot(ctx: Context, locator: CommuneLocator, commune: number, detected: IsoDate): HotspotInput {
  const { rng } = ctx;
  const c = ctx.model.communes[commune]!;
  const hamlet = rng.int(0, c.hamlets - 1);
  const kind: HotspotKind = rng.chance(0.3) ? 'tu_diem' : 'diem';
  const activities = activitiesFor(kind, rng);
  const area = `${c.type === 'Xã' ? 'ấp' : 'khóm'} ${hamlet + 1}, ${unitLabel(c.type, c.name)}`;
  const address = rng.chance(0.3) ? `${rng.pick(PLACES)}, ${area}` : area.charAt(0).toUpperCase() + area.slice(1);
  const location = locator.near(hamlet);
  const events = lifecycle(ctx, commune, detected);
  const problem = checkLifecycle(events);
  if (problem) throw new Error(`demo: invalid hotspot lifecycle (${problem.problem})`);
  return {
    ref: '',
    location,
    address,
    kind,
    activities,
    description: describe(kind, activities),
    source: source(ctx, commune, detected),
    events,
  };
}

/** Detection dates for one commune: some before the 2021 plan, then monthly at a status-dependent rate. */
function detections(ctx: Context, commune: number): IsoDate[] {
  const { rng, until } = ctx;
  const steps = ctx.steps[commune]!;
  const s = ctx.profiles.severity[commune]!;
  const q = ctx.profiles.quality[ctx.model.communes[commune]!.district]!;
  const dates: IsoDate[] = [];
  const atStart = steps[0] && steps[0].date <= '2021-03-31' ? INTENSITY[steps[0].status] : INTENSITY.none;
  for (let k = rng.poisson((1.5 + 5 * s) * atStart); k > 0; k--) dates.push(addDays('2020-01-06', rng.int(0, 357)));
  for (let i = 0; ; i++) {
    const first = `${2021 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}-01`;
    if (first > until) break;
    const yearly = intensityAt(steps, addDays(first, 14)) * (0.45 + 1.6 * s) * (1.5 - 0.8 * q);
    for (let k = rng.poisson(yearly / 12); k > 0; k--) {
      const date = addDays(first, rng.int(0, 27));
      if (date <= until) dates.push(date);
    }
  }
  return dates.filter((d) => d <= until).sort();
}

/** All hotspots, in order of first detection, with refs "hs-0001"…. */
export function makeHotspots(
  model: ProvinceModel,
  profiles: Profiles,
  drafts: readonly StatusDraft[],
  until: IsoDate,
  rng: Random,
): HotspotInput[] {
  const ctx: Context = { model, profiles, steps: stepsByCommune(drafts, model.communes.length), until, rng };
  const all: { commune: number; hotspot: HotspotInput }[] = [];
  model.communes.forEach((c, i) => {
    const locator = new CommuneLocator(c, rng);
    for (const date of detections(ctx, i)) all.push({ commune: i, hotspot: makeHotspot(ctx, locator, i, date) });
  });
  all.sort((a, b) => a.hotspot.events[0]!.date.localeCompare(b.hotspot.events[0]!.date) || a.commune - b.commune);
  return all.map(({ hotspot }, k) => ({ ...hotspot, ref: `hs-${String(k + 1).padStart(4, '0')}` }));
}
