// Writing a checked boundary file as a new vintage, all or nothing in one transaction: the province (and its
// districts, before 2025) built from the official list with outlines dissolved from their communes; the previous
// vintage of the provinces it replaces closed the day it starts; crosswalk links; every hotspot located in the new
// communes; each new commune's status carried over from its parts (the gravest, on the change date); plan
// selections carried over.
import type { MultiPolygon } from 'geojson';
import type { MultiPolygon as ClipMulti } from 'polygon-clipping';
import { unionAll } from '../../geo/neighbours';
import { bareName, unitDisplayName } from '../../geo/unit-names';
import type { Db } from '../db/client';
import { HttpError } from '../http/errors';
import type { LiveEvent } from '../services/events';
import { settleOpenWork } from './open-work';
import { carryScopes } from './scopes';
import { appendAudit } from '../services/audit';
import { clearForReplacement, previewReplacement, restoreAreas, type AreaReport } from '../services/replacement';
import { bumpRevision, readMeta, writeMeta, type DatasetMeta } from '../services/meta';
import {
  carrySelections,
  carryStatuses,
  closeCurrentVintage,
  insertUnitTree,
  linkPredecessors,
  recordBoundaryVersion,
  relocateHotspots,
  type NewUnit,
} from './write-vintage';
import type { OfficialUnit } from './code-list';
import type { Crosswalk } from './crosswalk';
import { unitTypeOf } from './mapping';
import type { ImportReport, ImportUnit } from './prepare';

interface VintagePlan {
  report: ImportReport;
  tree: NewUnit[];
  /** The provinces whose vintage the new one replaces (the crosswalk may merge several). */
  replaced: string[];
  options: CommitOptions;
}

export interface CommitOptions {
  validFrom: string;
  validTo?: string | null;
  codeList: OfficialUnit[] | null;
  crosswalk?: Crosswalk | null;
  /** The legal basis written on carried-over statuses (e.g. the Standing Committee resolution). */
  legalBasis?: string;
  /** Replace the demo dataset (fictional data cannot sit beside real boundaries). */
  replaceDemo?: boolean;
  /** How the refusal names the replace-the-demo choice: the page's checkbox or the CLI's option. */
  demoOption?: 'form' | 'cli';
  actor: string;
  /** The time written on proposals closed by the change (the server's clock). */
  now?: Date;
  /** Run every check and write, report what would be written, then roll it all back (the CLI's --dry-run). */
  dryRun?: boolean;
}

export interface CommitSummary {
  units: { province: number; district: number; commune: number };
  closed: number;
  links: number;
  hotspotsLocated: number;
  statusesCarried: number;
  selectionsCarried: number;
  /** User areas extended from closed units to the new communes they became. */
  scopesCarried: number;
  /** Proposals pending on a closed commune, rejected saying why (to propose again for the new commune). */
  proposalsClosed: number;
  /** Open relapse signals moved with their hotspot to its new commune. */
  flagsMoved: number;
  /** When the demo was replaced: demo accounts removed, users' areas kept by code or dropped. */
  areas: AreaReport | null;
}

/** The codes a commit of these units writes: the province, its districts (before 2025) and the units. */
export function committedCodes(ready: ImportUnit[], provinceCode: string): Set<string> {
  return new Set([provinceCode, ...ready.flatMap((u) => (u.parentCode ? [u.code, u.parentCode] : [u.code]))]);
}

function dissolve(parts: MultiPolygon[]): MultiPolygon {
  return {
    type: 'MultiPolygon',
    coordinates: parts.length === 1 ? parts[0]!.coordinates : unionAll(parts.map((g) => g.coordinates as ClipMulti)),
  };
}

