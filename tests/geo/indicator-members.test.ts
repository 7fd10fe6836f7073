// What each indicator counts, listed per hotspot and per commune, against the hand-computed mini province.
import { describe, expect, it } from 'vitest';
import { indicatorMembers } from '../../geo/indicator-members';
import { computeIndicators, type IndicatorId } from '../../geo/indicators';
import { communeCodes, idOf, inputFor, plan } from '../fixtures/mini-indicator-input';

const all = inputFor(communeCodes);
const D = '2024-06-30';
const members = (id: IndicatorId, date = D, input = all) => indicatorMembers(input, plan, date, id);
const sorted = <T extends { hotspotId?: number; communeId: number }>(xs: T[]) =>
  [...xs].sort((a, b) => (a.hotspotId ?? a.communeId) - (b.hotspotId ?? b.communeId));

describe('indicator members as of 30/06/2024', () => {
  it('H1: h1, h2, h4, h5 were active in the period (h3 ended before it); h1 and h4 are eliminated now', () => {
    expect(sorted(members('H1').hotspots)).toEqual([
      { hotspotId: 1, communeId: idOf('98101'), numerator: 1, denominator: 1 },
      { hotspotId: 2, communeId: idOf('98102'), numerator: 0, denominator: 1 },
      { hotspotId: 4, communeId: idOf('98202'), numerator: 1, denominator: 1 },
      { hotspotId: 5, communeId: idOf('98202'), numerator: 0, denominator: 1 },
    ]);
    expect(sorted(members('H1').communes)).toEqual([
      { communeId: idOf('98101'), numerator: 1, denominator: 1 },
      { communeId: idOf('98102'), numerator: 0, denominator: 1 },
      { communeId: idOf('98202'), numerator: 1, denominator: 2 },
    ]);
  });

  it('H2: active at 31/12/2023 were h2, h4, h5; h4 was eliminated since (−1 of 3)', () => {
    expect(sorted(members('H2').hotspots)).toEqual([
      { hotspotId: 2, communeId: idOf('98102'), numerator: 0, denominator: 1 },
      { hotspotId: 4, communeId: idOf('98202'), numerator: -1, denominator: 1 },
      { hotspotId: 5, communeId: idOf('98202'), numerator: 0, denominator: 1 },
    ]);
  });

  it('H3: h1 re-formed once in the period', () => {
    expect(members('H3').hotspots).toEqual([{ hotspotId: 1, communeId: idOf('98101'), numerator: 1, denominator: 0 }]);
  });

  it('T1 and T2: 98101, 98102, 98202 selected; the first two transformed; both hold', () => {
    expect(sorted(members('T1').communes)).toEqual([
      { communeId: idOf('98101'), numerator: 1, denominator: 1 },
      { communeId: idOf('98102'), numerator: 1, denominator: 1 },
      { communeId: idOf('98202'), numerator: 0, denominator: 1 },
    ]);
    expect(sorted(members('T2').communes)).toEqual([
      { communeId: idOf('98101'), numerator: 1, denominator: 1 },
      { communeId: idOf('98102'), numerator: 1, denominator: 1 },
    ]);
    expect(members('T1').hotspots).toEqual([]);
  });

  it('C1: every commune has a status; 98102 and 98202 are drug-free, 98202 was a year earlier', () => {
    expect(sorted(members('C1').communes)).toEqual([
      { communeId: idOf('98101'), numerator: 0, denominator: 1, previous: 0 },
      { communeId: idOf('98102'), numerator: 1, denominator: 1, previous: 0 },
      { communeId: idOf('98201'), numerator: 0, denominator: 1, previous: 0 },
      { communeId: idOf('98202'), numerator: 1, denominator: 1, previous: 1 },
    ]);
  });

  it('T2 while 98101 is relapsed (30/06/2023): it counts in the denominator only', () => {
    expect(sorted(members('T2', '2023-06-30').communes)).toEqual([
      { communeId: idOf('98101'), numerator: 0, denominator: 1 },
      { communeId: idOf('98102'), numerator: 1, denominator: 1 },
    ]);
  });

  it('before the plan starts, and for a unit without communes, nothing is listed', () => {
    expect(members('H1', '2020-06-01')).toEqual({ computedAt: '2020-06-01', communes: [], hotspots: [] });
    expect(members('C1', D, { ...all, within: new Set() }).communes).toEqual([]);
  });
});

describe('the members add up to the report at every date and for every subtree', () => {
  const dates = ['2021-01-05', '2021-12-31', '2022-03-01', '2023-06-30', '2024-06-30', '2025-12-31', '2027-01-01'];
  const subtrees = [communeCodes, ['98101', '98102'], ['98201', '98202'], ['98202']];
  for (const date of dates)
    for (const codes of subtrees)
      it(`${date} in ${codes.join('+')}`, () => {
        const input = inputFor(codes);
        const report = computeIndicators(input, plan, date);
        for (const r of report.indicators) {
          const m = indicatorMembers(input, plan, date, r.id);
          expect(m.computedAt).toBe(report.computedAt);
          if (!report.started) continue;
          const sum = (k: 'numerator' | 'denominator') => m.communes.reduce((n, c) => n + c[k], 0);
          expect(sum('numerator'), `${r.id} numerator`).toBe(r.numerator);
          if (r.denominator !== null) expect(sum('denominator'), `${r.id} denominator`).toBe(r.denominator);
          if (r.id === 'C1' && r.previous !== null)
            expect(m.communes.reduce((n, c) => n + (c.previous ?? 0), 0)).toBe(r.previous);
          if (m.hotspots.length) expect(m.hotspots.reduce((n, h) => n + h.numerator, 0)).toBe(r.numerator);
        }
      });
});
