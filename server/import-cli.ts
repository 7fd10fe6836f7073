// npm run import -- code-list <list.json> --as-of YYYY-MM-DD [--name TEXT]
// npm run import -- boundaries <file> (--dry-run | --commit --valid-from YYYY-MM-DD) [options]: reads, reprojects,
// checks and matches a boundary file, prints the validation report, and with --commit writes it as a new vintage
// in one transaction (nothing is written when anything blocks).
import { readFileSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import { parseArgs } from 'node:util';
import { and, eq, gt, isNull, lte, or } from 'drizzle-orm';
import type { MultiPolygon } from 'geojson';
import { withCliDatabase } from './db/open';
import { isoDate } from './contracts/common';
import type { Db } from './db/client';
import * as t from './db/schema';
import { HttpError } from './http/errors';
import { parseCodeList, type OfficialUnit } from './import/code-list';
import { codeListFor, saveCodeList } from './import/code-lists';
import { commitBoundaries } from './import/commit';
import { parseCrosswalk } from './import/crosswalk';
import { TEXT_ENCODINGS, type TextEncodingName } from './import/encodings';
import { prepareBoundaries, type ImportReport } from './import/prepare';
import { MAX_IMPORT_BYTES, tooLarge } from './import/read';
import { formatAreaReport } from './services/replacement';

const USAGE = [
  'npm run import -- code-list <list.json> --as-of YYYY-MM-DD [--name TEXT]',
  'npm run import -- boundaries <file.geojson|.topojson|.zip> (--dry-run | --commit) --valid-from YYYY-MM-DD [--valid-to YYYY-MM-DD]',
  '    [--code-list list.json] [--crosswalk merges.json|splits.json] [--province NN] [--skip-unmatched] [--replace-demo]',
  '    [--legal-basis TEXT] [--epsg N] [--encoding utf-8|windows-1258|tcvn3|vni] [--layer NAME] [--json]',
].join('\n');

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
    ...(r.matching
      ? [
          `Đối chiếu danh mục / matched to the code list: ${r.matching.byCode} theo mã / by code, ${r.matching.byName} theo tên / by name, ${r.matching.unmatched} không khớp / unmatched, ${r.matching.ambiguous} không rõ / ambiguous`,
        ]
      : []),
    `Dung sai / tolerances: chồng lấn / overlap > ${r.tolerances.overlapM2} m², khe hở / gap > ${r.tolerances.gapM2} m², ngoài ranh tỉnh / outside > ${r.tolerances.outsideM2} m²; ${r.unionParts} vùng liền / connected part(s)`,
  ];
  const byKind = new Map<string, ImportReport['findings']>();
  for (const f of r.findings) byKind.set(f.kind, [...(byKind.get(f.kind) ?? []), f]);
  lines.push(r.findings.length ? 'Kiểm tra / findings:' : 'Kiểm tra / findings: không có lỗi / none');
  for (const [kind, list] of byKind) {
    const state = list[0]!.blocking ? 'CHẶN / BLOCKS' : list[0]!.repaired ? 'đã sửa / repaired' : 'lưu ý / reported';
    const where = list
      .slice(0, 5)
      .map(
        (f) =>
          `${f.label}${f.areaM2 !== undefined ? ` ${f.areaM2} m²` : ''}${f.at ? ` @ ${f.at[0]!.toFixed(6)},${f.at[1]!.toFixed(6)}` : ''}${f.detail ? ` (${f.detail})` : ''}`,
      )
      .join('; ');
    lines.push(`  ${kind}: ${list.length} (${state}) — ${where}${list.length > 5 ? '; …' : ''}`);
  }
  if (r.blocking)
    lines.push(`Không thể nhập: ${r.blocking} lỗi chặn / cannot import: ${r.blocking} blocking finding(s)`);
  return lines.join('\n');
}

/** A one-line bar on stderr, redrawn in place on a terminal, else printed at each tenth. */
function progressBar() {
  let shown = '';
  return (step: string, done: number, total: number) => {
    const share = total ? done / total : 1;
    const line = `${step.padEnd(9)} [${'#'.repeat(Math.round(share * 30)).padEnd(30, '.')}] ${Math.round(share * 100)}%`;
    if (process.stderr.isTTY) process.stderr.write(`\r${line}`);
    else if (line.slice(0, 12) + Math.floor(share * 10) !== shown) {
      shown = line.slice(0, 12) + Math.floor(share * 10);
      process.stderr.write(`${line}\n`);
    }
  };
}