/** The province, its districts (when the units have them) and the units, parents first. */
function unitTree(
  units: ImportUnit[],
  province: { code: string; name: string },
  list: OfficialUnit[] | null,
  outline: MultiPolygon | null,
): NewUnit[] {
  const official = new Map((list ?? []).map((u) => [u.code, u]));
  const provinceUnit = official.get(province.code);
  const out: NewUnit[] = [
    {
      code: province.code,
      name: bareName(provinceUnit?.name ?? province.name),
      type: unitTypeOf(provinceUnit?.type ?? 'Tỉnh') ?? 'Tỉnh',
      level: 'province',
      parentCode: null,
      geometry: outline ?? dissolve(units.map((u) => u.geometry)),
    },
  ];
  const communes = units.filter((u) => u.level === 'commune');
  const byDistrict = new Map<string, ImportUnit[]>();
  for (const u of communes)
    if (u.parentCode && u.parentCode !== province.code)
      byDistrict.set(u.parentCode, [...(byDistrict.get(u.parentCode) ?? []), u]);
  for (const [code, members] of byDistrict) {
    const d = official.get(code);
    out.push({
      code,
      name: bareName(d?.name ?? code),
      type: unitTypeOf(d?.type ?? 'Huyện') ?? 'Huyện',
      level: 'district',
      parentCode: province.code,
      geometry: dissolve(members.map((m) => m.geometry)),
    });
  }
  for (const u of units)
    out.push({
      code: u.code,
      name: u.name,
      type: u.type,
      level: u.level,
      parentCode: u.level === 'commune' && byDistrict.has(u.parentCode ?? '') ? u.parentCode : province.code,
      geometry: u.geometry,
    });
  return out;
}

/** When the database holds the demo: what replacing it by these units would do to users (null otherwise). */
export async function demoReplacementPreview(
  db: Db,
  prepared: { ready: ImportUnit[]; report: ImportReport },
): Promise<AreaReport | null> {
  const meta = await readMeta<DatasetMeta>(db, 'dataset');
  if (!meta?.demo || !prepared.report.province) return null;
  return previewReplacement(db, committedCodes(prepared.ready, prepared.report.province.code), {
    removeDemoAccounts: true,
  });
}

/** The database holds the demo and the commit was not told to replace it. */
export function demoHeld(option: 'form' | 'cli' = 'form'): HttpError {
  const [vi, en] =
    option === 'cli'
      ? ['dùng --replace-demo', 'use --replace-demo']
      : ['chọn "thay dữ liệu mẫu"', 'choose to replace the demo'];
  return new HttpError(
    409,
    'demo_data',
    `Cơ sở dữ liệu đang chứa dữ liệu mẫu (hư cấu); ${vi} để nhập ranh giới thật`,
    `The database holds the fictional demo; ${en} to import real boundaries`,
  );
}

/** The 422s a commit answers before writing anything. */
function refuseUncommittable(report: ImportReport, ready: ImportUnit[], options: CommitOptions): void {
  if (report.blocking)
    throw new HttpError(
      422,
      'import_blocked',
      `Không thể nhập: ${report.blocking} lỗi chặn`,
      `Cannot import: ${report.blocking} blocking finding(s)`,
    );
  if (!ready.length)
    throw new HttpError(
      422,
      'nothing_to_import',
      'Không có đơn vị nào để nhập (mọi đơn vị đều bị để lại hoặc không có hình)',
      'Nothing to import: every unit was left out or has no geometry',
    );
  if (!report.province)
    throw new HttpError(
      422,
      'unknown_province',
      'Không xác định được tỉnh của tệp; hãy chọn tỉnh',
      'Cannot tell which province the file covers; choose the province',
    );
  if (options.validTo && options.validTo <= options.validFrom)
    throw new HttpError(
      422,
      'bad_period',
      'Ngày hết hiệu lực phải sau ngày hiệu lực',
      'The end of validity must be after its start',
      { path: 'validTo' },
    );
  if (report.mapping.level !== 'commune')
    throw new HttpError(
      422,
      'communes_needed',
      'Chỉ nhập được tệp ranh giới cấp xã; ranh giới huyện, tỉnh được ghép từ các xã',
      'Only commune boundaries can be imported; district and province outlines are dissolved from the communes',
    );
}

