// Calendar date helpers: validity, arithmetic across leap years, dd/mm/yyyy both ways.
import { describe, expect, it } from 'vitest';
import { addDays, addYears, daysBetween, formatVnDate, isIsoDate, parseVnDate, periodStart } from '../../geo/dates';

describe('dates', () => {
  it.each([
    ['2024-02-29', true],
    ['2023-02-29', false],
    ['2024-13-01', false],
    ['2024-1-01', false],
    ['abcd-ef-gh', false],
  ])('isIsoDate(%s) = %s', (d, ok) => {
    expect(isIsoDate(d)).toBe(ok);
  });

  it('adds days and years, 29 February falling back to 28', () => {
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2021-01-01', -1)).toBe('2020-12-31');
    expect(addYears('2024-02-29', -1)).toBe('2023-02-28');
    expect(daysBetween('2021-01-01', '2025-12-31')).toBe(1825);
  });

  it('formats and parses dd/mm/yyyy', () => {
    expect(formatVnDate('2024-02-03')).toBe('03/02/2024');
    expect(parseVnDate('3/2/2024')).toBe('2024-02-03');
    expect(parseVnDate('31/02/2024')).toBeNull();
    expect(parseVnDate('2024-02-03')).toBeNull();
  });
});

describe('periodStart', () => {
  it('is the first day of the month, the quarter or the year holding the date', () => {
    expect(periodStart('2024-06-30', 'month')).toBe('2024-06-01');
    expect(periodStart('2024-06-30', 'quarter')).toBe('2024-04-01');
    expect(periodStart('2024-01-01', 'quarter')).toBe('2024-01-01');
    expect(periodStart('2024-12-31', 'quarter')).toBe('2024-10-01');
    expect(periodStart('2024-09-15', 'quarter')).toBe('2024-07-01');
    expect(periodStart('2024-06-30', 'year')).toBe('2024-01-01');
  });
});
