// The steps of writing a boundary vintage (commit.ts runs them in one transaction): close the vintage it replaces,
// insert the new units, link old communes to new ones, locate every hotspot in the new communes, carry statuses and
// plan selections over, record the new boundary version.
import { createHash } from 'node:crypto';
import { inArray, sql } from 'drizzle-orm';
import type { MultiPolygon } from 'geojson';
import { COMMUNE_STATUS_LABELS } from '../../geo/domain-labels';
import { formatVnDate } from '../../geo/dates';
import { bboxOf, locatePoint, type Area } from '../../geo/spatial';
import { effectiveHistory, gravest, statusAt, type CommuneStatus, type StatusRecord } from '../../geo/status';
import type { UnitLevel, UnitLinkKind } from '../../geo/units';
import type { Db } from '../db/client';
import * as t from '../db/schema';
import { HttpError } from '../http/errors';
import { readMeta, writeMeta } from '../services/meta';
import { validOn } from '../services/units';
import type { Crosswalk } from './crosswalk';

export interface NewUnit {
  code: string;
  name: string;
  type: string;
  level: UnitLevel;
  parentCode: string | null;
  geometry: MultiPolygon;
}

/** An existing unit of a vintage, as the steps read it. */
export type VintageUnit = Awaited<ReturnType<typeof vintageOf>>[number];

export interface LinkRow {
  oldId: number;
  newId: number;
  kind: UnitLinkKind;
  date: string;
}

interface Period {
  validFrom: string;
  validTo?: string | null;
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

/**
 * Closes the vintage valid on the first day (the day the new one starts) and returns it with the vintage imported to
 * end that very day (--valid-to): both are what the crosswalk links from. 409 when a later vintage already exists.
 */
export async function closeCurrentVintage(tx: Db, replaced: string[], validFrom: string) {
  const current = await vintageOf(tx, replaced, (u) => validOn(u, validFrom));
  if (current.some((u) => u.validFrom >= validFrom))
    throw new HttpError(
      409,
      'vintage_exists',
      `Đã có ranh giới hiệu lực từ ${formatVnDate(validFrom)} trở về sau cho tỉnh này`,
      `Boundaries valid from ${formatVnDate(validFrom)} or later already exist for this province`,
    );
  if (current.length)
    await tx
      .update(t.adminUnits)
      .set({ validTo: validFrom })
      .where(
        inArray(
          t.adminUnits.id,
          current.map((u) => u.id),
        ),
      );
  const closedNow = new Set(current.map((u) => u.id));
  const predecessors = [
    ...current,
    ...(await vintageOf(tx, replaced, (u) => u.validTo === validFrom)).filter((u) => !closedNow.has(u.id)),
  ];
  return { current, predecessors };
}

/** Inserts the province, districts and communes, parents first; returns the new id of each code. */
export async function insertUnitTree(tx: Db, tree: NewUnit[], period: Period): Promise<Map<string, number>> {
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
            validFrom: period.validFrom,
            validTo: period.validTo ?? null,
          })),
        )
        .returning({ id: t.adminUnits.id });
      chunk.forEach((u, k) => ids.set(u.code, inserted[k]!.id));
    }
  }
  return ids;
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

/** Old and new communes by the crosswalk; without one, a commune keeping its code is the same commune. */
export async function linkPredecessors(
  tx: Db,
  p: {
    predecessors: VintageUnit[];
    newCommunes: NewUnit[];
    ids: Map<string, number>;
    replaced: string[];
    options: Period & { crosswalk?: Crosswalk | null };
  },
): Promise<LinkRow[]> {
  const { predecessors, newCommunes, ids, options } = p;
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
  if (options.crosswalk && !linkRows.length) throw crosswalkUnused(p.replaced, options.validFrom);
  for (let i = 0; i < linkRows.length; i += 1000)
    await tx
      .insert(t.unitLinks)
      .values(linkRows.slice(i, i + 1000))
      .onConflictDoNothing();
  return linkRows;
}

/**
 * Every hotspot goes to the new commune holding its point (full geometry; a shared border goes to the smaller code);
 * for the current vintage, hotspots.commune_id names that commune.
 */
export async function relocateHotspots(tx: Db, newCommunes: NewUnit[], ids: Map<string, number>, period: Period) {
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
  for (let i = 0; i < located.length; i += 1000) await tx.insert(t.hotspotCommunes).values(located.slice(i, i + 1000));
  const newIds = areas.map((a) => a.key);
  if (!period.validTo)
    await tx.execute(
      sql`update hotspots set commune_id = hc.commune_id from hotspot_communes hc where hc.hotspot_id = hotspots.id and hc.commune_id in (${sql.join(
        newIds.map((id) => sql`${id}`),
        sql`, `,
      )})`,
    );
  return located;
}

const partsOf = (links: LinkRow[]) => {
  const parts = new Map<number, number[]>();
  for (const l of links) parts.set(l.newId, [...(parts.get(l.newId) ?? []), l.oldId]);
  return parts;
};

/** Status on the change date: the gravest of the parts' statuses, recorded with the change as its basis. */
export async function carryStatuses(
  tx: Db,
  links: LinkRow[],
  predecessors: VintageUnit[],
  options: Period & { legalBasis?: string; actor: string },
): Promise<number> {
  const oldIds = links.map((l) => l.oldId);
  const records = new Map<number, StatusRecord[]>();
  for (const r of oldIds.length
    ? await tx.select().from(t.communeStatusChanges).where(inArray(t.communeStatusChanges.communeId, oldIds))
    : [])
    records.set(r.communeId, [...(records.get(r.communeId) ?? []), { ...r, status: r.status as CommuneStatus }]);
  const names = new Map(predecessors.map((u) => [u.id, u.code]));
  const basis =
    options.legalBasis ?? `Sắp xếp đơn vị hành chính cấp xã, hiệu lực từ ${formatVnDate(options.validFrom)}`;
  let carried = 0;
  for (const [newId, parts] of partsOf(links)) {
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
    carried++;
  }
  return carried;
}

/** A new commune is selected for a plan when a part was, from the earliest selection of its parts. */
export async function carrySelections(tx: Db, links: LinkRow[], predecessors: VintageUnit[]): Promise<number> {
  const oldIds = links.map((l) => l.oldId);
  const names = new Map(predecessors.map((u) => [u.id, u.code]));
  const selections = oldIds.length
    ? await tx.select().from(t.planSelections).where(inArray(t.planSelections.communeId, oldIds))
    : [];
  const carried = new Map<string, { planId: string; communeId: number; selectedOn: string; note: string }>();
  for (const [newId, parts] of partsOf(links))
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
  return carried.size;
}

/** A new boundary version (cached geometry and map keys follow it): chained from the previous one. */
export async function recordBoundaryVersion(tx: Db, file: string, validFrom: string, ids: Map<string, number>) {
  const previous = (await readMeta<string>(tx, 'boundaryVersion')) ?? '';
  await writeMeta(
    tx,
    'boundaryVersion',
    createHash('sha256')
      .update(`${previous}|${file}|${validFrom}|${[...ids.values()].join(',')}`)
      .digest('hex')
      .slice(0, 16),
  );
}
