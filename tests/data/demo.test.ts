// The demo province generator: valid dataset, deterministic, clean topology, valid histories, useful indicators.
import { beforeAll, describe, expect, it } from 'vitest';
import * as turf from '@turf/turf';
import type { Feature, MultiPolygon, Polygon, Position } from 'geojson';
import { dataset, type Dataset, type DatasetUnit } from '../../data/format';
import { DEMO_UNTIL, generateDemoDataset } from '../../data/demo/generate';
import { checkLifecycle } from '../../geo/hotspots';
import { computeIndicators, type IndicatorInput, type PlanPeriod } from '../../geo/indicators';
import { checkTransition, effectiveHistory, type StatusRecord, type StatusStep } from '../../geo/status';

type Area = Polygon | MultiPolygon;

let raw: ReturnType<typeof generateDemoDataset>;
let data: Dataset;
let province: DatasetUnit;
let districts: DatasetUnit[];
let communes: DatasetUnit[];
let features: Feature<Area>[];
let boxes: number[][];

function boxesOverlap(a: number[], b: number[]): boolean {
  return a[0]! <= b[2]! && b[0]! <= a[2]! && a[1]! <= b[3]! && b[1]! <= a[3]!;
}

function ringsOf(g: Area): Position[][][] {
  return g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
}

/** Commune indices whose polygon contains the point. */
function communesAt(p: Position): number[] {
  const out: number[] = [];
  features.forEach((f, i) => {
    const [w, s, e, n] = boxes[i]!;
    if (p[0]! >= w! && p[0]! <= e! && p[1]! >= s! && p[1]! <= n! && turf.booleanPointInPolygon(p, f)) out.push(i);
  });
  return out;
}

/** Effective history per commune code (corrections applied), ids = position in statusChanges. */
function histories(d: Dataset): Map<string, StatusStep[]> {
  const idOfRef = new Map(d.statusChanges.map((s, i) => [s.ref, i + 1]));
  const records = new Map<string, StatusRecord[]>();
  d.statusChanges.forEach((s, i) => {
    const r: StatusRecord = {
      id: i + 1,
      status: s.status,
      effectiveDate: s.effectiveDate,
      correctsId: s.correctsRef ? idOfRef.get(s.correctsRef)! : null,
    };
    records.set(s.communeCode, [...(records.get(s.communeCode) ?? []), r]);
  });
  return new Map([...records].map(([code, list]) => [code, effectiveHistory(list)]));
}

function indicatorInput(d: Dataset, planId: string, within: Set<string>): IndicatorInput {
  const ids = new Map(communes.map((c, i) => [c.code, i]));
  const h = histories(d);
  return {
    communes: communes.map((c, id) => ({ id, history: h.get(c.code) ?? [] })),
    hotspots: d.hotspots.map((hs) => ({ communeId: communesAt(hs.location)[0]!, events: hs.events })),
    selections: d.selections
      .filter((s) => s.planId === planId)
      .map((s) => ({ communeId: ids.get(s.communeCode)!, selectedOn: s.selectedOn })),
    within: new Set([...within].map((code) => ids.get(code)!)),
  };
}

function planPeriod(d: Dataset, id: string): PlanPeriod {
  const p = d.plans.find((x) => x.id === id)!;
  return { start: p.start, end: p.end, targets: p.targets };
}

beforeAll(() => {
  raw = generateDemoDataset();
  data = dataset.parse(raw);
  province = data.units.find((u) => u.code.length === 2)!;
  districts = data.units.filter((u) => u.code.length === 3);
  communes = data.units.filter((u) => u.code.length === 5);
  features = communes.map((c) => turf.feature(c.geometry as Area));
  boxes = communes.map((c) => turf.bbox(c.geometry));
}, 60_000);

describe('demo dataset: format and determinism', () => {
  it('passes the dataset schema and is labelled as fictional demo data', () => {
    expect(() => dataset.parse(raw)).not.toThrow();
    expect(data.meta.demo).toBe(true);
    expect(data.meta.name).toContain('Sông Ngọc');
    expect(data.meta.name).toContain('minh họa');
    expect(data.meta.description).toContain('hư cấu');
    expect(data.meta.description).toContain('fictional');
    expect(
      data.layers.some((l) => l.kind === 'river' && l.name === 'Sông Ngọc' && l.geometry.type === 'LineString'),
    ).toBe(true);
  });

  it('gives the same dataset for the same seed and a different one for another seed', () => {
    const again = generateDemoDataset();
    expect(again).toEqual(raw);
    expect(JSON.stringify(again)).toBe(JSON.stringify(raw));
    expect(JSON.stringify(generateDemoDataset({ seed: 7 }))).not.toBe(JSON.stringify(raw));
  }, 60_000);

  it('stops every history at `until` and keeps the same map', () => {
    const until = '2023-06-30';
    const early = dataset.parse(generateDemoDataset({ until }));
    expect(early.units).toEqual(data.units);
    expect(early.statusChanges.every((s) => s.effectiveDate <= until && s.recordedAt.slice(0, 10) <= until)).toBe(true);
    expect(early.hotspots.flatMap((h) => h.events).every((e) => e.date <= until)).toBe(true);
    expect(early.selections.every((s) => s.selectedOn <= until)).toBe(true);
  }, 60_000);
});

