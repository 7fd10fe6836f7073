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
