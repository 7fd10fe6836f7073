// How long a commune has stayed complex, and who led it meanwhile, by hand.
import { describe, expect, it } from 'vitest';
import { addMonths, graveSince, overdue, termsDuring, type Term } from '../../geo/accountability';
import type { StatusStep } from '../../geo/status';

const steps = (...pairs: [StatusStep['status'], string][]): StatusStep[] =>
  pairs.map(([status, effectiveDate], id) => ({ id, status, effectiveDate }));

describe('an area that stays complex', () => {
  it('runs from the first of its unbroken complex or relapsed steps', () => {
    const h = steps(
      ['complex', '2021-01-10'],
      ['transformed', '2022-05-01'],
      ['relapsed', '2023-03-01'],
      ['complex', '2023-09-01'],
    );
    expect(graveSince(h, '2024-06-30')).toBe('2023-03-01'); // relapsed then complex: one run
    expect(graveSince(h, '2022-06-30')).toBeNull(); // transformed then
    expect(graveSince(h, '2021-12-31')).toBe('2021-01-10');
    expect(graveSince(h, '2020-12-31')).toBeNull(); // no status yet
  });

  it('is overdue once the months have passed: complex since 10/1/2021, two years on 10/1/2023', () => {
    expect(overdue('2021-01-10', 24, '2023-01-09')).toBe(false);
    expect(overdue('2021-01-10', 24, '2023-01-10')).toBe(true);
    expect(addMonths('2023-08-31', 6)).toBe('2024-02-29');
    expect(addMonths('2023-11-30', 3)).toBe('2024-02-29');
    expect(addMonths('2024-02-29', 12)).toBe('2025-02-28');
  });

  it('names the leaders whose terms overlap the run, secretaries first', () => {
    const terms: Term[] = [
      { role: 'chairman', name: 'Lê Văn Cường', from: '2019-06-01', to: null },
      { role: 'party_secretary', name: 'Trần Thị Bình', from: '2023-01-01', to: null },
      { role: 'party_secretary', name: 'Nguyễn Văn An', from: '2015-01-01', to: '2020-12-31' },
      { role: 'party_secretary', name: 'Phạm Văn Dũng', from: '2021-01-01', to: '2022-12-31' },
    ];
    expect(termsDuring(terms, '2021-01-10', '2024-06-30').map((t) => t.name)).toEqual([
      'Phạm Văn Dũng',
      'Trần Thị Bình',
      'Lê Văn Cường',
    ]);
  });
});
