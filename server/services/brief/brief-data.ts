// Everything the brief shows, gathered once: the province and its communes' shapes and statuses on the date, the six
// indicators, the district table and the changes of the period.
import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { feature } from 'topojson-client';
import type { Topology } from 'topojson-specification';
import type { CommuneStatus } from '../../../geo/status';
import type { Db } from '../../db/client';
import type { BoundaryService } from '../boundaries';
import { accountableCommunes } from '../accountability';
import { changesBetween } from '../changes';
import { communeStatuses } from '../communes';
import type { HotspotDetails } from '../hotspot-details';
import { childIndicators, unitIndicators } from '../indicators';
import type { Snapshot } from '../snapshot';

export interface BriefQuery {
  /** The date the figures are for (today when none was asked). */
  date: string;
  /** Start of the period whose changes are listed. */
  from: string;
}

export type UnitShape = Feature<Polygon | MultiPolygon, { code: string; name: string; type: string }>;

/** The boundaries valid on the date, as drawn on the web map at zoom 10 (about 100 m of detail, enough for paper). */
async function shapes(boundaries: BoundaryService, s: Snapshot, date: string) {
  const topo = JSON.parse((await boundaries.topology(s, date, 10)).json) as Topology;
  const layer = (name: string) =>
    (
      feature(topo, topo.objects[name]!) as unknown as FeatureCollection<
        Polygon | MultiPolygon,
        UnitShape['properties']
      >
    ).features;
  return { province: layer('province'), districts: layer('districts'), communes: layer('communes') };
}

export async function briefData(
  deps: { db: Db; boundaries: BoundaryService; details: HotspotDetails },
  s: Snapshot,
  q: BriefQuery,
) {
  const indicators = unitIndicators(s, { date: q.date });
  const statuses = communeStatuses(s, q.date).statuses;
  const statusOf = (code: string): CommuneStatus | null => statuses[code]?.status ?? null;
  const districts = childIndicators(s, { date: q.date });
  return {
    ...q,
    indicators,
    planLegalRef: districts.plan.legalRef,
    statusOf,
    map: await shapes(deps.boundaries, s, q.date),
    districts,
    changes: await changesBetween(deps.db, s, deps.details, { from: q.from, to: q.date, withHotspots: false }),
    accountability: await accountableCommunes(deps.db, s, { date: q.date }),
    dataset: s.dataset?.name ?? null,
  };
}

export type BriefData = Awaited<ReturnType<typeof briefData>>;