function readJson(file: string): unknown {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    throw new HttpError(
      422,
      'bad_json',
      `Không đọc được ${file} (JSON)`,
      `Cannot read ${file} as JSON: ${(e as Error).message}`,
    );
  }
}

function date(value: string | undefined, option: string): string | undefined {
  if (value === undefined) return undefined;
  const parsed = isoDate.safeParse(value);
  if (!parsed.success)
    throw new HttpError(422, 'bad_date', `--${option}: ngày dạng YYYY-MM-DD`, `--${option}: a date as YYYY-MM-DD`);
  return parsed.data;
}

/** The province's outline valid on the date, when the database holds one. */
async function outlineIn(db: Db, code: string, on: string): Promise<MultiPolygon | null> {
  const [row] = await db
    .select({ geometry: t.adminUnits.geometry })
    .from(t.adminUnits)
    .where(
      and(
        eq(t.adminUnits.level, 'province'),
        eq(t.adminUnits.code, code),
        lte(t.adminUnits.validFrom, on),
        or(isNull(t.adminUnits.validTo), gt(t.adminUnits.validTo, on)),
      ),
    );
  const g = row?.geometry as
    MultiPolygon | { type: 'Polygon'; coordinates: MultiPolygon['coordinates'][number] } | undefined;
  return !g ? null : g.type === 'Polygon' ? { type: 'MultiPolygon', coordinates: [g.coordinates] } : g;
}

const OPTIONS = {
  'dry-run': { type: 'boolean' },
  commit: { type: 'boolean' },
  epsg: { type: 'string' },
  encoding: { type: 'string' },
  layer: { type: 'string' },
  json: { type: 'boolean' },
  'valid-from': { type: 'string' },
  'valid-to': { type: 'string' },
  'code-list': { type: 'string' },
  crosswalk: { type: 'string' },
  province: { type: 'string' },
  'skip-unmatched': { type: 'boolean' },
  'replace-demo': { type: 'boolean' },
  'legal-basis': { type: 'string' },
  'as-of': { type: 'string' },
  name: { type: 'string' },
} as const;
type Values = ReturnType<typeof parseArgs<{ options: typeof OPTIONS }>>['values'];

async function importCodeList(file: string, values: Values): Promise<number> {
  const asOf = date(values['as-of'], 'as-of');
  if (!asOf) throw new HttpError(422, 'bad_date', '--as-of: ngày của danh mục', '--as-of: the date of the list');
  const json = readJson(file);
  const saved = await withCliDatabase(({ db }) =>
    saveCodeList(db, { name: values.name ?? basename(file), asOf, json }, 'cli:import'),
  );
  console.log(`Danh mục ngày / list as of ${asOf}: ${saved.provinces} tỉnh / provinces, ${saved.units} đơn vị / units`);
  return 0;
}

function summaryLine(summary: Awaited<ReturnType<typeof commitBoundaries>>, dryRun: boolean, validFrom: string) {
  return (
    `${dryRun ? 'Chạy thử, chưa ghi gì; sẽ ghi / dry run, nothing written; would write' : 'Đã ghi / written'}: ${summary.units.province} tỉnh, ${summary.units.district} huyện, ${summary.units.commune} xã (hiệu lực từ / valid from ${validFrom}); ` +
    `đóng / closed ${summary.closed} đơn vị cũ; ${summary.links} liên kết cũ→mới / old→new links; ${summary.hotspotsLocated} điểm định vị lại / hotspots located; ` +
    `${summary.statusesCarried} trạng thái kế thừa / statuses carried over; ${summary.selectionsCarried} lựa chọn chuyển hóa kế thừa / plan selections carried over; ` +
    `${summary.scopesCarried} địa bàn người dùng mở rộng sang xã mới / user areas extended to new communes; ` +
    `${summary.proposalsClosed} đề xuất trên xã cũ đã đóng / proposals on closed communes rejected; ${summary.flagsMoved} cảnh báo chuyển sang xã mới / signals moved`
  );
}