describe('demo dataset: administrative units', () => {
  it('has one province, 9 districts and 100–160 communes with linked GSO codes', () => {
    expect(province).toMatchObject({
      code: '99',
      type: 'Tỉnh',
      parentCode: null,
      validFrom: '2020-01-01',
      validTo: null,
    });
    expect(districts.map((d) => d.code)).toEqual(['990', '991', '992', '993', '994', '995', '996', '997', '998']);
    expect(districts.every((d) => d.parentCode === '99')).toBe(true);
    expect(communes.length).toBeGreaterThanOrEqual(100);
    expect(communes.length).toBeLessThanOrEqual(160);
    expect(new Set(communes.map((c) => c.code)).size).toBe(communes.length);
    expect(communes.every((c) => /^99\d{3}$/.test(c.code) && districts.some((d) => d.code === c.parentCode))).toBe(
      true,
    );
  });

  it('names communes uniquely within each district, with Vietnamese diacritics and without the type word', () => {
    for (const d of districts) {
      const names = communes.filter((c) => c.parentCode === d.code).map((c) => c.name);
      expect(new Set(names).size).toBe(names.length);
    }
    // eslint-disable-next-line no-control-regex -- the range starts at NUL on purpose: any character outside ASCII
    expect(communes.filter((c) => /[^\u0000-\u007f]/.test(c.name)).length).toBeGreaterThan(communes.length / 2);
    expect(data.units.some((u) => /^(Xã|Phường|Thị trấn|Huyện|Thị xã|Thành phố|Tỉnh) /.test(u.name))).toBe(false);
  });

  it('uses the right unit types: one city, one town, seven rural districts with one township each', () => {
    const typesIn = (code: string) => communes.filter((c) => c.parentCode === code).map((c) => c.type);
    expect(districts.map((d) => d.type).sort()).toEqual([
      'Huyện',
      'Huyện',
      'Huyện',
      'Huyện',
      'Huyện',
      'Huyện',
      'Huyện',
      'Thành phố',
      'Thị xã',
    ]);
    for (const d of districts) {
      const types = typesIn(d.code);
      expect(types.length).toBeGreaterThanOrEqual(6);
      if (d.type === 'Huyện') {
        expect(types.filter((t) => t === 'Thị trấn')).toHaveLength(1);
        expect(types.filter((t) => t !== 'Thị trấn' && t !== 'Xã')).toHaveLength(0);
      } else {
        const wards = types.filter((t) => t === 'Phường').length;
        expect(types.every((t) => t === 'Phường' || t === 'Xã')).toBe(true);
        expect(wards).toBeGreaterThan(0);
        expect(types.length - wards).toBeGreaterThan(0);
        if (d.type === 'Thành phố') expect(wards).toBeGreaterThan(types.length / 2);
      }
    }
  });
});

describe('demo dataset: topology', () => {
  it('writes closed rings with RFC 7946 winding and at most 6 decimals', () => {
    for (const u of data.units) {
      for (const polygon of ringsOf(u.geometry as Area)) {
        polygon.forEach((ring, k) => {
          expect(ring[0]).toEqual(ring[ring.length - 1]);
          expect(turf.booleanClockwise(ring)).toBe(k > 0);
          for (const p of ring) expect(p.every((v) => Math.round(v * 1e6) / 1e6 === v)).toBe(true);
        });
      }
    }
  });

  it('tiles the province: commune areas add up to the province area within 0.01%', () => {
    const sum = communes.reduce((s, c) => s + turf.area(c.geometry), 0);
    const whole = turf.area(province.geometry);
    expect(Math.abs(sum - whole) / whole).toBeLessThan(1e-4);
  });

  it('has no overlaps between communes, no self-intersections, and every commune inside the province', () => {
    const provinceFeature = turf.feature(province.geometry as Area);
    for (let i = 0; i < features.length; i++) {
      expect(turf.kinks(features[i]!).features).toHaveLength(0);
      const inside = turf.intersect(turf.featureCollection([features[i]!, provinceFeature]));
      expect(inside && turf.area(inside) / turf.area(features[i]!)).toBeGreaterThan(1 - 1e-6);
      for (let j = i + 1; j < features.length; j++) {
        if (!boxesOverlap(boxes[i]!, boxes[j]!)) continue;
        const overlap = turf.intersect(turf.featureCollection([features[i]!, features[j]!]));
        expect(overlap ? turf.area(overlap) : 0).toBeLessThan(1);
      }
    }
  }, 60_000);

  it('draws every district as one contiguous polygon covering exactly its communes', () => {
    for (const d of districts) {
      expect(d.geometry.type).toBe('Polygon');
      const sum = communes.filter((c) => c.parentCode === d.code).reduce((s, c) => s + turf.area(c.geometry), 0);
      expect(Math.abs(sum - turf.area(d.geometry)) / sum).toBeLessThan(1e-4);
    }
  });
});

