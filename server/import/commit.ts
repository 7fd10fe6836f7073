// Writing a checked boundary file as a new vintage, all or nothing in one transaction: the province (and its
// districts, before 2025) built from the official list with outlines dissolved from their communes; the previous
// vintage of the provinces it replaces closed the day it starts; crosswalk links; every hotspot located in the new
// communes; each new commune's status carried over from its parts (the gravest, on the change date); plan
// selections carried over.
import { createHash } from 'node:crypto';
import { inArray, sql } from 'drizzle-orm';
import type { MultiPolygon } from 'geojson';
import type { MultiPolygon as ClipMulti } from 'polygon-clipping';
import { unionAll } from '../../geo/neighbours';
import { COMMUNE_STATUS_LABELS } from '../../geo/domain-labels';
import { formatVnDate } from '../../geo/dates';
import { bboxOf, locatePoint, type Area } from '../../geo/spatial';
import { effectiveHistory, gravest, statusAt, type CommuneStatus, type StatusRecord } from '../../geo/status';
import { bareName, unitDisplayName } from '../../geo/unit-names';
import type { UnitLevel } from '../../geo/units';
import type { Db } from '../db/client';
import * as t from '../db/schema';
import { HttpError } from '../http/errors';
import type { LiveEvent } from '../services/events';
import { settleOpenWork } from './open-work';
import { carryScopes } from './scopes';
import { appendAudit } from '../services/audit';
import { clearForReplacement, previewReplacement, restoreAreas, type AreaReport } from '../services/replacement';
import { validOn } from '../services/units';
import { bumpRevision, readMeta, writeMeta, type DatasetMeta } from '../services/meta';
import type { OfficialUnit } from './code-list';
import type { Crosswalk } from './crosswalk';
import { unitTypeOf } from './mapping';
import type { ImportReport, ImportUnit } from './prepare';

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

