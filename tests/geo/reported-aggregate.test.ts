// A reported indicator over an area, by hand: sums of approved figures, growth over the area's earlier years, and how
// complete and timely the reporting is.
import { describe, expect, it } from 'vitest';
import { periodAsOf, reportedFor, type ReportedRow } from '../../geo/reported-aggregate';
import type { ReportedIndicatorDef } from '../../geo/reported';

const cal = { dueDays: 10, lockDays: 30 };
const share: ReportedIndicatorDef = {
  code: 'R2',
  name: { vi: 'Tỷ lệ vụ án ma túy được giải quyết, xét xử', en: 'Drug cases resolved and tried' },
  measure: 'share',
  period: 'quarter',
  levels: ['district'],
  target: { rule: 'gt', value: 0.9 },
};
const count: ReportedIndicatorDef = {
  ...share,
  code: 'R1',
  measure: 'count',
  period: 'year',
  target: { rule: 'growth', value: 0.05 },
};
const row = (over: Partial<ReportedRow>): ReportedRow => ({
  code: 'R2',
  unitId: 1,
  periodKey: '2026-Q1',
  numerator: 0,
  denominator: null,
  state: 'approved',
  submittedOn: '2026-04-05',
  ...over,
});

describe('a reported indicator over an area', () => {
  it('sums numerators and denominators of approved figures: 9/10 and 18/20 make 27/30 = 90%, not over 90%', () => {
    const rows = [
      row({ unitId: 1, numerator: 9, denominator: 10 }),
      row({ unitId: 2, numerator: 18, denominator: 20 }),
      row({ unitId: 3, numerator: 1, denominator: 1, state: 'pending' }), // waiting: not counted
      row({ unitId: 9, numerator: 0, denominator: 50 }), // another area
    ];
    const r = reportedFor(share, '2026-Q1', [1, 2, 3, 4], rows, cal, '2026-04-20');
    expect([r.numerator, r.denominator, r.value, r.bar, r.onTrack]).toEqual([27, 30, 0.9, 0.9, false]);
  });

  it('completeness: approved, waiting, missing past the due day, sent late', () => {
    const rows = [
      row({ unitId: 1, numerator: 9, denominator: 10, submittedOn: '2026-04-10' }), // on the due day
      row({ unitId: 2, numerator: 18, denominator: 20, submittedOn: '2026-04-12' }), // two days late
      row({ unitId: 3, numerator: 1, denominator: 1, state: 'pending', submittedOn: '2026-04-02' }),
    ];
    expect(reportedFor(share, '2026-Q1', [1, 2, 3, 4], rows, cal, '2026-04-20').completeness).toEqual({
      expected: 4,
      approved: 2,
      pending: 1,
      missing: 1,
      sentLate: 1,
      onTime: 2,
    });
    // Before the due day a unit without figures is not yet missing.
    expect(reportedFor(share, '2026-Q1', [1, 2, 3, 4], rows, cal, '2026-04-08').completeness!.missing).toBe(0);
  });

  it('growth compares the area with its own earlier year: 2024 100 + 110 = 210, 2025 needs 220.5', () => {
    const r1 = (unitId: number, periodKey: string, numerator: number) =>
      row({ code: 'R1', unitId, periodKey, numerator });
    const rows = [r1(1, '2024', 100), r1(2, '2024', 110), r1(1, '2025', 120), r1(2, '2025', 101)];
    const r = reportedFor(count, '2025', [1, 2], rows, cal, '2026-02-01');
    expect([r.value, r.bar, r.onTrack, r.base]).toEqual([221, 220.5, true, { key: '2024', value: 210 }]);
    // District 2 alone: 101 against 110 × 1.05 = 115.5.
    expect(reportedFor(count, '2025', [2], rows, cal, '2026-02-01').onTrack).toBe(false);
  });

  it('the period shown for a date is the latest ended one within the plan', () => {
    const plan = { start: '2026-01-01', end: '2030-12-31' };
    expect(periodAsOf({ period: 'month' }, plan, '2026-11-15')).toBe('2026-10');
    expect(periodAsOf({ period: 'month' }, plan, '2026-10-31')).toBe('2026-10');
    expect(periodAsOf({ period: 'quarter' }, plan, '2026-11-15')).toBe('2026-Q3');
    expect(periodAsOf({ period: 'year' }, plan, '2026-11-15')).toBeNull();
    expect(periodAsOf({ period: 'year' }, { start: '2021-01-01', end: '2025-12-31' }, '2026-11-15')).toBe('2025');
  });
});