/** Writes the vintage; `events` tell open screens of the proposals and signals the change settled. */
export async function commitBoundaries(
  db: Db,
  prepared: { ready: ImportUnit[]; report: ImportReport; outline?: MultiPolygon | null },
  options: CommitOptions,
): Promise<CommitSummary & { events: LiveEvent[] }> {
  const { report, ready } = prepared;
  refuseUncommittable(report, ready, options);
  const province = report.province!;
  // The union the checks computed is the province outline when every unit of the file is written.
  const tree = unitTree(
    ready,
    province,
    options.codeList,
    ready.length === report.features ? (prepared.outline ?? null) : null,
  );
  const replaced = [...new Set([province.code, ...(options.crosswalk?.provinces.get(province.code) ?? [])])];
  try {
    return await db.transaction(async (txn) => writeVintage(txn as unknown as Db, { report, tree, replaced, options }));
  } catch (e) {
    if (e instanceof DryRunDone) return { ...e.summary, events: [] };
    throw e;
  }
}

/** The steps of a commit, in one transaction (write-vintage.ts holds each step). */
async function writeVintage(tx: Db, plan: VintagePlan): Promise<CommitSummary & { events: LiveEvent[] }> {
  const { report, tree, replaced, options } = plan;
  const meta = await readMeta<DatasetMeta>(tx, 'dataset');
  if (meta?.demo && !options.replaceDemo) throw demoHeld(options.demoOption);
  const cleared = meta?.demo ? await clearForReplacement(tx, { removeDemoAccounts: true }) : null;
  const { current, predecessors } = await closeCurrentVintage(tx, replaced, options.validFrom);
  const ids = await insertUnitTree(tx, tree, options);
  const newCommunes = tree.filter((u) => u.level === 'commune');
  const userAreas = cleared ? await restoreAreas(tx, cleared) : null;
  const linkRows = await linkPredecessors(tx, { predecessors, newCommunes, ids, replaced, options });
  const located = await relocateHotspots(tx, newCommunes, ids, options);
  // Staff areas and open work on the closed communes follow them into the new ones (for the current vintage).
  const scopesCarried = options.validTo ? 0 : await carryScopes(tx, predecessors, linkRows);
  const events = options.validTo
    ? []
    : await settleOpenWork(tx, {
        closed: predecessors,
        changeDate: options.validFrom,
        hotspotCommunes: located,
        newCodes: new Map(newCommunes.map((u) => [ids.get(u.code)!, u.code])),
        now: options.now ?? new Date(),
      });
  const statusesCarried = await carryStatuses(tx, linkRows, predecessors, options);
  const selectionsCarried = await carrySelections(tx, linkRows, predecessors);
  if (meta?.demo || !meta)
    await writeMeta(tx, 'dataset', {
      name: unitDisplayName(tree[0]!),
      demo: false,
      description: '',
    } satisfies DatasetMeta);
  await recordBoundaryVersion(tx, report.file, options.validFrom, ids);
  await bumpRevision(tx);
  const summary: CommitSummary = {
    units: { province: 1, district: tree.filter((u) => u.level === 'district').length, commune: newCommunes.length },
    closed: current.length,
    links: linkRows.length,
    hotspotsLocated: located.length,
    statusesCarried,
    selectionsCarried,
    scopesCarried,
    proposalsClosed: events.filter((e) => e.type === 'proposal').length,
    flagsMoved: events.filter((e) => e.type === 'flag').length,
    areas: userAreas,
  };
  // A dry run has done every check and write the commit does; it leaves by rolling all of it back.
  if (options.dryRun) throw new DryRunDone(summary);
  await appendAudit(tx, {
    actorName: options.actor,
    action: 'boundaries.import',
    entityType: 'boundaries',
    entityId: `${tree[0]!.code}@${options.validFrom}`,
    after: { file: report.file, validFrom: options.validFrom, validTo: options.validTo ?? null, ...summary },
  });
  return { ...summary, events };
}

/** Thrown inside the transaction to roll a dry run back with what it would have written. */
class DryRunDone extends Error {
  constructor(readonly summary: CommitSummary) {
    super('dry run');
  }
}
