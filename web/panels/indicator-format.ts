// How each indicator's value, target and bar are shown: shares and changes as %, counts as numbers.
import type { Indicator } from '../api/client';
import { formatCount, formatPercent } from '../i18n/format';
import type { Lang } from '../i18n/messages';

export function isShare(id: Indicator['id']): boolean {
  return id === 'H1' || id === 'T1' || id === 'T2';
}

export function formatValue(i: Pick<Indicator, 'id' | 'value'>, lang: Lang): string {
  if (i.value === null) return '—';
  if (i.id === 'H2') return formatPercent(i.value, lang, true);
  return isShare(i.id) ? formatPercent(i.value, lang) : formatCount(i.value, lang);
}

export function formatTarget(i: Indicator, lang: Lang): string {
  if (!i.target) return '—';
  const op = i.target.op === 'gte' ? '≥' : '≤';
  const v =
    i.id === 'H2'
      ? formatPercent(i.target.value, lang, true)
      : isShare(i.id)
        ? formatPercent(i.target.value, lang)
        : formatCount(i.target.value, lang, i.id === 'C1');
  return `${op} ${v}`;
}

/** Progress toward the target for shares (0..1 of the bar); null where a bar would mislead. */
export function progress(i: Indicator): number | null {
  if (!isShare(i.id) || i.value === null) return null;
  return Math.max(0, Math.min(1, i.value));
}

/** A number to sort units by: higher is better for ≥ targets, lower for ≤ targets. */
export function rankScore(i: Indicator | undefined): number {
  if (!i || i.judged === null) return -Infinity;
  return i.target?.op === 'lte' ? -i.judged : i.judged;
}
