// "Báo cáo nhanh": the meeting brief as a PDF, A4 or A3 landscape. Page 1: title, map, legend and the six indicators
// (value, target, what is due by now); then the district table; then what changed in the period. Every page carries
// its number and the classification line.
import { formatVnDate } from '../../../geo/dates';
import {
  CHANGE_GROUP_LABELS,
  CLASSIFICATION,
  COMMUNE_STATUS_LABELS,
  INDICATOR_LABELS,
} from '../../../geo/domain-labels';
import { formatExpected, formatTarget, formatValue, TRACK_WORDS, trackOf } from '../../../geo/indicator-text';
import type { IndicatorResult } from '../../../geo/indicators';
import { unitDisplayName } from '../../../geo/unit-names';
import { PLAIN, pdfDocument } from '../pdf';
import type { BriefData } from './brief-data';
import { drawLegend, drawMap } from './brief-map';

type Doc = PDFKit.PDFDocument;
export const BRIEF_SIZES = { a4: [841.89, 595.28], a3: [1190.55, 841.89] } as const;
export type BriefSize = keyof typeof BRIEF_SIZES;

const MARGIN = 36;
const TRACK_COLOURS = { on: '#1b5e20', off: '#b71c1c', none: '#555555' } as const;

/** Noto Sans has no ≥, ≤ or →: the brief says them in words. */
function inWords(text: string): string {
  return text.replace(/≥ /g, 'từ ').replace(/≤ /g, 'không quá ');
}

function provinceName(data: BriefData): string {
  const p = data.map.province[0]?.properties;
  return p ? unitDisplayName(p) : (data.dataset ?? '');
}

function title(doc: Doc, data: BriefData, width: number) {
  const { plan, computedAt, asOf } = data.indicators;
  doc.font('NotoBold').fontSize(15).fillColor('#000000');
  doc.text('BÁO CÁO NHANH CÔNG TÁC PHÒNG, CHỐNG MA TÚY', MARGIN, MARGIN, { ...PLAIN, width, align: 'center' });
  doc.fontSize(12).text(provinceName(data), { ...PLAIN, width, align: 'center' });
  doc.font('Noto').fontSize(9.5);
  doc.text(`${plan.title} (${data.planLegalRef})`, { ...PLAIN, width, align: 'center' });
  const clamped = computedAt !== asOf ? ` (chỉ tiêu tính đến ${formatVnDate(computedAt)}, ngày kết thúc kế hoạch)` : '';
  doc.text(`Số liệu tính đến ngày ${formatVnDate(asOf)}${clamped}`, { ...PLAIN, width, align: 'center' });
}

function indicatorBlock(doc: Doc, i: IndicatorResult, x: number, width: number) {
  const track = trackOf(i);
  const fraction = i.numerator !== null && i.denominator !== null ? ` (${i.numerator}/${i.denominator})` : '';
  doc.font('NotoBold').fontSize(8.5).fillColor('#000000');
  doc.text(`${i.id}. ${INDICATOR_LABELS[i.id].vi}`, x, doc.y, { ...PLAIN, width });
  doc.font('Noto').fontSize(8.5);
  doc.text(`${formatValue(i, 'vi')}${fraction} — mục tiêu ${inWords(formatTarget(i, 'vi'))}`, x, doc.y, {
    ...PLAIN,
    width,
  });
  const due = formatExpected(i, 'vi');
  const expected = due && inWords(due);
  doc.fillColor(TRACK_COLOURS[track]);
  doc.text(`${expected ? `${expected} — ` : ''}${TRACK_WORDS[track].vi}`, x, doc.y, { ...PLAIN, width });
  doc.moveDown(0.4);
}

