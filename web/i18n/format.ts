// Number and date formatting for the UI: dd/mm/yyyy dates, percentages with a comma in Vietnamese.
import { formatVnDate } from '../../geo/dates';
import type { Lang } from './messages';

export const formatDate = formatVnDate;

export function formatPercent(value: number, lang: Lang, signed = false): string {
  const text = new Intl.NumberFormat(lang === 'vi' ? 'vi-VN' : 'en-GB', { style: 'percent', maximumFractionDigits: 1, signDisplay: signed ? 'exceptZero' : 'auto' }).format(value);
  return text;
}

export function formatCount(value: number, lang: Lang, signed = false): string {
  return new Intl.NumberFormat(lang === 'vi' ? 'vi-VN' : 'en-GB', { signDisplay: signed ? 'exceptZero' : 'auto' }).format(value);
}

/** Areas of findings: square metres up to a hectare, square kilometres above. */
export function formatArea(m2: number, lang: Lang): string {
  const number = (v: number, digits: number) => new Intl.NumberFormat(lang === 'vi' ? 'vi-VN' : 'en-GB', { maximumFractionDigits: digits }).format(v);
  return m2 < 10_000 ? `${number(m2, m2 < 10 ? 1 : 0)} m²` : `${number(m2 / 1e6, 2)} km²`;
}
