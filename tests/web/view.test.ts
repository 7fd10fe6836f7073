// URL ⇄ view state: a shared link reopens the same view; bad parameters fall back to defaults.
import { describe, expect, it } from 'vitest';
import { DEFAULT_VIEW, parseView, serializeView } from '../../web/state/view';

describe('view state in the URL', () => {
  it('round-trips every field', () => {
    const view = {
      page: 'queue' as const,
      plan: '2021-2025',
      unit: '993',
      date: '2024-06-30',
      commune: '99031',
      op: 7,
      hotspots: true,
      heatmap: true,
      operations: true,
      lang: 'en' as const,
      large: true,
      present: true,
      compare: '2023-06-30',
    };
    expect(serializeView(view)).toBe(
      '?page=queue&plan=2021-2025&unit=993&date=2024-06-30&commune=99031&op=7&layers=hotspots%2Cheatmap%2Coperations&lang=en&large=1&present=1&compare=2023-06-30',
    );
    expect(parseView(serializeView(view))).toEqual(view);
  });

  it('the default view is an empty query', () => {
    expect(serializeView(DEFAULT_VIEW)).toBe('');
    expect(parseView('')).toEqual(DEFAULT_VIEW);
  });

  it('ignores malformed values', () => {
    expect(
      parseView('?plan=DROP%20TABLE&unit=abc&date=2024-02-30&op=0x1&lang=fr&large=yes&compare=2023-13-01'),
    ).toEqual(DEFAULT_VIEW);
  });
});
