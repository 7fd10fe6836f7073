// Number and date formatting for the UI: dd/mm/yyyy dates, percentages with a comma in Vietnamese.
import { formatVnDate } from '../../geo/dates';
import type { Lang } from './messages';

export const formatDate = formatVnDate;

const LOCALES: Record<Lang, string> = { vi: 'vi-VN', en: 'en-GB' };

/** An instant as the clock reads in Vietnam, whatever the viewer's time zone. */
export function formatDateTime(iso: string, lang: Lang): string {
  return new Date(iso).toLocaleString(LOCALES[lang], { timeZone: 'Asia/Ho_Chi_Minh' });
}

export { formatCount, formatPercent } from '../../geo/indicator-text';

/** Areas of findings: square metres up to a hectare, square kilometres above. */
export function formatArea(m2: number, lang: Lang): string {
  const number = (v: number, digits: number) =>
    new Intl.NumberFormat(LOCALES[lang], { maximumFractionDigits: digits }).format(v);
  return m2 < 10_000 ? `${number(m2, m2 < 10 ? 1 : 0)} m²` : `${number(m2 / 1e6, 2)} km²`;
}
