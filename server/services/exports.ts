// Exports: hotspot lists as CSV, XLSX and GeoJSON; an operation packet as XLSX and as PDF (Vietnamese text in an
// embedded Noto Sans, with a map drawing of the area). Every export is written to the audit trail by the route.
import ExcelJS from 'exceljs';
import { PLAIN, pdfDocument } from './pdf';
import type { FeatureCollection, Point, Position } from 'geojson';
import { formatVnDate } from '../../geo/dates';
import type { Area } from '../../geo/spatial';
import { unitDisplayName } from '../../geo/unit-names';
import type { HotspotProperties } from '../contracts/api';
import { spreadsheetCsv } from './csv';
import {
  HOTSPOT_ACTIVITY_LABELS,
  HOTSPOT_EVENT_LABELS,
  HOTSPOT_KIND_LABELS,
  HOTSPOT_STATUS_LABELS,
  labelsIn,
} from '../../geo/domain-labels';

const KIND_VI = labelsIn(HOTSPOT_KIND_LABELS, 'vi');
const STATUS_VI = labelsIn(HOTSPOT_STATUS_LABELS, 'vi');
const ACTIVITY_VI = labelsIn(HOTSPOT_ACTIVITY_LABELS, 'vi');
const EVENT_VI = labelsIn(HOTSPOT_EVENT_LABELS, 'vi');

type HotspotList = FeatureCollection<Point, HotspotProperties>;

const listRows = (list: HotspotList, communeName: (code: string) => string) =>
  list.features.map((f) => {
    const p = f.properties;
    const [lng, lat] = f.geometry.coordinates as [number, number];
    return [
      p.id,
      p.address,
      communeName(p.communeCode),
      KIND_VI[p.kind],
      p.activities.map((a) => ACTIVITY_VI[a]).join(', '),
      STATUS_VI[p.status],
      formatVnDate(p.since),
      lat,
      lng,
    ];
  });
const LIST_HEADER = ['Mã', 'Địa chỉ', 'Xã', 'Loại', 'Hoạt động', 'Tình trạng', 'Từ ngày', 'Vĩ độ', 'Kinh độ'];

export function hotspotsCsv(list: HotspotList, communeName: (code: string) => string): string {
  return spreadsheetCsv([LIST_HEADER, ...listRows(list, communeName)]);
}

/** The list as GeoJSON, each point also carrying its commune's name as shown everywhere else ("Phường 1"). */
export function hotspotsGeoJson(list: HotspotList, communeName: (code: string) => string): string {
  const features = list.features.map((f) => ({
    ...f,
    properties: { ...f.properties, communeName: communeName(f.properties.communeCode) },
  }));
  return JSON.stringify({ type: 'FeatureCollection', features });
}

export async function hotspotsXlsx(
  list: HotspotList,
  communeName: (code: string) => string,
  title: string,
): Promise<Uint8Array> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('Điểm, tụ điểm');
  sheet.addRow([title]).font = { bold: true, size: 13 };
  sheet.addRow(LIST_HEADER).font = { bold: true };
  for (const r of listRows(list, communeName)) sheet.addRow(r);
  sheet.columns.forEach((c, i) => (c.width = [8, 40, 22, 10, 28, 16, 12, 11, 11][i]));
  return new Uint8Array(await book.xlsx.writeBuffer());
}

export interface OperationPacket {
  id: number;
  name: string;
  startDate: string;
  endDate: string;
  units: string[];
  note: string;
  area: Area;
  results: {
    arrested: number;
    cases: number;
    seizures: { substance: string; quantity: number; unit: string }[];
    note: string;
  } | null;
  hotspots: {
    id: number;
    location: [number, number];
    address: string;
    kind: keyof typeof KIND_VI;
    activities: (keyof typeof ACTIVITY_VI)[];
    commune: { name: string; type: string };
    status: keyof typeof STATUS_VI | null;
    target: boolean;
    eliminatedHere: string | null;
    history: { kind: string; date: string; note: string }[];
  }[];
  communes: { name: string; type: string; geometry: Area }[];
  generatedAt: string;
}

const eventText = (e: { kind: string; date: string; note: string }) =>
  `${formatVnDate(e.date)} ${EVENT_VI[e.kind as keyof typeof EVENT_VI] ?? e.kind}${e.note ? ` (${e.note})` : ''}`;

