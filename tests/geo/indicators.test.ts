// Indicator engine against the hand-computed mini province (tests/fixtures/mini-province.ts).
import { describe, expect, it } from 'vitest';
import { computeIndicators, type IndicatorInput, type IndicatorResult } from '../../geo/indicators';
import { communeCodes, inputFor, plan } from '../fixtures/mini-indicator-input';

const all = inputFor(communeCodes);

function pick(input: IndicatorInput, date: string) {
  const report = computeIndicators(input, plan, date);
  return Object.fromEntries(report.indicators.map((r) => [r.id, r])) as Record<string, IndicatorResult>;
}

describe('indicators for the whole province as of 30/06/2024', () => {
  const r = pick(all, '2024-06-30');

  it('H1: hotspots active in the period (h1 eliminated-reformed-eliminated, h2, h4, h5; not h3) and eliminated now', () => {
    expect([r.H1!.numerator, r.H1!.denominator, r.H1!.value]).toEqual([2, 4, 0.5]);
    // linear bar: 80% × 1276/1825 days elapsed ≈ 55.9% → 50% is off track
    expect(r.H1!.expected).toBeCloseTo(0.8 * (1276 / 1825), 10);
    expect(r.H1!.onTrack).toBe(false);
  });

  it('H2: active at 31/12 each year 1 → 1 → 3 → 3, and 2 at the as-of date', () => {
    expect(r.H2!.series!.map((p) => [p.year, p.numerator, p.denominator])).toEqual([
      [2021, 0, 1],
      [2022, 2, 1],
      [2023, 0, 3],
      [2024, -1, 3],
    ]);
    expect(r.H2!.value).toBeCloseTo(-1 / 3, 10);
    expect(r.H2!.expected).toBeCloseTo(-0.05 * (182 / 366), 10);
    expect(r.H2!.onTrack).toBe(true);
  });

  it('H3: one re-formation (h1 on 01/03/2022) against a target of zero', () => {
    expect([r.H3!.value, r.H3!.denominator, r.H3!.onTrack]).toEqual([1, null, false]);
  });

  it('T1: three communes selected by then (98201 is selected after D), two reached transformed', () => {
    expect([r.T1!.numerator, r.T1!.denominator]).toEqual([2, 3]);
    expect(r.T1!.onTrack).toBe(true);
  });

  it('T2: 98101 transformed again after relapsing, 98102 drug-free: both hold', () => {
    expect([r.T2!.numerator, r.T2!.denominator, r.T2!.value, r.T2!.onTrack]).toEqual([2, 2, 1, true]);
  });

  it('C1: two drug-free communes now, one a year earlier', () => {
    expect([r.C1!.value, r.C1!.previous, r.C1!.judged, r.C1!.onTrack]).toEqual([2, 1, 1, true]);
  });
});

describe('edge cases', () => {
  it('T2 while 98101 is relapsed (30/06/2023): one of two holds', () => {
    const r = pick(all, '2023-06-30');
    expect([r.T2!.numerator, r.T2!.denominator, r.T2!.onTrack]).toEqual([1, 2, false]);
  });

  it('a corrected record no longer counts: 98102 stays transformed on 15/08/2023', () => {
    const r = pick(inputFor(['98102']), '2023-08-15');
    expect([r.T2!.numerator, r.T2!.denominator]).toEqual([1, 1]);
  });

  it('a selection dated after D is not counted, and counts once its date passes', () => {
    expect(pick(inputFor(['98201']), '2024-07-31').T1!.value).toBeNull();
    const later = pick(inputFor(['98201']), '2024-09-01').T1!;
    expect([later.numerator, later.denominator]).toEqual([1, 1]);
  });

  it('D before any status: C1 and T1 have no data, not zero', () => {
    const r = pick(all, '2021-01-05');
    expect(r.C1!.value).toBeNull();
    expect(r.C1!.onTrack).toBeNull();
    expect(r.T1!.value).toBeNull();
    expect([r.H1!.numerator, r.H1!.denominator]).toEqual([0, 1]);
  });

  it('before the plan starts everything is no data', () => {
    const report = computeIndicators(all, plan, '2020-06-01');
    expect(report.started).toBe(false);
    expect(report.indicators.every((i) => i.value === null && i.onTrack === null)).toBe(true);
  });

  it('a subtree with no communes has no data', () => {
    const report = computeIndicators({ ...all, within: new Set() }, plan, '2024-06-30');
    expect(report.indicators.every((i) => i.value === null)).toBe(true);
  });

  it('a district subtree counts only its communes', () => {
    const r = pick(inputFor(['98201', '98202']), '2024-06-30');
    expect([r.H1!.numerator, r.H1!.denominator]).toEqual([1, 2]);
    expect([r.T1!.numerator, r.T1!.denominator]).toEqual([0, 1]);
    expect(r.T2!.value).toBeNull();
  });

  it('a date after the plan end is clamped to the end', () => {
    const report = computeIndicators(all, plan, '2027-03-01');
    expect(report.computedAt).toBe('2025-12-31');
    expect(report.indicators.find((i) => i.id === 'H1')!.expected).toBeCloseTo(0.8, 10);
  });

  it('an empty denominator in H2 (no active hotspots at the previous year end) is no data', () => {
    const r = pick(inputFor(['98202']), '2022-06-30');
    expect(r.H2!.series![0]).toMatchObject({ year: 2021, denominator: 0, value: null });
    expect(r.H2!.series![1]).toMatchObject({ year: 2022, denominator: 0, value: null });
  });
});
