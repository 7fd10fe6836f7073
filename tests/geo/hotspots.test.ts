// Hotspot lifecycle: status at a date, activity within a period, lifecycle rules.
import { describe, expect, it } from 'vitest';
import { checkLifecycle, hotspotStatusAt, wasActiveDuring, type HotspotEvent } from '../../geo/hotspots';

const ev = (...pairs: [HotspotEvent['kind'], string][]): HotspotEvent[] =>
  pairs.map(([kind, date]) => ({ kind, date }));
const cycle = ev(
  ['detected', '2020-06-01'],
  ['eliminated', '2021-05-01'],
  ['reformed', '2022-03-01'],
  ['eliminated', '2023-04-01'],
);

describe('hotspotStatusAt', () => {
  it.each([
    ['2020-05-31', null],
    ['2020-06-01', 'active'],
    ['2021-05-01', 'eliminated'],
    ['2022-03-01', 'active'],
    ['2030-01-01', 'eliminated'],
  ])('as of %s → %s', (date, expected) => {
    expect(hotspotStatusAt(cycle, date)).toBe(expected);
  });
});

describe('wasActiveDuring', () => {
  it.each([
    ['open when the period starts', cycle, '2021-01-01', '2021-01-31', true],
    ['eliminated on the first day still counts (active when the day began)', cycle, '2021-05-01', '2021-12-31', true],
    ['eliminated the whole period', cycle, '2021-05-02', '2022-02-28', false],
    ['re-formed inside the period', cycle, '2021-06-01', '2022-03-01', true],
    ['detected after the period', ev(['detected', '2024-01-01']), '2021-01-01', '2023-12-31', false],
    ['detected on the last day', ev(['detected', '2023-12-31']), '2021-01-01', '2023-12-31', true],
    [
      'eliminated before the period',
      ev(['detected', '2019-01-01'], ['eliminated', '2020-12-31']),
      '2021-01-01',
      '2025-12-31',
      false,
    ],
  ])('%s', (_name, events, from, to, expected) => {
    expect(wasActiveDuring(events, from, to)).toBe(expected);
  });
});

describe('checkLifecycle', () => {
  it('accepts a full cycle', () => expect(checkLifecycle(cycle)).toBeNull());
  it.each([
    [ev(['eliminated', '2021-01-01']), 0, 'first_not_detected'],
    [ev(['detected', '2021-01-01'], ['detected', '2021-02-01']), 1, 'detected_twice'],
    [ev(['detected', '2021-01-01'], ['eliminated', '2021-02-01'], ['eliminated', '2021-03-01']), 2, 'not_active'],
    [ev(['detected', '2021-01-01'], ['reformed', '2021-02-01']), 1, 'not_eliminated'],
    [ev(['detected', '2021-03-01'], ['eliminated', '2021-02-01']), 1, 'out_of_order'],
  ])('refuses %j at %i (%s)', (events, index, problem) => {
    expect(checkLifecycle(events)).toEqual({ index, problem });
  });
});
