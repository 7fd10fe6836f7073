// The words and numbers of an indicator card, written out in both languages.
import { describe, expect, it } from 'vitest';
import { formatDifference, formatExpected, formatTarget, formatValue, trackOf } from '../../geo/indicator-text';
import type { IndicatorResult } from '../../geo/indicators';

const card = (over: Partial<IndicatorResult>): IndicatorResult => ({
  id: 'H1',
  numerator: 2,
  denominator: 4,
  value: 0.5,
  judged: 0.5,
  target: { op: 'gte', value: 0.8, projection: 'linear' },
  expected: 0.559,
  onTrack: false,
  ...over,
});

describe('indicator text', () => {
  it('H1: a share, its target and what is due by now, with a comma in Vietnamese', () => {
    const i = card({});
    expect([formatValue(i, 'vi'), formatTarget(i, 'vi'), formatExpected(i, 'vi')]).toEqual([
      '50%',
      '≥ 80%',
      'cần đạt 55,9% đến nay',
    ]);
    expect([formatValue(i, 'en'), formatTarget(i, 'en'), formatExpected(i, 'en')]).toEqual([
      '50%',
      '≥ 80%',
      'due by now: 55.9%',
    ]);
    expect(trackOf(i)).toBe('off');
  });

  it('H2: signed percents, the bar is a ceiling', () => {
    const i = card({
      id: 'H2',
      value: -1 / 3,
      target: { op: 'lte', value: -0.05, projection: 'yearly' },
      expected: -0.0249,
    });
    expect([formatValue(i, 'vi'), formatTarget(i, 'vi'), formatExpected(i, 'vi')]).toEqual([
      '-33,3%',
      '≤ -5%',
      'cần đạt ≤ -2,5% đến nay',
    ]);
  });

  it('C1: "no decrease" in words, and the year-earlier figure instead of a projection', () => {
    const i = card({
      id: 'C1',
      value: 12,
      judged: 2,
      previous: 10,
      target: { op: 'gte', value: 0, projection: 'none' },
      expected: 0,
      onTrack: true,
    });
    expect([formatValue(i, 'vi'), formatTarget(i, 'vi'), formatExpected(i, 'vi')]).toEqual([
      '12',
      'không giảm',
      'một năm trước: 10 xã',
    ]);
    expect(formatTarget(i, 'en')).toBe('no decrease');
    expect(trackOf(i)).toBe('on');
  });

  it('H3: a count against zero; no data reads as a dash', () => {
    const i = card({ id: 'H3', value: 1, target: { op: 'lte', value: 0, projection: 'none' }, expected: 0 });
    expect([formatValue(i, 'vi'), formatTarget(i, 'vi')]).toEqual(['1', '0']);
    expect(formatValue(card({ value: null }), 'vi')).toBe('—');
    expect(trackOf(card({ onTrack: null }))).toBe('none');
  });

  it('differences between two dates: percentage points for percents, signed counts for counts', () => {
    expect(formatDifference('H1', 0.25, 0.375, 'vi')).toBe('+12,5 điểm %');
    expect(formatDifference('H1', 0.25, 0.375, 'en')).toBe('+12.5 pts');
    expect(formatDifference('H2', 0.1, -0.05, 'vi')).toBe('-15 điểm %');
    expect(formatDifference('T2', 0.5, 0.5, 'en')).toBe('0 pts');
    expect(formatDifference('C1', 0, 2, 'vi')).toBe('+2');
    expect(formatDifference('H3', 3, 1, 'en')).toBe('-2');
    expect(formatDifference('T1', null, 0.5, 'vi')).toBe('—');
  });
});
