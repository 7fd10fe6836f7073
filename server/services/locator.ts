// Which commune a point lies in (full geometry, not the simplified display one), per data revision and date.
import { eq } from 'drizzle-orm';
import { bboxOf, locatePoint, type Area, type LocatableArea } from '../../geo/spatial';
import type { Db } from '../db/client';
import * as t from '../db/schema';
import type { Snapshot } from './snapshot';
import { validOn } from './units';

export class CommuneLocator {
  private loaded: { revision: number; areas: Promise<LocatableArea<number>[]> } | null = null;

  constructor(private readonly db: Db) {}

  /** Commune areas of every vintage with their full geometry. */
  all(s: Snapshot): Promise<LocatableArea<number>[]> {
    if (this.loaded?.revision !== s.revision) {
      const areas = this.db
        .select({ id: t.adminUnits.id, code: t.adminUnits.code, geometry: t.adminUnits.geometry })
        .from(t.adminUnits)
        .where(eq(t.adminUnits.level, 'commune'))
        .then((rows) => rows.map((r) => ({ key: r.id, code: r.code, geometry: r.geometry as Area, bbox: bboxOf(r.geometry as Area) })));
      areas.catch(() => (this.loaded = null));
      this.loaded = { revision: s.revision, areas };
    }
    return this.loaded.areas;
  }

  /**
   * The commune valid on `date` containing the point; on a border shared by several communes, the one with the
   * smallest code (geo/spatial.locatePoint), so every point belongs to exactly one commune. Null outside them all.
   */
  async locate(s: Snapshot, point: [number, number], date: string): Promise<number | null> {
    const areas = (await this.all(s)).filter((a) => validOn(s.units.get(a.key)!, date));
    return locatePoint(areas, point)?.key ?? null;
  }

  /** The commune containing the point in each boundary vintage (units valid over the same period) that has one. */
  async locateEveryVintage(s: Snapshot, point: [number, number]): Promise<number[]> {
    const vintages = new Map<string, LocatableArea<number>[]>();
    for (const a of await this.all(s)) {
      const u = s.units.get(a.key)!;
      const key = `${u.validFrom}|${u.validTo}`;
      vintages.set(key, [...(vintages.get(key) ?? []), a]);
    }
    return [...vintages.values()].map((areas) => locatePoint(areas, point)?.key).filter((id): id is number => id !== undefined);
  }
}
