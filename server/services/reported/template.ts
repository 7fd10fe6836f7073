// The province's usual Excel template of reported figures, for one plan and period: one row per unit the user reports
// for, a column per indicator of that period's kind (two for a share: numerator and denominator), a note per row.
// Downloaded filled with the figures counted so far; uploaded back, it is read cell by cell.
import ExcelJS from 'exceljs';
import { periodOfKey, periodRange, type ReportedIndicatorDef } from '../../../geo/reported';
import { periodLabel } from '../../../geo/reported-text';
import { unitDisplayName } from '../../../geo/unit-names';
import { inScope, type Principal } from '../../auth/access';
import { HttpError, type FieldIssue } from '../../http/errors';
import type { PlanRecord, Snapshot, UnitNode } from '../snapshot';
import type { EntryFromFile } from './entries';
import { reportedPlanOf, reportingUnits } from './report';

const UNIT_HEADER = 'Mã đơn vị';
const NOTE_HEADER = 'Ghi chú';
const PARTS = { numerator: 'Tử số', denominator: 'Mẫu số', count: 'Số lượng' } as const;
type Part = keyof typeof PARTS;

/** The columns after the unit's code and name: per indicator its parts, then the note. */
function columns(defs: readonly ReportedIndicatorDef[]): { code: string; part: Part; header: string }[] {
  return defs.flatMap((d) =>
    (d.measure === 'share' ? (['numerator', 'denominator'] as const) : (['count'] as const)).map((part) => ({
      code: d.code,
      part,
      header: `${d.code} – ${PARTS[part]}`,
    })),
  );
}

/** Column letters as Excel writes them: A…Z, AA… */
export function columnLetter(index: number): string {
  let n = index + 1;
  let out = '';
  while (n > 0) {
    out = String.fromCharCode(65 + ((n - 1) % 26)) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

/** The plan's indicators reported for periods of this key's kind, and the units this user fills them for. */
export function templateScope(s: Snapshot, p: Principal, plan: PlanRecord, key: string) {
  const defs = reportedPlanOf(s, plan.id).defs.filter((d) => d.period === periodOfKey(key));
  const end = periodRange(periodOfKey(key), key).end;
  const levels = [...new Set(defs.flatMap((d) => d.levels))];
  const units = reportingUnits(s, null, levels, end)
    .filter((id) => inScope(s, p, id))
    .map((id) => s.units.get(id)!)
    .sort((a, b) => a.code.localeCompare(b.code));
  return { defs, units };
}

export async function templateXlsx(
  s: Snapshot,
  plan: PlanRecord,
  key: string,
  defs: ReportedIndicatorDef[],
  units: UnitNode[],
) {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('Số liệu');
  const cols = columns(defs);
  sheet.addRow([`Số liệu báo cáo — ${plan.title} — ${periodLabel(periodOfKey(key), key, 'vi')}`]).font = { bold: true };
  sheet.addRow([
    `Kế hoạch ${plan.id}, kỳ ${key}. Để trống ô của chỉ tiêu chưa báo cáo; ghi chú lý do khi số liệu thay đổi hơn 50% so với kỳ trước.`,
  ]);
  const header = sheet.addRow([UNIT_HEADER, 'Đơn vị', ...cols.map((c) => c.header), NOTE_HEADER]);
  header.font = { bold: true };
  const counted = new Map(
    s.reportedRows
      .filter((r) => r.planId === plan.id && r.periodKey === key && r.state === 'approved')
      .map((r) => [`${r.code}|${r.unitId}`, r]),
  );
  for (const u of units)
    sheet.addRow([
      u.code,
      unitDisplayName(u),
      ...cols.map((c) => {
        const r = counted.get(`${c.code}|${u.id}`);
        return r ? (c.part === 'denominator' ? r.denominator : r.numerator) : null;
      }),
      '',
    ]);
  sheet.getColumn(1).numFmt = '@'; // codes stay text ("01" keeps its zero)
  sheet.getColumn(2).width = 28;
  for (let i = 0; i < cols.length; i++) sheet.getColumn(3 + i).width = 16;
  sheet.getColumn(3 + cols.length).width = 40;
  return Buffer.from(await book.xlsx.writeBuffer());
}

const cellText = (v: unknown) => (v === null || v === undefined ? '' : String(v).trim());

/** A whole number ≥ 0 in a cell, or the issue at that cell. */
function wholeAt(v: unknown, at: string, issues: FieldIssue[]): number | null {
  const n = typeof v === 'number' ? v : Number(cellText(v).replace(/[.\s]/g, ''));
  if (Number.isInteger(n) && n >= 0 && n <= 100_000_000) return n;
  issues.push({
    path: at,
    message: `Phải là số nguyên không âm / Must be a whole number, not negative (${cellText(v)})`,
  });
  return null;
}

/** The header row and what each of its columns holds; unknown columns are issues. */
function readHeader(rows: unknown[][], defs: readonly ReportedIndicatorDef[], issues: FieldIssue[]) {
  const at = rows.findIndex((r) => cellText(r[0]) === UNIT_HEADER);
  if (at < 0)
    throw new HttpError(
      400,
      'validation',
      `Không thấy dòng tiêu đề "${UNIT_HEADER}"`,
      `No header row "${UNIT_HEADER}"`,
    );
  const known = new Map(columns(defs).map((c) => [c.header, c]));
  const cols = new Map<number, { code: string; part: Part }>();
  let note: number | null = null;
  rows[at]!.forEach((v, i) => {
    if (i < 2 || cellText(v) === '') return;
    if (cellText(v) === NOTE_HEADER) note = i;
    else if (known.has(cellText(v))) cols.set(i, known.get(cellText(v))!);
    else issues.push({ path: `${columnLetter(i)}${at + 1}`, message: `Cột không rõ / Unknown column: ${cellText(v)}` });
  });
  return { at, cols, note: note as number | null };
}

/** The entries a filled template holds (blank indicator cells are no entry); issues by cell. */
export function readTemplate(rows: unknown[][], plan: PlanRecord, key: string, defs: readonly ReportedIndicatorDef[]) {
  const issues: FieldIssue[] = [];
  const header = readHeader(rows, defs, issues);
  const entries: EntryFromFile[] = [];
  for (let r = header.at + 1; r < rows.length; r++) {
    const row = rows[r]!;
    const unit = cellText(row[0]);
    if (!unit) continue;
    const note = header.note === null ? '' : cellText(row[header.note]);
    const noteCell = header.note === null ? null : `${columnLetter(header.note)}${r + 1}`;
    for (const d of defs) {
      const cells = [...header.cols].filter(([, c]) => c.code === d.code);
      if (cells.every(([i]) => cellText(row[i]) === '')) continue;
      const value = (part: Part) => {
        const found = cells.find(([, c]) => c.part === part);
        return found
          ? {
              n: wholeAt(row[found[0]], `${columnLetter(found[0])}${r + 1}`, issues),
              at: `${columnLetter(found[0])}${r + 1}`,
            }
          : null;
      };
      const num = value(d.measure === 'share' ? 'numerator' : 'count');
      const den = d.measure === 'share' ? value('denominator') : null;
      if (!num || num.n === null || (den && den.n === null)) continue;
      entries.push({
        input: {
          plan: plan.id,
          code: d.code,
          unit,
          period: key,
          numerator: num.n,
          denominator: den?.n ?? null,
          note,
          attachmentId: null,
        },
        cells: { numerator: num.at, denominator: den?.at ?? null, note: noteCell },
      });
    }
  }
  return { entries, issues };
}