function firstPage(doc: Doc, data: BriefData, [pageW, pageH]: readonly [number, number]) {
  title(doc, data, pageW - 2 * MARGIN);
  const top = doc.y + 8;
  const side = Math.max(190, pageW * 0.27);
  drawMap(doc, data, { x: MARGIN, y: top, width: pageW - 2 * MARGIN - side - 12, height: pageH - top - MARGIN - 14 });
  const x = pageW - MARGIN - side;
  doc.y = drawLegend(doc, data, x, top) + 8;
  doc.font('NotoBold').fontSize(9).fillColor('#000000').text('Chỉ tiêu của kế hoạch', x, doc.y, PLAIN);
  doc.moveDown(0.3);
  for (const i of data.indicators.indicators) indicatorBlock(doc, i, x, side);
}

interface TableLayout {
  ids: IndicatorResult['id'][];
  first: number;
  col: number;
  width: number;
}

function tableHeader(doc: Doc, data: BriefData, l: TableLayout, y: number) {
  doc.font('NotoBold').fontSize(7.5).fillColor('#000000');
  doc.text('Đơn vị', MARGIN + 2, y, { ...PLAIN, width: l.first - 4 });
  l.ids.forEach((id, k) => {
    const target = inWords(formatTarget(data.indicators.indicators[k]!, 'vi'));
    const x = MARGIN + l.first + k * l.col + 2;
    doc.text(`${id}. ${INDICATOR_LABELS[id].vi} (${target})`, x, y, { ...PLAIN, width: l.col - 4 });
  });
  return y + 34;
}

/** One unit: each indicator's value over its fraction, shaded when behind what is due by now. */
function tableRow(doc: Doc, unit: BriefData['districts']['units'][number], l: TableLayout, y: number) {
  doc
    .moveTo(MARGIN, y - 2)
    .lineTo(MARGIN + l.width, y - 2)
    .lineWidth(0.3)
    .stroke('#b0bec5');
  doc.font('Noto').fontSize(8).fillColor('#000000');
  doc.text(unitDisplayName(unit), MARGIN + 2, y + 2, { ...PLAIN, width: l.first - 4 });
  unit.indicators.forEach((i, k) => {
    const x = MARGIN + l.first + k * l.col;
    if (i.onTrack === false) doc.rect(x, y - 1.5, l.col, 23).fill('#f8d7d3');
    const fraction = i.numerator !== null && i.denominator !== null ? `${i.numerator}/${i.denominator}` : '';
    doc.font('NotoBold').fontSize(8.5).fillColor('#000000');
    doc.text(formatValue(i, 'vi'), x + 2, y + 1, { ...PLAIN, width: l.col - 4 });
    doc.font('Noto').fontSize(7).fillColor('#444444');
    doc.text(fraction, x + 2, y + 12, { ...PLAIN, width: l.col - 4 });
  });
}

function districtTable(doc: Doc, data: BriefData, [pageW, pageH]: readonly [number, number]) {
  doc.addPage();
  const width = pageW - 2 * MARGIN;
  doc.font('NotoBold').fontSize(12).fillColor('#000000');
  const heading = `Chỉ tiêu theo đơn vị — số liệu tính đến ngày ${formatVnDate(data.districts.computedAt)}`;
  doc.text(heading, MARGIN, MARGIN, PLAIN);
  const ids = data.indicators.indicators.map((i) => i.id);
  const first = Math.max(150, width * 0.2);
  const layout = { ids, first, col: (width - first) / ids.length, width };
  let y = tableHeader(doc, data, layout, doc.y + 6);
  for (const unit of data.districts.units) {
    if (y + 24 > pageH - MARGIN - 14) {
      doc.addPage();
      y = tableHeader(doc, data, layout, MARGIN);
    }
    tableRow(doc, unit, layout, y);
    y += 24;
  }
  doc.font('Noto').fontSize(7.5).fillColor('#444444');
  doc.text('Ô tô màu: chưa đạt mức cần đạt đến ngày này theo lộ trình của kế hoạch.', MARGIN, y + 4, PLAIN);
}