/** The validity dates of a boundary import; the start is needed even for a dry run (codes were reused in 2025). */
function validity(values: Values) {
  const validFrom = date(values['valid-from'], 'valid-from');
  const validTo = date(values['valid-to'], 'valid-to');
  if (!validFrom)
    throw new HttpError(
      422,
      'bad_date',
      '--valid-from: ranh giới có hiệu lực từ ngày nào (để đối chiếu với danh mục đơn vị hành chính của thời điểm đó)',
      '--valid-from: the date the boundaries take effect (the file is checked against the code list of that time)',
    );
  return { validFrom, validTo };
}

async function importBoundaries(file: string, values: Values): Promise<number> {
  const { validFrom, validTo } = validity(values);
  const size = statSync(file).size;
  if (size > MAX_IMPORT_BYTES) throw tooLarge(size); // refused before reading a byte
  const bytes = readFileSync(file);
  const listFile = values['code-list'] ? parseCodeList(readJson(values['code-list'])) : null;
  const crosswalk = values.crosswalk ? parseCrosswalk(readJson(values.crosswalk)) : null;
  return withCliDatabase(async ({ db }) => {
    const stored = listFile ? null : await codeListFor(db, { validFrom, validTo });
    const codeList: OfficialUnit[] | undefined = listFile ?? stored?.units;
    const prepared = await prepareBoundaries(basename(file), bytes, {
      epsg: values.epsg ? Number(values.epsg) : undefined,
      encoding: values.encoding as TextEncodingName | undefined,
      layer: values.layer,
      codeList,
      codeListName: stored ? `${stored.asOf} (${stored.name})` : values['code-list'],
      province: values.province,
      skipUnmatched: values['skip-unmatched'],
      outlineOf: (code) => outlineIn(db, code, validFrom),
      onProgress: size > 1_000_000 ? progressBar() : undefined,
    });
    if (process.stderr.isTTY && size > 1_000_000) process.stderr.write('\n');
    console.log(values.json ? JSON.stringify(prepared.report, null, 2) : formatReport(prepared.report));
    if (prepared.report.blocking) return 1;
    // The dry run goes through the whole commit and rolls it back, so that the two agree on every refusal.
    const dryRun = !values.commit;
    const summary = await commitBoundaries(db, prepared, {
      validFrom,
      validTo: validTo ?? null,
      codeList: codeList ?? null,
      crosswalk,
      legalBasis: values['legal-basis'],
      replaceDemo: values['replace-demo'],
      demoOption: 'cli',
      actor: 'cli:import',
      dryRun,
    }).catch((e: unknown) => {
      if (!(e instanceof HttpError)) throw e;
      console.log(`Không thể nhập / cannot import:\n${e.vi}\n${e.en}`);
      return null;
    });
    if (!summary) return 1;
    if (summary.areas) console.log(formatAreaReport(summary.areas).join('\n'));
    console.log(summaryLine(summary, dryRun, validFrom));
    return 0;
  });
}

async function main(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({ args: argv, allowPositionals: true, options: OPTIONS });
  const [what, file] = positionals;
  if (what === 'code-list' && file) return importCodeList(file, values);
  if (what !== 'boundaries' || !file || values['dry-run'] === values.commit) {
    console.error(USAGE);
    return 2;
  }
  if (values.encoding && !(TEXT_ENCODINGS as readonly string[]).includes(values.encoding)) {
    console.error(`--encoding: ${TEXT_ENCODINGS.join(', ')}`);
    return 2;
  }
  return importBoundaries(file, values);
}

const started = performance.now();
function printCost() {
  const mb = Math.round(process.resourceUsage().maxRSS / 1024);
  console.error(
    `Thời gian / time: ${((performance.now() - started) / 1000).toFixed(1)} s; bộ nhớ tối đa / peak memory: ${mb} MB`,
  );
}
main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
    printCost();
  },
  (e: unknown) => {
    console.error(e instanceof HttpError ? `${e.vi}\n${e.en}` : e instanceof Error ? e.message : String(e));
    process.exitCode = 2;
    printCost();
  },
);
