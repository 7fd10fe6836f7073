// Which commune a point lies in (full geometry, not the simplified display one), per data revision and date.
import { eq } from 'drizzle-orm';
import { bboxOf, locatePoint, type Area, type LocatableArea } from '../../geo/spatial';
import type { Db } from '../db/client';
import * as t from '../db/schema';
import type { Snapshot } from './snapshot';

export class CommuneLocator {
  private loaded: { revision: number; areas: Promise<LocatableArea<number>[]> } | null = null;
  private grouped: { revision: number; vintages: Promise<LocatableArea<number>[][]> } | null = null;

  constructor(private readonly db: Db) {}

  /** Commune areas of every vintage with their full geometry. */
  all(s: Snapshot): Promise<LocatableArea<number>[]> {
    if (this.loaded?.revision !== s.revision) {
      const areas = this.db
        .select({ id: t.adminUnits.id, code: t.adminUnits.code, geometry: t.adminUnits.geometry })
        .from(t.adminUnits)
        .where(eq(t.adminUnits.level, 'commune'))
        .then((rows) =>
          rows.map((r) => ({
            key: r.id,
            code: r.code,
            geometry: r.geometry as Area,
            bbox: bboxOf(r.geometry as Area),
          })),
        );
      areas.catch(() => (this.loaded = null));
      this.loaded = { revision: s.revision, areas };
    }
    return this.loaded.areas;
  }

  /**
   * The commune containing the point in each boundary vintage (units valid over the same period) that has one; on a
   * border shared by several communes, the one with the smallest code (geo/spatial.locatePoint), so every point
   * belongs to exactly one commune of a vintage.
   */
  async locateEveryVintage(s: Snapshot, point: [number, number]): Promise<number[]> {
    if (this.grouped?.revision !== s.revision) {
      const vintages = this.all(s).then((areas) => byVintage(s, areas));
      vintages.catch(() => (this.grouped = null));
      this.grouped = { revision: s.revision, vintages };
    }
    return (await this.grouped.vintages)
      .map((areas) => locatePoint(areas, point)?.key)
      .filter((id): id is number => id !== undefined);
  }
}

function byVintage(s: Snapshot, areas: LocatableArea<number>[]): LocatableArea<number>[][] {
  const vintages = new Map<string, LocatableArea<number>[]>();
  for (const a of areas) {
    const u = s.units.get(a.key)!;
    const key = `${u.validFrom}|${u.validTo}`;
    vintages.set(key, [...(vintages.get(key) ?? []), a]);
  }
  return [...vintages.values()];
}