export async function operationXlsx(op: OperationPacket): Promise<Uint8Array> {
  const book = new ExcelJS.Workbook();
  const info = book.addWorksheet('Kế hoạch');
  info.addRow([`Đợt cao điểm: ${op.name}`]).font = { bold: true, size: 13 };
  info.addRow(['Thời gian', `${formatVnDate(op.startDate)} – ${formatVnDate(op.endDate)}`]);
  info.addRow(['Lực lượng tham gia', op.units.join('; ')]);
  info.addRow(['Ghi chú', op.note]);
  info.addRow(['Số điểm, tụ điểm mục tiêu', op.hotspots.filter((h) => h.target).length]);
  if (op.results) {
    info.addRow([]);
    info.addRow(['Kết quả']).font = { bold: true };
    info.addRow(['Số đối tượng bắt giữ', op.results.arrested]);
    info.addRow(['Số vụ khởi tố', op.results.cases]);
    for (const s of op.results.seizures) info.addRow(['Thu giữ', `${s.substance}: ${s.quantity} ${s.unit}`]);
    info.addRow(['Số điểm bị triệt xóa', op.hotspots.filter((h) => h.eliminatedHere).length]);
  }
  info.getColumn(1).width = 28;
  info.getColumn(2).width = 60;
  const list = book.addWorksheet('Điểm, tụ điểm');
  list.addRow([
    'Mã',
    'Địa chỉ',
    'Xã',
    'Loại',
    'Hoạt động',
    'Tình trạng',
    'Mục tiêu',
    'Triệt xóa trong đợt',
    'Lịch sử',
    'Vĩ độ',
    'Kinh độ',
  ]).font = { bold: true };
  for (const h of op.hotspots)
    list.addRow([
      h.id,
      h.address,
      unitDisplayName(h.commune),
      KIND_VI[h.kind],
      h.activities.map((a) => ACTIVITY_VI[a]).join(', '),
      h.status ? STATUS_VI[h.status] : '',
      h.target ? 'Có' : '',
      h.eliminatedHere ? formatVnDate(h.eliminatedHere) : '',
      h.history.map(eventText).join('; '),
      h.location[1],
      h.location[0],
    ]);
  list.columns.forEach((c, i) => (c.width = [7, 36, 22, 9, 24, 15, 9, 12, 60, 10, 10][i]));
  return new Uint8Array(await book.xlsx.writeBuffer());
}

/** A map drawing of the area: communes touched (outlined, named), the area (hatched blue), hotspots by status. */
function drawMap(doc: PDFKit.PDFDocument, op: OperationPacket, x0: number, y0: number, width: number, height: number) {
  const all: Position[] = [];
  const visit = (g: Area) =>
    (g.type === 'Polygon' ? [g.coordinates] : g.coordinates).forEach((p) => p.forEach((r) => all.push(...r)));
  visit(op.area);
  for (const h of op.hotspots) all.push(h.location);
  const xs = all.map((p) => p[0]!);
  const ys = all.map((p) => p[1]!);
  const [w, e, s, n] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
  const k = Math.cos((((s + n) / 2) * Math.PI) / 180); // equirectangular at the area's latitude
  const scale = Math.min(width / ((e - w || 1e-3) * k * 1.15), height / ((n - s || 1e-3) * 1.15));
  const cx = (w + e) / 2;
  const cy = (s + n) / 2;
  const px = ([lng, lat]: Position) =>
    [x0 + width / 2 + (lng! - cx) * k * scale, y0 + height / 2 - (lat! - cy) * scale] as const;
  const path = (g: Area) => {
    for (const poly of g.type === 'Polygon' ? [g.coordinates] : g.coordinates)
      for (const ring of poly) ring.forEach((p, i) => (i ? doc.lineTo(...px(p)) : doc.moveTo(...px(p))));
  };
  doc.save().rect(x0, y0, width, height).clip();
  doc.rect(x0, y0, width, height).fill('#eef2f5');
  for (const c of op.communes) {
    path(c.geometry);
    doc.lineWidth(0.8).fillOpacity(1).fillAndStroke('#ffffff', '#607d8b');
  }
  path(op.area);
  doc.lineWidth(1.5).fillOpacity(0.18).fillAndStroke('#1565c0', '#1565c0');
  doc.fillOpacity(1);
  for (const h of op.hotspots) {
    const [x, y] = px(h.location);
    doc
      .circle(x, y, 3.5)
      .lineWidth(0.8)
      .fillAndStroke(h.status === 'eliminated' ? '#2e7d32' : '#c62828', '#ffffff');
  }
  doc.restore();
  doc.rect(x0, y0, width, height).lineWidth(0.5).stroke('#90a4ae');
}

