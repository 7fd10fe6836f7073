// Status transitions and status-as-of-date over an append-only history with corrections.
import { describe, expect, it } from 'vitest';
import { checkTransition, COMMUNE_STATUSES, effectiveHistory, statusAt, type CommuneStatus } from '../../geo/status';

const allowed = new Set([
  'drug_free>complex', 'complex>drug_free', 'complex>transformed', 'transformed>relapsed',
  'transformed>drug_free', 'relapsed>transformed', 'relapsed>complex',
]);

describe('checkTransition', () => {
  for (const from of COMMUNE_STATUSES)
    for (const to of COMMUNE_STATUSES) {
      if (from === to) continue;
      const expected = allowed.has(`${from}>${to}`);
      it(`${from} → ${to} is ${expected ? 'allowed' : 'refused'} (selected commune)`, () => {
        expect(checkTransition(from, to, true).ok).toBe(expected);
      });
    }

  it('complex → transformed needs a selection', () => {
    expect(checkTransition('complex', 'transformed', false)).toEqual({ ok: false, reason: 'not_selected' });
  });

  it('the first status may be any of the four (transformed still needs a selection)', () => {
    for (const s of COMMUNE_STATUSES) expect(checkTransition(null, s, true).ok).toBe(true);
    expect(checkTransition(null, 'transformed', false).ok).toBe(false);
  });

  it('the same status again is refused', () => {
    expect(checkTransition('complex', 'complex', true)).toEqual({ ok: false, reason: 'unchanged' });
  });
});

describe('effectiveHistory and statusAt', () => {
  const rec = (id: number, status: CommuneStatus, effectiveDate: string, correctsId: number | null = null) => ({ id, status, effectiveDate, correctsId });
  const history = effectiveHistory([
    rec(3, 'relapsed', '2023-03-01'),
    rec(1, 'complex', '2021-01-10'),
    rec(2, 'transformed', '2022-05-01'),
    rec(4, 'drug_free', '2023-03-01', 3),
  ]);

  it('drops corrected records and sorts by date', () => {
    expect(history.map((h) => h.id)).toEqual([1, 2, 4]);
  });

  it('status as of a date is the last change on or before it', () => {
    expect(statusAt(history, '2021-01-09')).toBeNull();
    expect(statusAt(history, '2021-01-10')!.status).toBe('complex');
    expect(statusAt(history, '2023-02-28')!.status).toBe('transformed');
    expect(statusAt(history, '2023-03-01')!.status).toBe('drug_free');
  });

  it('two changes on the same day: the later record wins', () => {
    const h = effectiveHistory([rec(7, 'complex', '2022-01-01'), rec(5, 'drug_free', '2022-01-01')]);
    expect(statusAt(h, '2022-01-01')!.id).toBe(7);
  });
});
