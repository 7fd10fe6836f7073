// The brief's map on the page: communes shaded by status and named where the name fits, district borders, the
// province outline, a legend with counts, a scale bar in metres or kilometres and a north arrow.
import type { Position } from 'geojson';
import { COMMUNE_STATUS_LABELS } from '../../../geo/domain-labels';
import { labelPoint } from '../../../geo/labels';
import { fitFrame, scaleBar, type MapFrame, type PageRect } from '../../../geo/map-frame';
import { STATUS_COLORS, STATUS_KEYS, type StatusKey } from '../../../geo/palette';
import { bboxOf } from '../../../geo/spatial';
import { unitMapLabel } from '../../../geo/unit-names';
import { PLAIN } from '../pdf';
import type { BriefData, UnitShape } from './brief-data';

type Doc = PDFKit.PDFDocument;
const LABEL_SIZE = 5.5;
/** Fills dark enough to need white names. */
const ON_DARK = new Set<StatusKey>(['complex', 'transformed']);

function trace(doc: Doc, frame: MapFrame, shape: UnitShape) {
  const g = shape.geometry;
  for (const polygon of g.type === 'Polygon' ? [g.coordinates] : g.coordinates)
    for (const ring of polygon)
      ring.forEach((p, i) => (i ? doc.lineTo(...frame.toPage(p)) : doc.moveTo(...frame.toPage(p))));
}

/** Names where they fit inside their commune's box on the page (smaller communes stay unnamed rather than overlap). */
function labels(doc: Doc, frame: MapFrame, data: BriefData) {
  doc.font('Noto').fontSize(LABEL_SIZE);
  for (const c of data.map.communes) {
    const name = unitMapLabel(c.properties);
    const [w, s, e, n] = bboxOf(c.geometry);
    const [x0, y0] = frame.toPage([w, n]);
    const [x1, y1] = frame.toPage([e, s]);
    const width = doc.widthOfString(name, PLAIN);
    if (width > (x1 - x0) * 0.9 || LABEL_SIZE * 1.2 > (y1 - y0) * 0.6) continue;
    const [x, y] = frame.toPage(labelPoint(c.geometry) as Position);
    doc.fillColor(ON_DARK.has(data.statusOf(c.properties.code) ?? 'none') ? '#ffffff' : '#111111');
    doc.text(name, x - width / 2, y - LABEL_SIZE * 0.7, { ...PLAIN, lineBreak: false });
  }
}

function scaleAndNorth(doc: Doc, frame: MapFrame, rect: PageRect) {
  const bar = scaleBar(frame.metresPerUnit, rect.width * 0.25);
  const x = rect.x + 12;
  const y = rect.y + rect.height - 18;
  const half = bar.units / 2;
  doc.rect(x, y, half, 4).fill('#000000');
  doc
    .rect(x + half, y, half, 4)
    .lineWidth(0.6)
    .fillAndStroke('#ffffff', '#000000');
  doc.font('Noto').fontSize(7).fillColor('#000000');
  doc.text('0', x - doc.widthOfString('0') / 2, y - 10, { ...PLAIN, lineBreak: false });
  doc.text(bar.label, x + bar.units - doc.widthOfString(bar.label, PLAIN) / 2, y - 10, { ...PLAIN, lineBreak: false });
  // North arrow: the frame's up is north (geo/map-frame).
  const ax = rect.x + rect.width - 22;
  const ay = rect.y + 14;
  doc.polygon([ax, ay], [ax - 6, ay + 18], [ax, ay + 13], [ax + 6, ay + 18]).fill('#000000');
  doc
    .font('NotoBold')
    .fontSize(8)
    .text('B', ax - doc.widthOfString('B') / 2, ay + 19, { ...PLAIN, lineBreak: false });
}

/** The legend: one swatch per status with how many communes hold it. */
export function drawLegend(doc: Doc, data: BriefData, x: number, y: number) {
  const counts = new Map<StatusKey, number>(STATUS_KEYS.map((k) => [k, 0]));
  for (const c of data.map.communes) {
    const k = data.statusOf(c.properties.code) ?? 'none';
    counts.set(k, counts.get(k)! + 1);
  }
  doc.font('NotoBold').fontSize(9).fillColor('#000000').text('Chú giải', x, y, PLAIN);
  let row = y + 14;
  for (const k of STATUS_KEYS) {
    doc.rect(x, row, 12, 9).lineWidth(0.4).fillAndStroke(STATUS_COLORS[k], '#555555');
    const name = k === 'none' ? 'Chưa có trạng thái' : COMMUNE_STATUS_LABELS[k].vi;
    doc
      .font('Noto')
      .fontSize(8)
      .fillColor('#000000')
      .text(`${name}: ${counts.get(k)} xã`, x + 17, row, PLAIN);
    row += 13;
  }
  doc
    .moveTo(x, row + 5)
    .lineTo(x + 12, row + 5)
    .lineWidth(1)
    .stroke('#37474f');
  doc.text('Ranh giới huyện', x + 17, row, PLAIN);
  return row + 13;
}

export function drawMap(doc: Doc, data: BriefData, rect: PageRect) {
  const outline = data.map.province[0] ?? data.map.communes[0];
  if (!outline) return;
  const frame = fitFrame(bboxOf(outline.geometry), rect);
  doc.save().rect(rect.x, rect.y, rect.width, rect.height).clip();
  doc.rect(rect.x, rect.y, rect.width, rect.height).fill('#f4f7f9');
  for (const c of data.map.communes) {
    trace(doc, frame, c);
    doc.lineWidth(0.3).fillAndStroke(STATUS_COLORS[data.statusOf(c.properties.code) ?? 'none'], '#ffffff', 'even-odd');
  }
  for (const d of data.map.districts) {
    trace(doc, frame, d);
    doc.lineWidth(1).stroke('#37474f');
  }
  for (const p of data.map.province) {
    trace(doc, frame, p);
    doc.lineWidth(1.6).stroke('#263238');
  }
  labels(doc, frame, data);
  doc.restore();
  doc.rect(rect.x, rect.y, rect.width, rect.height).lineWidth(0.5).stroke('#90a4ae');
  scaleAndNorth(doc, frame, rect);
}
