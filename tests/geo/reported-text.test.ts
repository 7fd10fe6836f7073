// The words of reported indicators, written out in both languages.
import { describe, expect, it } from 'vitest';
import {
  formatCompleteness,
  formatReportedBar,
  formatReportedTarget,
  formatReportedValue,
  periodLabel,
} from '../../geo/reported-text';

describe('reported indicator text', () => {
  it('names periods as staff write them', () => {
    expect(periodLabel('quarter', '2026-Q3', 'vi')).toBe('Quý 3/2026');
    expect(periodLabel('month', '2026-10', 'vi')).toBe('Tháng 10/2026');
    expect(periodLabel('year', '2025', 'vi')).toBe('Năm 2025');
    expect(periodLabel('quarter', '2026-Q3', 'en')).toBe('Q3 2026');
  });

  it('values, targets and the bar of growth', () => {
    expect(formatReportedValue('share', 0.875, 'vi')).toBe('87,5%');
    expect(formatReportedValue('count', 1234, 'vi')).toBe('1.234');
    expect(formatReportedValue('share', null, 'en')).toBe('—');
    expect(formatReportedTarget({ period: 'quarter', target: { rule: 'gt', value: 0.9 } }, 'vi')).toBe('> 90%');
    expect(formatReportedTarget({ period: 'year', target: { rule: 'growth', value: 0.05 } }, 'vi')).toBe(
      '≥ 105% so với năm trước',
    );
    expect(formatReportedTarget({ period: 'year', target: { rule: 'growth', value: 0.05 } }, 'en')).toBe(
      '≥ 105% of the previous year',
    );
    // 210 × 1.05 = 220.5: at least 221 cases.
    expect(formatReportedBar({ measure: 'count', target: { rule: 'growth', value: 0.05 } }, 220.5, 'vi')).toBe(
      'cần đạt 221',
    );
    expect(formatReportedBar({ measure: 'count', target: { rule: 'growth', value: 0.05 } }, 157.5, 'en')).toBe(
      'due: 158',
    );
    expect(formatReportedBar({ measure: 'share', target: { rule: 'gte', value: 0.8 } }, 0.8, 'vi')).toBeNull();
  });

  it('completeness in words', () => {
    const c = { expected: 9, approved: 6, pending: 1, missing: 2, sentLate: 1, onTime: 6 };
    expect(formatCompleteness(c, 'vi')).toBe(
      '7/9 đơn vị đã báo cáo (6 đã duyệt) · 2 quá hạn chưa báo cáo · 1 gửi muộn',
    );
    expect(formatCompleteness({ ...c, missing: 0, sentLate: 0 }, 'en')).toBe('7 of 9 units reported (6 approved)');
  });
});
