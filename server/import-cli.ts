// npm run import -- boundaries <file> --dry-run [--epsg N] [--encoding utf-8|windows-1258|tcvn3|vni] [--layer NAME]
// Reads, reprojects and checks a boundary file and prints the validation report; nothing is written.
import { readFileSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import { parseArgs } from 'node:util';
import { TEXT_ENCODINGS, type TextEncodingName } from './import/encodings';
import { prepareBoundaries, type ImportReport } from './import/prepare';
import { MAX_IMPORT_BYTES, tooLarge } from './import/read';
import { HttpError } from './http/errors';

const USAGE = 'npm run import -- boundaries <file.geojson|.topojson|.zip> --dry-run [--epsg N] [--encoding utf-8|windows-1258|tcvn3|vni] [--layer NAME]';

export function formatReport(r: ImportReport): string {
  const lines = [
    `Tệp / file: ${r.file} (${r.format}), ${r.features} đơn vị / units`,
    `Hệ tọa độ / CRS (${r.crs.source}): ${r.crs.definition}`,
    ...(r.encoding ? [`Bảng mã / text encoding: ${r.encoding}`] : []),
    ...r.notes.map((n) => `! ${n.vi} / ${n.en}`),
    'Thuộc tính / attributes:',
    ...r.attributes.map((a) => `  ${a.name}: ${a.examples.join(' | ')}`),
    `Cấp / level: ${r.mapping.level}; mã / code: ${r.mapping.code ?? '—'}; tên / name: ${r.mapping.name ?? '—'}; loại / type: ${r.mapping.type ?? '—'}; cấp trên / parent: ${r.mapping.parent ?? '—'}`,
    ...(r.province ? [`Tỉnh / province: ${r.province.code} ${r.province.name}`] : []),
    ...(r.matching ? [`Đối chiếu danh mục / matched to the code list: ${r.matching.byCode} theo mã / by code, ${r.matching.byName} theo tên / by name, ${r.matching.unmatched} không khớp / unmatched, ${r.matching.ambiguous} không rõ / ambiguous`] : []),
    `Dung sai / tolerances: chồng lấn / overlap > ${r.tolerances.overlapM2} m², khe hở / gap > ${r.tolerances.gapM2} m², ngoài ranh tỉnh / outside > ${r.tolerances.outsideM2} m²; ${r.unionParts} vùng liền / connected part(s)`,
  ];
  const byKind = new Map<string, ImportReport['findings']>();
  for (const f of r.findings) byKind.set(f.kind, [...(byKind.get(f.kind) ?? []), f]);
  lines.push(r.findings.length ? 'Kiểm tra hình học / geometry findings:' : 'Kiểm tra hình học / geometry: không có lỗi / no findings');
  for (const [kind, list] of byKind) {
    const state = list[0]!.blocking ? 'CHẶN / BLOCKS' : list[0]!.repaired ? 'đã sửa / repaired' : 'lưu ý / reported';
    const where = list.slice(0, 5).map((f) => `${f.label}${f.areaM2 !== undefined ? ` ${f.areaM2} m²` : ''}${f.at ? ` @ ${f.at[0]!.toFixed(6)},${f.at[1]!.toFixed(6)}` : ''}${f.detail ? ` (${f.detail})` : ''}`).join('; ');
    lines.push(`  ${kind}: ${list.length} (${state}) — ${where}${list.length > 5 ? '; …' : ''}`);
  }
  lines.push(r.blocking ? `Không thể nhập: ${r.blocking} lỗi chặn / cannot import: ${r.blocking} blocking finding(s)` : `Có thể nhập ${r.ready} đơn vị / ready to import ${r.ready} unit(s)`);
  return lines.join('\n');
}

async function main(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv, allowPositionals: true,
    options: { 'dry-run': { type: 'boolean' }, epsg: { type: 'string' }, encoding: { type: 'string' }, layer: { type: 'string' }, json: { type: 'boolean' } },
  });
  const [what, file] = positionals;
  if (what !== 'boundaries' || !file) {
    console.error(USAGE);
    return 2;
  }
  if (values.encoding && !(TEXT_ENCODINGS as readonly string[]).includes(values.encoding)) {
    console.error(`--encoding: ${TEXT_ENCODINGS.join(', ')}`);
    return 2;
  }
  if (!values['dry-run']) {
    console.error('Chỉ có --dry-run ở phiên bản này (ghi vào cơ sở dữ liệu sẽ có sau) / only --dry-run is available so far (committing comes next)');
    return 2;
  }
  const size = statSync(file).size;
  if (size > MAX_IMPORT_BYTES) throw tooLarge(size); // refused before reading a byte
  const { report } = await prepareBoundaries(basename(file), readFileSync(file), {
    epsg: values.epsg ? Number(values.epsg) : undefined, encoding: values.encoding as TextEncodingName | undefined, layer: values.layer,
  });
  console.log(values.json ? JSON.stringify(report, null, 2) : formatReport(report));
  return report.blocking ? 1 : 0;
}

main(process.argv.slice(2)).then(
  (code) => (process.exitCode = code),
  (e: unknown) => {
    console.error(e instanceof HttpError ? `${e.vi}\n${e.en}` : e instanceof Error ? e.message : String(e));
    process.exitCode = 2;
  },
);