interface NewUnit {
  code: string;
  name: string;
  type: string;
  level: UnitLevel;
  parentCode: string | null;
  geometry: MultiPolygon;
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

/** The units of these provinces' whole subtrees whose period passes `keep` (a vintage). */
async function vintageOf(
  db: Db,
  provinceCodes: string[],
  keep: (u: { validFrom: string; validTo: string | null }) => boolean,
) {
  const rows = await db
    .select({
      id: t.adminUnits.id,
      code: t.adminUnits.code,
      level: t.adminUnits.level,
      parentId: t.adminUnits.parentId,
      validFrom: t.adminUnits.validFrom,
      validTo: t.adminUnits.validTo,
    })
    .from(t.adminUnits);
  const valid = rows.filter(keep);
  const ids = new Set(valid.filter((r) => r.level === 'province' && provinceCodes.includes(r.code)).map((r) => r.id));
  for (let grew = true; grew;) {
    grew = false;
    for (const r of valid) if (r.parentId !== null && ids.has(r.parentId) && !ids.has(r.id)) grew = !!ids.add(r.id);
  }
  return valid.filter((r) => ids.has(r.id));
}

/** A crosswalk was given and links nothing: say where the old units were looked for. */
function crosswalkUnused(provinces: string[], date: string): HttpError {
  const d = formatVnDate(date);
  const vi = `Tệp chuyển đổi không nối được xã cũ nào với xã mới: không có xã nào của tỉnh ${provinces.join(', ')} còn hiệu lực ngày ${d} hoặc hết hiệu lực đúng ngày ${d} mà tệp chuyển đổi nhắc tới. Hãy nhập ranh giới cũ trước (đến ngày ${d}), hoặc kiểm tra ngày hiệu lực và tệp chuyển đổi; chưa ghi gì`;
  const en = `The crosswalk links no old commune to a new one: no commune of province ${provinces.join(', ')} valid on ${d} or ending on ${d} appears in it. Import the earlier boundaries first (valid until ${d}), or check the date and the crosswalk; nothing was written`;
  const e = new HttpError(422, 'crosswalk_unused', vi, en);
  e.issues = [{ path: 'crosswalk', message: `${vi} / ${en}` }];
  return e;
}

/** Writes the vintage; `events` tell open screens of the proposals and signals the change settled. */
export async function commitBoundaries(
  db: Db,
  prepared: { ready: ImportUnit[]; report: ImportReport; outline?: MultiPolygon | null },
  options: CommitOptions,
): Promise<CommitSummary & { events: LiveEvent[] }> {
  const { report, ready } = prepared;
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
  const province = report.province;
  // The union the checks computed is the province outline when every unit of the file is written.
  const tree = unitTree(
    ready,
    province,
    options.codeList,
    ready.length === report.features ? (prepared.outline ?? null) : null,
  );
  const replaced = [...new Set([province.code, ...(options.crosswalk?.provinces.get(province.code) ?? [])])];

  try {
    return await db.transaction(async (txn) => writeVintage(txn as unknown as Db));
  } catch (e) {
    if (e instanceof DryRunDone) return { ...e.summary, events: [] };
    throw e;
  }

  async function writeVintage(tx: Db): Promise<CommitSummary & { events: LiveEvent[] }> {
    const meta = await readMeta<DatasetMeta>(tx, 'dataset');
    if (meta?.demo && !options.replaceDemo) throw demoHeld(options.demoOption);
    const cleared = meta?.demo ? await clearForReplacement(tx, { removeDemoAccounts: true }) : null;
    // Units valid on the first day: the vintage being replaced, closed the day the new one starts.
    const current = await vintageOf(tx, replaced, (u) => validOn(u, options.validFrom));
    if (current.some((u) => u.validFrom >= options.validFrom))
      throw new HttpError(
        409,
        'vintage_exists',
        `Đã có ranh giới hiệu lực từ ${formatVnDate(options.validFrom)} trở về sau cho tỉnh này`,
        `Boundaries valid from ${formatVnDate(options.validFrom)} or later already exist for this province`,
      );
    if (current.length)
      await tx
        .update(t.adminUnits)
        .set({ validTo: options.validFrom })
        .where(
          inArray(
            t.adminUnits.id,
            current.map((u) => u.id),
          ),
        );
    // The vintage imported to end that very day (--valid-to) is the one replaced as well: the crosswalk links it.
    const closedNow = new Set(current.map((u) => u.id));
    const predecessors = [
      ...current,
      ...(await vintageOf(tx, replaced, (u) => u.validTo === options.validFrom)).filter((u) => !closedNow.has(u.id)),
    ];

    const ids = new Map<string, number>();
    for (const level of ['province', 'district', 'commune'] as const) {
      const rows = tree.filter((u) => u.level === level);
      for (let i = 0; i < rows.length; i += 200) {
        const chunk = rows.slice(i, i + 200);
        const inserted = await tx
          .insert(t.adminUnits)
          .values(
            chunk.map((u) => ({
              code: u.code,
              name: u.name,
              type: u.type,
              level: u.level,
              parentId: u.parentCode === null ? null : ids.get(u.parentCode)!,
              geometry: u.geometry,
              bbox: bboxOf(u.geometry),
              validFrom: options.validFrom,
              validTo: options.validTo ?? null,
            })),
          )
          .returning({ id: t.adminUnits.id });
        chunk.forEach((u, k) => ids.set(u.code, inserted[k]!.id));
      }
    }
    const newCommunes = tree.filter((u) => u.level === 'commune');
    const userAreas = cleared ? await restoreAreas(tx, cleared) : null;

    // Old and new units by the crosswalk; without one, a commune keeping its code is the same commune.
    const oldCommunes = new Map(predecessors.filter((u) => u.level === 'commune').map((u) => [u.code, u.id]));
    const linkRows = (
      options.crosswalk
        ? options.crosswalk.links.filter(
            (l) => oldCommunes.has(l.oldCode) && ids.has(l.newCode) && newCommunes.some((c) => c.code === l.newCode),
          )
        : newCommunes
            .filter((c) => oldCommunes.has(c.code))
            .map((c) => ({ oldCode: c.code, newCode: c.code, kind: 'full' as const }))
    ).map((l) => ({
      oldId: oldCommunes.get(l.oldCode)!,
      newId: ids.get(l.newCode)!,
      kind: l.kind,
      date: options.validFrom,
    }));
    if (options.crosswalk && !linkRows.length) throw crosswalkUnused(replaced, options.validFrom);
    for (let i = 0; i < linkRows.length; i += 1000)
      await tx
        .insert(t.unitLinks)
        .values(linkRows.slice(i, i + 1000))
        .onConflictDoNothing();

    // Hotspots go to the new commune holding their point (full geometry; a shared border goes to the smaller code).
    const areas = newCommunes.map((u) => ({
      key: ids.get(u.code)!,
      code: u.code,
      geometry: u.geometry as Area,
      bbox: bboxOf(u.geometry),
    }));
    const spots = await tx.select({ id: t.hotspots.id, lng: t.hotspots.lng, lat: t.hotspots.lat }).from(t.hotspots);
    const located = spots
      .map((h) => ({ hotspotId: h.id, communeId: locatePoint(areas, [h.lng, h.lat])?.key }))
      .filter((x): x is { hotspotId: number; communeId: number } => x.communeId !== undefined);
    for (let i = 0; i < located.length; i += 1000)
      await tx.insert(t.hotspotCommunes).values(located.slice(i, i + 1000));
    // hotspots.commune_id names the commune of the latest vintage.
    const newIds = areas.map((a) => a.key);
    if (!options.validTo)
      await tx.execute(
        sql`update hotspots set commune_id = hc.commune_id from hotspot_communes hc where hc.hotspot_id = hotspots.id and hc.commune_id in (${sql.join(
          newIds.map((id) => sql`${id}`),
          sql`, `,
        )})`,
      );

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

    // Status on the change date: the gravest of the parts' statuses, recorded with the change as its basis.
    const partsOf = new Map<number, number[]>();
    for (const l of linkRows) partsOf.set(l.newId, [...(partsOf.get(l.newId) ?? []), l.oldId]);
    const oldIds = linkRows.map((l) => l.oldId);
    const records = new Map<number, StatusRecord[]>();
    for (const r of oldIds.length
      ? await tx.select().from(t.communeStatusChanges).where(inArray(t.communeStatusChanges.communeId, oldIds))
      : [])
      records.set(r.communeId, [...(records.get(r.communeId) ?? []), { ...r, status: r.status as CommuneStatus }]);
    const names = new Map(predecessors.map((u) => [u.id, u.code]));
    const basis =
      options.legalBasis ?? `Sắp xếp đơn vị hành chính cấp xã, hiệu lực từ ${formatVnDate(options.validFrom)}`;
    let statusesCarried = 0;
    for (const [newId, parts] of partsOf) {
      const statuses = parts.map((id) => ({
        id,
        status: statusAt(effectiveHistory(records.get(id) ?? []), options.validFrom)?.status ?? null,
      }));
      const status = gravest(statuses.map((s) => s.status));
      if (!status) continue;
      const note = `Kế thừa trạng thái xấu nhất của các xã cũ / gravest status of the former communes: ${statuses.map((s) => `${names.get(s.id)} ${s.status ? COMMUNE_STATUS_LABELS[s.status].vi : 'chưa có'}`).join('; ')}`;
      await tx.insert(t.communeStatusChanges).values({
        communeId: newId,
        status,
        effectiveDate: options.validFrom,
        legalBasis: basis,
        note,
        authorName: options.actor,
      });
      statusesCarried++;
    }

    // A new commune is selected for a plan when a part was, from the earliest selection of its parts.
    const selections = oldIds.length
      ? await tx.select().from(t.planSelections).where(inArray(t.planSelections.communeId, oldIds))
      : [];
    const carried = new Map<string, { planId: string; communeId: number; selectedOn: string; note: string }>();
    for (const [newId, parts] of partsOf)
      for (const s of selections.filter((x) => parts.includes(x.communeId))) {
        const key = `${s.planId}|${newId}`;
        const prev = carried.get(key);
        if (!prev || s.selectedOn < prev.selectedOn)
          carried.set(key, {
            planId: s.planId,
            communeId: newId,
            selectedOn: s.selectedOn,
            note: `Kế thừa từ xã cũ ${names.get(s.communeId)} / carried over from former commune`,
          });
      }
    if (carried.size)
      await tx
        .insert(t.planSelections)
        .values([...carried.values()])
        .onConflictDoNothing();

    if (meta?.demo || !meta)
      await writeMeta(tx, 'dataset', {
        name: unitDisplayName(tree[0]!),
        demo: false,
        description: '',
      } satisfies DatasetMeta);
    const previous = (await readMeta<string>(tx, 'boundaryVersion')) ?? '';
    await writeMeta(
      tx,
      'boundaryVersion',
      createHash('sha256')
        .update(`${previous}|${report.file}|${options.validFrom}|${[...ids.values()].join(',')}`)
        .digest('hex')
        .slice(0, 16),
    );
    await bumpRevision(tx);
    const summary: CommitSummary = {
      units: { province: 1, district: tree.filter((u) => u.level === 'district').length, commune: newCommunes.length },
      closed: current.length,
      links: linkRows.length,
      hotspotsLocated: located.length,
      statusesCarried,
      selectionsCarried: carried.size,
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
      entityId: `${province.code}@${options.validFrom}`,
      after: { file: report.file, validFrom: options.validFrom, validTo: options.validTo ?? null, ...summary },
    });
    return { ...summary, events };
  }
}

/** Thrown inside the transaction to roll a dry run back with what it would have written. */
class DryRunDone extends Error {
  constructor(readonly summary: CommitSummary) {
    super('dry run');
  }
}