function changesPages(doc: Doc, data: BriefData) {
  doc.addPage();
  const { changes } = data;
  doc.font('NotoBold').fontSize(12).fillColor('#000000');
  doc.text(
    `Những thay đổi từ ngày ${formatVnDate(changes.from)} đến ngày ${formatVnDate(changes.to)}`,
    MARGIN,
    MARGIN,
    PLAIN,
  );
  doc.moveDown(0.5);
  for (const g of changes.statusChanges) {
    doc
      .font('NotoBold')
      .fontSize(10)
      .fillColor('#000000')
      .text(`${CHANGE_GROUP_LABELS[g.group].vi}: ${g.communes.length} xã`, PLAIN);
    doc.font('Noto').fontSize(8.5);
    for (const c of g.communes) {
      const before = c.previous ? COMMUNE_STATUS_LABELS[c.previous].vi : 'chưa có';
      const district = c.parent ? `, ${unitDisplayName(c.parent)}` : '';
      doc.text(
        `• ${unitDisplayName(c)}${district}: từ ${before} sang ${COMMUNE_STATUS_LABELS[c.status].vi}, ngày ${formatVnDate(c.effectiveDate)} (${c.legalBasis || 'không ghi căn cứ'})`,
        { ...PLAIN, indent: 8 },
      );
    }
    doc.moveDown(0.4);
  }
  const h = changes.hotspots.total;
  doc.font('NotoBold').fontSize(10).text('Điểm, tụ điểm trong kỳ', PLAIN);
  doc.font('Noto').fontSize(8.5);
  doc.text(`Phát hiện mới ${h.detected}; triệt xóa ${h.eliminated}; tái hình thành ${h.reformed}.`, PLAIN);
}

const ROLE_WORDS = { party_secretary: 'Bí thư Đảng ủy', chairman: 'Chủ tịch UBND' } as const;

/** Seed 004: communes complex for longer than the plan allows, and their leaders meanwhile. */
function accountabilitySection(doc: Doc, data: BriefData) {
  const { accountability: a } = data;
  doc.moveDown(0.8);
  doc.font('NotoBold').fontSize(10).fillColor('#000000');
  doc.text(`Địa bàn phức tạp kéo dài quá ${a.months} tháng: ${a.communes.length} xã`, MARGIN, doc.y, PLAIN);
  doc.font('Noto').fontSize(8.5);
  for (const c of a.communes) {
    const district = c.parent ? `, ${unitDisplayName(c.parent)}` : '';
    const leaders = c.officials
      .map((o) => `${ROLE_WORDS[o.role]} ${o.name} (${formatVnDate(o.from)} – ${o.to ? formatVnDate(o.to) : 'nay'})`)
      .join('; ');
    doc.text(
      `• ${unitDisplayName(c)}${district}: ${COMMUNE_STATUS_LABELS[c.status].vi} từ ngày ${formatVnDate(c.since)} (${c.days} ngày); người đứng đầu: ${leaders || 'chưa ghi'}`,
      { ...PLAIN, indent: 8 },
    );
  }
}

/** Page numbers and the classification line on every page, written once all pages exist. */
function footers(doc: Doc, [pageW, pageH]: readonly [number, number]) {
  const range = doc.bufferedPageRange();
  for (let n = 0; n < range.count; n++) {
    doc.switchToPage(range.start + n);
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0; // writing inside the margin must not open a new page
    doc.font('Noto').fontSize(7.5).fillColor('#333333');
    doc.text(CLASSIFICATION, MARGIN, pageH - 24, { ...PLAIN, lineBreak: false });
    const number = `Trang ${n + 1}/${range.count}`;
    doc.text(number, pageW - MARGIN - doc.widthOfString(number, PLAIN), pageH - 24, { ...PLAIN, lineBreak: false });
    doc.page.margins.bottom = bottom;
  }
}

export function briefPdf(data: BriefData, size: BriefSize): Promise<Uint8Array> {
  const page = BRIEF_SIZES[size];
  const { doc, bytes } = pdfDocument({
    size: [...page],
    margin: MARGIN,
    bufferPages: true,
    info: { Title: `Báo cáo nhanh — ${provinceName(data)} — ${formatVnDate(data.indicators.asOf)}` },
  });
  firstPage(doc, data, page);
  districtTable(doc, data, page);
  changesPages(doc, data);
  accountabilitySection(doc, data);
  footers(doc, page);
  doc.end();
  return bytes;
}