function pdfHeading(doc: PDFKit.PDFDocument, op: OperationPacket) {
  doc
    .font('NotoBold')
    .fontSize(15)
    .text(`KẾ HOẠCH ĐỢT CAO ĐIỂM TẤN CÔNG TRẤN ÁP TỘI PHẠM VỀ MA TÚY`, { ...PLAIN, align: 'center' });
  doc
    .moveDown(0.3)
    .fontSize(13)
    .text(op.name, { ...PLAIN, align: 'center' });
  doc.moveDown(0.6).font('Noto').fontSize(10);
  doc.text(`Thời gian: ${formatVnDate(op.startDate)} – ${formatVnDate(op.endDate)}`, PLAIN);
  doc.text(`Lực lượng tham gia: ${op.units.join('; ') || '—'}`, PLAIN);
  if (op.note) doc.text(`Ghi chú: ${op.note}`, PLAIN);
  doc.text(
    `Số điểm, tụ điểm trong địa bàn và mục tiêu: ${op.hotspots.length} (mục tiêu: ${op.hotspots.filter((h) => h.target).length})`,
    PLAIN,
  );
}

function pdfMap(doc: PDFKit.PDFDocument, op: OperationPacket) {
  doc.moveDown(0.5);
  drawMap(doc, op, 40, doc.y, 515, 260);
  doc.y += 268;
  doc
    .fontSize(8)
    .fillColor('#555')
    .text(
      'Chú giải: vùng xanh — địa bàn của đợt; chấm đỏ — điểm đang hoạt động; chấm xanh lá — điểm đã triệt xóa; viền xám — ranh giới xã.',
      PLAIN,
    );
  doc.fillColor('#000').moveDown(0.6);
}

function pdfResults(doc: PDFKit.PDFDocument, op: OperationPacket) {
  if (!op.results) return;
  doc.font('NotoBold').fontSize(11).text('Kết quả', PLAIN);
  doc
    .font('Noto')
    .fontSize(10)
    .text(
      `Bắt giữ ${op.results.arrested} đối tượng; khởi tố ${op.results.cases} vụ; triệt xóa ${op.hotspots.filter((h) => h.eliminatedHere).length} điểm, tụ điểm.`,
      PLAIN,
    );
  for (const s of op.results.seizures) doc.text(`Thu giữ: ${s.substance} — ${s.quantity} ${s.unit}`, PLAIN);
  doc.moveDown(0.6);
}

function pdfHotspots(doc: PDFKit.PDFDocument, op: OperationPacket) {
  doc.font('NotoBold').fontSize(11).text('Danh sách điểm, tụ điểm', PLAIN);
  doc.font('Noto').fontSize(9);
  for (const h of op.hotspots) {
    doc.moveDown(0.3);
    doc.font('NotoBold').text(`#${h.id} ${h.address} — ${unitDisplayName(h.commune)}`, PLAIN);
    doc
      .font('Noto')
      .text(
        `${KIND_VI[h.kind]}; ${h.activities.map((a) => ACTIVITY_VI[a]).join(', ')}; ${h.status ? STATUS_VI[h.status] : ''}${h.target ? '; mục tiêu của đợt' : ''}`,
        PLAIN,
      );
    doc.text(`Lịch sử: ${h.history.map(eventText).join('; ')}`, PLAIN);
  }
}

/** The operation's packet on A4: heading, map of its area, results, the hotspots with their history. */
export function operationPdf(op: OperationPacket): Promise<Uint8Array> {
  const { doc, bytes } = pdfDocument({ size: 'A4', margin: 40, info: { Title: `Đợt cao điểm: ${op.name}` } });
  pdfHeading(doc, op);
  pdfMap(doc, op);
  pdfResults(doc, op);
  pdfHotspots(doc, op);
  doc
    .moveDown(1)
    .fontSize(8)
    .fillColor('#555')
    .text(`Xuất lúc ${op.generatedAt} — tài liệu mật, chỉ dùng trong lực lượng Công an.`, PLAIN);
  doc.end();
  return bytes;
}