describe('demo dataset: hotspots and statuses', () => {
  it('has 300–600 hotspots, each inside exactly one commune, with valid lifecycles up to today', () => {
    expect(data.hotspots.length).toBeGreaterThanOrEqual(300);
    expect(data.hotspots.length).toBeLessThanOrEqual(600);
    expect(new Set(data.hotspots.map((h) => h.ref)).size).toBe(data.hotspots.length);
    for (const h of data.hotspots) {
      expect(communesAt(h.location)).toHaveLength(1);
      expect(checkLifecycle(h.events)).toBeNull();
      expect(h.events.every((e) => e.date <= DEMO_UNTIL)).toBe(true);
    }
    expect(data.hotspots.some((h) => h.events[0]!.date < '2021-01-01')).toBe(true);
  });

  it('follows the allowed status transitions, with selection before transformation', () => {
    const selectedOn = (code: string, date: string) =>
      data.selections.some((s) => s.communeCode === code && s.selectedOn <= date);
    const all = histories(data);
    for (const [code, steps] of all) {
      steps.forEach((step, k) => {
        const from = k === 0 ? null : steps[k - 1]!.status;
        expect(
          checkTransition(from, step.status, selectedOn(code, step.effectiveDate)),
          `${code} ${from}→${step.status}`,
        ).toEqual({ ok: true });
      });
    }
    expect(all.size).toBeLessThan(communes.length);
    const seen = new Set([...all.values()].flatMap((s) => s.slice(1).map((x, k) => `${s[k]!.status}>${x.status}`)));
    for (const t of ['complex>transformed', 'transformed>relapsed', 'drug_free>complex', 'complex>drug_free'])
      expect(seen.has(t)).toBe(true);
  });

  it('records legal basis, authorship and corrections consistently', () => {
    const byRef = new Map(data.statusChanges.map((s) => [s.ref, s]));
    expect(byRef.size).toBe(data.statusChanges.length);
    for (const s of data.statusChanges) {
      const m = /ngày (\d{2})\/(\d{2})\/(\d{4})$/.exec(s.legalBasis);
      expect(m).not.toBeNull();
      expect(`${m![3]}-${m![2]}-${m![1]}` <= s.effectiveDate).toBe(true);
      expect(s.recordedAt.endsWith('+07:00') && s.recordedAt.slice(0, 10) >= s.effectiveDate).toBe(true);
      expect(s.effectiveDate <= DEMO_UNTIL).toBe(true);
    }
    const fixes = data.statusChanges.filter((s) => s.correctsRef !== null);
    expect(fixes.length).toBeGreaterThanOrEqual(2);
    for (const f of fixes) {
      const original = byRef.get(f.correctsRef!)!;
      expect(original.communeCode).toBe(f.communeCode);
      expect(original.recordedAt < f.recordedAt).toBe(true);
    }
  });

  it('selects 25–35 complex communes under 2021–2025 (some after plan 3220) and more in 2026', () => {
    const early = data.selections.filter((s) => s.planId === '2021-2025');
    expect(early.length).toBeGreaterThanOrEqual(25);
    expect(early.length).toBeLessThanOrEqual(35);
    expect(early.every((s) => s.selectedOn >= '2021-01-01' && s.selectedOn <= '2023-12-31')).toBe(true);
    expect(early.some((s) => s.selectedOn > '2023-09-25')).toBe(true);
    expect(
      data.selections.filter((s) => s.planId === '2026-2030' && s.selectedOn.startsWith('2026')).length,
    ).toBeGreaterThan(0);
  });
});

describe('demo dataset: indicators', () => {
  it('gives every indicator a value for the province under 2021–2025 at its end', () => {
    const report = computeIndicators(
      indicatorInput(data, '2021-2025', new Set(communes.map((c) => c.code))),
      planPeriod(data, '2021-2025'),
      '2025-12-31',
    );
    const value = (id: string) => report.indicators.find((r) => r.id === id)!.value;
    for (const r of report.indicators) expect(r.value, r.id).not.toBeNull();
    expect(value('H1')).toBeGreaterThanOrEqual(0.5);
    expect(value('H1')).toBeLessThanOrEqual(0.85);
    expect(value('H3')).toBeGreaterThan(0);
    expect(value('T1')).toBeGreaterThan(0);
    expect(value('T1')).toBeLessThan(1);
    expect(value('T2')).toBeLessThan(1);
    expect(value('C1')).toBeGreaterThan(0);
  });

  it('has districts on track for H1 and districts off track', () => {
    const onTrack = districts.map((d) => {
      const within = new Set(communes.filter((c) => c.parentCode === d.code).map((c) => c.code));
      const report = computeIndicators(
        indicatorInput(data, '2021-2025', within),
        planPeriod(data, '2021-2025'),
        '2025-12-31',
      );
      return report.indicators.find((r) => r.id === 'H1')!.onTrack;
    });
    expect(onTrack).toContain(true);
    expect(onTrack).toContain(false);
  }, 30_000);
});
