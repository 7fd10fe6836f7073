// The district table as XLSX for the leader: every unit with every indicator side by side (value, numerator /
// denominator, expected by now), lagging cells shaded, numbers kept as numbers with percent formats.
import ExcelJS from 'exceljs';
import { formatVnDate } from '../../geo/dates';
import { INDICATOR_LABELS } from '../../geo/domain-labels';
import { formatTarget, isShare } from '../../geo/indicator-text';
import type { IndicatorId, IndicatorResult } from '../../geo/indicators';
import { unitDisplayName } from '../../geo/unit-names';
import type { childIndicators } from './indicators';

type Table = ReturnType<typeof childIndicators>;

const LAGGING = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF8D7D3' } } as const;

/** Excel number format of an indicator's value: shares and H2 as percents, counts as integers (C1's change signed). */
function numberFormat(id: IndicatorId): string {
  if (id === 'H2') return '+0.0%;-0.0%;0.0%';
  return isShare(id) ? '0.0%' : '0';
}

function header(sheet: ExcelJS.Worksheet, ids: IndicatorId[], first: IndicatorResult[]) {
  const groups = sheet.addRow(['Đơn vị', ...ids.flatMap((id) => [`${id}. ${INDICATOR_LABELS[id].vi}`, '', ''])]);
  const subs = sheet.addRow([
    '',
    ...ids.flatMap((id) => {
      const target = formatTarget(
        first.find((i) => i.id === id)!,
        'vi',
      );
      return [`Giá trị${target ? ` (mục tiêu ${target})` : ''}`, 'Tử số / mẫu số', 'Cần đạt đến nay'];
    }),
  ]);
  ids.forEach((_, k) => sheet.mergeCells(groups.number, 2 + 3 * k, groups.number, 4 + 3 * k));
  sheet.mergeCells(groups.number, 1, subs.number, 1);
  for (const row of [groups, subs]) {
    row.font = { bold: true };
    row.alignment = { wrapText: true, vertical: 'middle', horizontal: 'center' };
  }
}

function unitRow(sheet: ExcelJS.Worksheet, ids: IndicatorId[], unit: Table['units'][number]) {
  const byId = new Map(unit.indicators.map((i) => [i.id, i]));
  const row = sheet.addRow([
    unitDisplayName(unit),
    ...ids.flatMap((id) => {
      const i = byId.get(id)!;
      const fraction = i.numerator !== null && i.denominator !== null ? `${i.numerator}/${i.denominator}` : '';
      const c1Change =
        id === 'C1' && i.judged !== null ? ` (${i.judged >= 0 ? '+' : ''}${i.judged} so với 1 năm trước)` : '';
      return [i.value, fraction + c1Change, id === 'C1' ? null : i.expected];
    }),
  ]);
  ids.forEach((id, k) => {
    const i = byId.get(id)!;
    const cells = [2, 3, 4].map((n) => row.getCell(n + 3 * k));
    cells[0]!.numFmt = numberFormat(id);
    cells[2]!.numFmt = numberFormat(id);
    if (i.onTrack === false) for (const cell of cells) cell.fill = LAGGING;
  });
}

export async function districtTableXlsx(table: Table): Promise<Uint8Array> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('Chỉ tiêu theo đơn vị');
  const ids = (table.units[0]?.indicators ?? []).map((i) => i.id);
  const where = table.parent ? ` — ${unitDisplayName(table.parent)}` : '';
  sheet.addRow([`Tiến độ thực hiện chỉ tiêu theo đơn vị${where}`]).font = { bold: true, size: 13 };
  sheet.addRow([
    `${table.plan.title} (${table.plan.legalRef}) — số liệu tính đến ngày ${formatVnDate(table.computedAt)}`,
  ]);
  if (table.units.length) header(sheet, ids, table.units[0]!.indicators);
  for (const unit of table.units) unitRow(sheet, ids, unit);
  sheet.addRow([]);
  sheet.addRow(['Ô tô màu: chưa đạt mức cần đạt đến ngày này theo lộ trình của kế hoạch.']).font = { italic: true };
  sheet.columns.forEach((c, k) => (c.width = k === 0 ? 26 : (k - 1) % 3 === 0 ? 18 : 14));
  return new Uint8Array(await book.xlsx.writeBuffer());
}
