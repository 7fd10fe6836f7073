// How an indicator's numbers read, in Vietnamese (comma decimals) and English: the same words on the cards, in the
// district table and in the printed brief.
import type { Lang } from './domain-labels';
import type { IndicatorId, IndicatorResult } from './indicators';

const LOCALES: Record<Lang, string> = { vi: 'vi-VN', en: 'en-GB' };

export function formatPercent(value: number, lang: Lang, signed = false): string {
  return new Intl.NumberFormat(LOCALES[lang], {
    style: 'percent',
    maximumFractionDigits: 1,
    signDisplay: signed ? 'exceptZero' : 'auto',
  }).format(value);
}

export function formatCount(value: number, lang: Lang, signed = false): string {
  return new Intl.NumberFormat(LOCALES[lang], { signDisplay: signed ? 'exceptZero' : 'auto' }).format(value);
}

/** H1, T1, T2 are shares of a whole; H2 a relative change; H3 and C1 counts. */
export function isShare(id: IndicatorId): boolean {
  return id === 'H1' || id === 'T1' || id === 'T2';
}

/** A number in the indicator's own unit: shares and H2 as percents (H2 signed), counts as counts. */
export function formatMeasure(id: IndicatorId, value: number, lang: Lang): string {
  if (id === 'H2') return formatPercent(value, lang, true);
  return isShare(id) ? formatPercent(value, lang) : formatCount(value, lang);
}

export function formatValue(i: Pick<IndicatorResult, 'id' | 'value'>, lang: Lang): string {
  return i.value === null ? '—' : formatMeasure(i.id, i.value, lang);
}

const NO_DECREASE = { vi: 'không giảm', en: 'no decrease' };

/** "≥ 80%", "≤ −5%", "0"; C1's target is "no decrease" in words. */
export function formatTarget(i: Pick<IndicatorResult, 'id' | 'target'>, lang: Lang): string {
  if (!i.target) return '—';
  if (i.id === 'C1' && i.target.value === 0 && i.target.op === 'gte') return NO_DECREASE[lang];
  const op = i.target.op === 'gte' ? '≥' : '≤';
  const v = i.id === 'C1' ? formatCount(i.target.value, lang, true) : formatMeasure(i.id, i.target.value, lang);
  return i.id === 'H3' && i.target.value === 0 ? v : `${op} ${v}`;
}

/**
 * What the plan's projection asks by the date, in words: "cần đạt 55,9% đến nay"; for C1, the year-earlier count
 * the current one must not fall below.
 */
export function formatExpected(i: IndicatorResult, lang: Lang): string | null {
  if (i.id === 'C1')
    return i.previous === null || i.previous === undefined
      ? null
      : lang === 'vi'
        ? `một năm trước: ${formatCount(i.previous, lang)} xã`
        : `a year earlier: ${formatCount(i.previous, lang)} communes`;
  if (i.expected === null) return null;
  const op = i.target?.op === 'lte' ? '≤ ' : '';
  const v = formatMeasure(i.id, i.expected, lang);
  return lang === 'vi' ? `cần đạt ${op}${v} đến nay` : `due by now: ${op}${v}`;
}

export const TRACK_WORDS = {
  on: { vi: 'Đúng tiến độ', en: 'On track' },
  off: { vi: 'Chậm tiến độ', en: 'Behind' },
  none: { vi: 'Chưa có số liệu', en: 'No data' },
} as const;

export function trackOf(i: Pick<IndicatorResult, 'onTrack'>): keyof typeof TRACK_WORDS {
  return i.onTrack === null ? 'none' : i.onTrack ? 'on' : 'off';
}

const POINTS = { vi: 'điểm %', en: 'pts' };

/** From one date's value to another's: percents differ in percentage points ("+12,5 điểm %"), counts in counts. */
export function formatDifference(id: IndicatorId, a: number | null, b: number | null, lang: Lang): string {
  if (a === null || b === null) return '—';
  if (id === 'H3' || id === 'C1') return formatCount(b - a, lang, true);
  const points = new Intl.NumberFormat(LOCALES[lang], { maximumFractionDigits: 1, signDisplay: 'exceptZero' });
  return `${points.format(Math.round((b - a) * 1000) / 10)} ${POINTS[lang]}`;
}
