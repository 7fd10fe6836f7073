// Entry point of the demo generator: a fictional province as one dataset (data/format.ts), fully
// determined by the seed and the "today" date.
import { formatVnDate, isIsoDate, type IsoDate } from '../../geo/dates';
import { DATASET_FORMAT, DATASET_VERSION, type DatasetInput } from '../format';
import { buildProvince, type ProvinceModel } from './admin';
import { makeHotspots } from './hotspots';
import { PLANS } from './plans';
import { reportedValues } from './reported';
import { demoOfficials } from './officials';
import { makeProfiles } from './profiles';
import { Random } from './random';
import { recordStatuses } from './records';
import { TimelineBuilder, type SelectionDraft } from './timeline';
import { PROVINCE_NAME } from './names';

export const DEMO_SEED = 20261115;
/** The dataset's "today": nothing happens after it. */
export const DEMO_UNTIL = '2026-11-15';
const VALID_FROM = '2020-01-01';

export interface DemoOptions {
  seed?: number;
  until?: string;
}

function units(model: ProvinceModel): DatasetInput['units'] {
  const base = { validFrom: VALID_FROM, validTo: null };
  return [
    { ...base, code: '99', name: PROVINCE_NAME, type: 'Tỉnh', parentCode: null, geometry: model.geometry },
    ...model.districts.map((d) => ({
      ...base,
      code: d.code,
      name: d.name,
      type: d.type,
      parentCode: '99',
      geometry: d.geometry,
    })),
    ...model.communes.map((c) => ({
      ...base,
      code: c.code,
      name: c.name,
      type: c.type,
      parentCode: model.districts[c.district]!.code,
      geometry: c.geometry,
    })),
  ];
}

function selections(model: ProvinceModel, drafts: readonly SelectionDraft[]): NonNullable<DatasetInput['selections']> {
  return drafts
    .map((s) => ({ planId: s.planId, communeCode: model.communes[s.commune]!.code, selectedOn: s.date, note: s.note }))
    .sort(
      (a, b) =>
        a.planId.localeCompare(b.planId) ||
        a.selectedOn.localeCompare(b.selectedOn) ||
        a.communeCode.localeCompare(b.communeCode),
    );
}

function description(seed: number, until: IsoDate): string {
  return (
    `Tỉnh Sông Ngọc là tỉnh hư cấu: toàn bộ địa giới, địa danh, trạng thái địa bàn và điểm, tụ điểm ma túy ` +
    `đều là dữ liệu minh họa do máy tạo (hạt giống ${seed}, số liệu đến ngày ${formatVnDate(until)}), không phản ánh thực tế. ` +
    `Sông Ngọc is a fictional province: every boundary, place name, area status and drug hotspot is generated ` +
    `demo data (seed ${seed}, data up to ${until}) and reflects no real place or situation.`
  );
}

/** The whole demo province; the same options always give the same (byte-identical when serialised) dataset. */
export function generateDemoDataset(options: DemoOptions = {}): DatasetInput {
  const seed = options.seed ?? DEMO_SEED;
  const until = options.until ?? DEMO_UNTIL;
  if (!Number.isInteger(seed)) throw new Error(`demo: seed must be an integer, got ${seed}`);
  if (!isIsoDate(until)) throw new Error(`demo: until must be a date YYYY-MM-DD, got ${until}`);
  const model = buildProvince(seed);
  const profiles = makeProfiles(model, Random.derive(seed, 'profiles'));
  const districtOf = model.communes.map((c) => c.district);
  const timeline = new TimelineBuilder(profiles, districtOf, until, Random.derive(seed, 'timeline')).build();
  return {
    format: DATASET_FORMAT,
    version: DATASET_VERSION,
    meta: { name: `Tỉnh ${PROVINCE_NAME} (dữ liệu minh họa)`, demo: true, description: description(seed, until) },
    units: units(model),
    layers: model.landscape.rivers.map((r) => ({ kind: 'river' as const, name: r.name, geometry: r.geometry })),
    plans: structuredClone(PLANS),
    selections: selections(model, timeline.selections),
    statusChanges: recordStatuses(model, timeline.statuses, until, Random.derive(seed, 'records')),
    hotspots: makeHotspots(model, profiles, timeline.statuses, until, Random.derive(seed, 'hotspots')),
    reportedValues: reportedValues(model, PLANS, until, seed),
    officials: demoOfficials(model, seed),
  };
}
