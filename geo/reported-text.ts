// How a reported indicator reads, in Vietnamese and English: its period ("Quý 3/2026"), value, target and the bar
// it is held to, and how complete the reporting is. The same words on the dashboard and in exports.
import type { Lang } from './domain-labels';
import { formatCount, formatPercent } from './indicator-text';
import type { ReportedIndicatorDef } from './reported';
import type { ReportingCompleteness } from './reported-aggregate';

export function periodLabel(period: ReportedIndicatorDef['period'], key: string, lang: Lang): string {
  const year = key.slice(0, 4);
  if (period === 'year') return lang === 'vi' ? `Năm ${year}` : `Year ${year}`;
  if (period === 'quarter') return lang === 'vi' ? `Quý ${key.slice(6)}/${year}` : `Q${key.slice(6)} ${year}`;
  return lang === 'vi' ? `Tháng ${Number(key.slice(5))}/${year}` : `${key.slice(5)}/${year}`;
}

export function formatReportedValue(measure: ReportedIndicatorDef['measure'], value: number | null, lang: Lang) {
  if (value === null) return '—';
  return measure === 'share' ? formatPercent(value, lang) : formatCount(value, lang);
}

/** "≥ 80%", "> 90%", "≥ 105% of the previous year" (growth names the period it compares with). */
export function formatReportedTarget(def: Pick<ReportedIndicatorDef, 'target' | 'period'>, lang: Lang): string {
  const t = def.target;
  if (t.rule !== 'growth') return `${t.rule === 'gt' ? '>' : '≥'} ${formatPercent(t.value, lang)}`;
  const of = {
    vi: { year: 'năm trước', quarter: 'quý trước', month: 'tháng trước' },
    en: { year: 'the previous year', quarter: 'the previous quarter', month: 'the previous month' },
  }[lang][def.period];
  return lang === 'vi'
    ? `≥ ${formatPercent(1 + t.value, lang)} so với ${of}`
    : `≥ ${formatPercent(1 + t.value, lang)} of ${of}`;
}

/** For growth, the count the rule asks ("cần đạt 221"); null for shares (the target says it) or without a base. */
export function formatReportedBar(
  def: Pick<ReportedIndicatorDef, 'target' | 'measure'>,
  bar: number | null,
  lang: Lang,
) {
  if (def.target.rule !== 'growth' || bar === null) return null;
  const n = formatCount(Math.ceil(bar - 1e-9), lang);
  return lang === 'vi' ? `cần đạt ${n}` : `due: ${n}`;
}

/** "7/9 đơn vị đã báo cáo (6 đã duyệt) · 2 chưa báo cáo quá hạn · 1 gửi muộn". */
export function formatCompleteness(c: ReportingCompleteness, lang: Lang): string {
  const sent = c.approved + c.pending;
  const parts =
    lang === 'vi'
      ? [`${sent}/${c.expected} đơn vị đã báo cáo (${c.approved} đã duyệt)`]
      : [`${sent} of ${c.expected} units reported (${c.approved} approved)`];
  if (c.missing) parts.push(lang === 'vi' ? `${c.missing} quá hạn chưa báo cáo` : `${c.missing} overdue`);
  if (c.sentLate) parts.push(lang === 'vi' ? `${c.sentLate} gửi muộn` : `${c.sentLate} sent late`);
  return parts.join(' · ');
}
