// Status transitions and status-as-of-date over an append-only history with corrections.
import { describe, expect, it } from 'vitest';
import {
  checkNewSteps,
  checkTransition,
  COMMUNE_STATUSES,
  effectiveHistory,
  statusAt,
  type CommuneStatus,
} from '../../geo/status';

const allowed = new Set([
  'drug_free>complex',
  'complex>drug_free',
  'complex>transformed',
  'transformed>relapsed',
  'transformed>drug_free',
  'relapsed>transformed',
  'relapsed>complex',
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
  const rec = (id: number, status: CommuneStatus, effectiveDate: string, correctsId: number | null = null) => ({
    id,
    status,
    effectiveDate,
    correctsId,
  });
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

describe('checkNewSteps', () => {
  const rec = (id: number, status: CommuneStatus, effectiveDate: string, correctsId: number | null = null) => ({
    id,
    status,
    effectiveDate,
    correctsId,
  });
  const history = [rec(1, 'complex', '2022-01-10'), rec(2, 'transformed', '2023-05-01')];
  const selected = () => true;

  it('accepts an allowed next step and refuses a forbidden one', () => {
    expect(checkNewSteps(history, [...history, rec(9, 'relapsed', '2024-01-01')], selected)).toBeNull();
    expect(checkNewSteps(history, [...history, rec(9, 'complex', '2024-01-01')], selected)).toMatchObject({
      from: { id: 2 },
      to: { id: 9 },
      reason: 'not_allowed',
    });
  });

  it('judges a back-dated step against both neighbours', () => {
    // complex → drug_free (ok) but drug_free → transformed (not allowed) afterwards
    expect(checkNewSteps(history, [...history, rec(9, 'drug_free', '2022-06-01')], selected)).toMatchObject({
      from: { id: 9 },
      to: { id: 2 },
      reason: 'not_allowed',
    });
  });

  it('refuses transformed for a commune not selected by then', () => {
    const h = [rec(1, 'complex', '2022-01-10')];
    expect(checkNewSteps(h, [...h, rec(9, 'transformed', '2023-01-01')], (d) => d >= '2024-01-01')).toMatchObject({
      reason: 'not_selected',
    });
    expect(checkNewSteps(h, [...h, rec(9, 'transformed', '2024-02-01')], (d) => d >= '2024-01-01')).toBeNull();
  });

  it('checks a correction as the history it leaves', () => {
    // correcting the first record from complex to drug_free makes drug_free → transformed: not allowed
    expect(checkNewSteps(history, [...history, rec(9, 'drug_free', '2022-01-10', 1)], selected)).toMatchObject({
      to: { id: 2 },
      reason: 'not_allowed',
    });
    // correcting the date of the transformation keeps a valid chain
    expect(checkNewSteps(history, [...history, rec(9, 'transformed', '2023-06-01', 2)], selected)).toBeNull();
  });

  it('does not judge older steps again', () => {
    const messy = [rec(1, 'drug_free', '2020-01-01'), rec(2, 'transformed', '2021-01-01')];
    expect(checkNewSteps(messy, [...messy, rec(9, 'relapsed', '2022-01-01')], selected)).toBeNull();
  });
});
