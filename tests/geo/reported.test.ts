// Reported indicators' rules against hand-computed cases: periods, due and lock dates, entry checks, targets.
import { describe, expect, it } from 'vitest';
import {
  dueDate,
  entryProblems,
  isLocked,
  judgeReported,
  lockDate,
  periodKeyOf,
  periodRange,
  periodsBetween,
  previousPeriod,
} from '../../geo/reported';

describe('reporting periods', () => {
  it('names and bounds months, quarters and years (a leap February included)', () => {
    expect(periodRange('quarter', '2026-Q1')).toEqual({ start: '2026-01-01', end: '2026-03-31' });
    expect(periodRange('quarter', '2025-Q4')).toEqual({ start: '2025-10-01', end: '2025-12-31' });
    expect(periodRange('month', '2024-02')).toEqual({ start: '2024-02-01', end: '2024-02-29' });
    expect(periodRange('year', '2025')).toEqual({ start: '2025-01-01', end: '2025-12-31' });
    expect([
      periodKeyOf('quarter', '2026-05-31'),
      periodKeyOf('month', '2026-05-31'),
      periodKeyOf('year', '2026-05-31'),
    ]).toEqual(['2026-Q2', '2026-05', '2026']);
  });

  it('steps back across a year end and lists the periods of a span', () => {
    expect(previousPeriod('quarter', '2026-Q1')).toBe('2025-Q4');
    expect(previousPeriod('month', '2026-01')).toBe('2025-12');
    expect(previousPeriod('year', '2026', 3)).toBe('2023');
    expect(periodsBetween('quarter', '2025-11-15', '2026-04-01')).toEqual(['2025-Q4', '2026-Q1', '2026-Q2']);
    expect(periodsBetween('month', '2021-01-01', '2025-12-31')).toHaveLength(60);
  });

  it('is due 10 days after its end and locks after 30; an administrator may reopen it until a day', () => {
    const cal = { dueDays: 10, lockDays: 30 };
    expect(dueDate('quarter', '2026-Q1', cal)).toBe('2026-04-10');
    expect(lockDate('quarter', '2026-Q1', cal)).toBe('2026-05-01');
    expect(isLocked('quarter', '2026-Q1', cal, '2026-04-30')).toBe(false);
    expect(isLocked('quarter', '2026-Q1', cal, '2026-05-01')).toBe(true);
    expect(isLocked('quarter', '2026-Q1', cal, '2026-05-10', '2026-05-20')).toBe(false);
    expect(isLocked('quarter', '2026-Q1', cal, '2026-05-21', '2026-05-20')).toBe(true);
  });
});

describe('an entry', () => {
  it('refuses a share over 100%, a count with a denominator, negative or fractional numbers, a zero whole', () => {
    expect(entryProblems('share', { numerator: 45, denominator: 40, note: '' }, null)).toEqual([
      {
        path: 'numerator',
        vi: 'Tử số lớn hơn mẫu số: tỷ lệ không thể quá 100%',
        en: 'Numerator above the denominator: a share cannot exceed 100%',
      },
    ]);
    expect(entryProblems('count', { numerator: 12, denominator: 30, note: '' }, null).map((p) => p.path)).toEqual([
      'denominator',
    ]);
    expect(entryProblems('count', { numerator: -1, denominator: null, note: '' }, null).map((p) => p.path)).toEqual([
      'numerator',
    ]);
    expect(entryProblems('count', { numerator: 2.5, denominator: null, note: '' }, null).map((p) => p.path)).toEqual([
      'numerator',
    ]);
    expect(entryProblems('share', { numerator: 0, denominator: 0, note: '' }, null).map((p) => p.path)).toEqual([
      'denominator',
    ]);
    expect(entryProblems('share', { numerator: 40, denominator: 40, note: '' }, null)).toEqual([]);
  });

  it('asks a note to confirm a jump of more than 50% from the previous period (100 → 151; 0 → 3), not 100 → 150', () => {
    const jump = (n: number, previous: number, note = '') =>
      entryProblems('count', { numerator: n, denominator: null, note }, previous).map((p) => p.path);
    expect(jump(151, 100)).toEqual(['note']);
    expect(jump(49, 100)).toEqual(['note']);
    expect(jump(150, 100)).toEqual([]);
    expect(jump(3, 0)).toEqual(['note']);
    expect(jump(151, 100, 'Đợt cao điểm tháng 6')).toEqual([]);
    // A share compares shares: 30/100 then 48/100 is +60%.
    expect(entryProblems('share', { numerator: 48, denominator: 100, note: '' }, 0.3).map((p) => p.path)).toEqual([
      'note',
    ]);
  });
});

describe('judging a reported value', () => {
  const growth = { period: 'year' as const, target: { rule: 'growth' as const, value: 0.05 } };
  it('+5% on the previous year: 2023 had 200 cases, so 2024 needs 210', () => {
    const earlier = [{ key: '2023', value: 200 }];
    expect(judgeReported(growth, '2024', 210, earlier)).toEqual({
      bar: 210,
      onTrack: true,
      base: { key: '2023', value: 200 },
    });
    expect(judgeReported(growth, '2024', 209, earlier).onTrack).toBe(false);
  });

  it('with 2024 missing, 2025 is held to 200 × 1.05² = 220.5 from 2023', () => {
    const earlier = [
      { key: '2022', value: 150 },
      { key: '2023', value: 200 },
    ];
    const j = judgeReported(growth, '2025', 220, earlier);
    expect(j.bar).toBeCloseTo(220.5, 9);
    expect([j.onTrack, j.base]).toEqual([false, { key: '2023', value: 200 }]);
    expect(judgeReported(growth, '2025', 221, earlier).onTrack).toBe(true);
  });

  it('with no earlier year there is nothing to compare with: not judged', () => {
    expect(judgeReported(growth, '2021', 180, [])).toEqual({ bar: null, onTrack: null, base: null });
    expect(judgeReported(growth, '2021', 180, [{ key: '2022', value: 100 }]).onTrack).toBeNull();
  });

  it('"over 90%" is not met by exactly 90%; "80%" is', () => {
    const over = { period: 'year' as const, target: { rule: 'gt' as const, value: 0.9 } };
    const least = { period: 'quarter' as const, target: { rule: 'gte' as const, value: 0.8 } };
    expect(judgeReported(over, '2025', 0.9, []).onTrack).toBe(false);
    expect(judgeReported(over, '2025', 0.91, []).onTrack).toBe(true);
    expect(judgeReported(least, '2025-Q3', 0.8, []).onTrack).toBe(true);
    expect(judgeReported(least, '2025-Q3', null, []).onTrack).toBeNull();
  });
});
