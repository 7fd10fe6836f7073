// GET /api/indicators/:id/members: the communes (and, for need-to-know roles, the hotspots) behind an indicator.
import { indicatorMembers } from '../../geo/indicator-members';
import type { IndicatorId } from '../../geo/indicators';
import type { HotspotDetails } from './hotspot-details';
import { indicatorScope } from './indicators';
import { unitWithParent } from './units';
import type { Snapshot } from './snapshot';

export interface MembersQuery {
  planId?: string;
  unitCode?: string;
  date: string;
  indicator: IndicatorId;
  /** Exact hotspots are listed only for roles that may see them; everyone sees counts per commune. */
  withHotspots: boolean;
}

export async function membersOf(s: Snapshot, details: HotspotDetails, q: MembersQuery) {
  const { plan, unit, input } = indicatorScope(s, q);
  const m = indicatorMembers(input, plan, q.date, q.indicator);
  const communes = m.communes
    .map(({ communeId, ...count }) => ({ ...unitWithParent(s, communeId), ...count }))
    .sort((a, b) => b.numerator - a.numerator || b.denominator - a.denominator || a.code.localeCompare(b.code));
  let hotspots = null;
  if (q.withHotspots) {
    const index = await details.index(s);
    hotspots = m.hotspots
      .map(({ hotspotId, communeId, ...count }) => {
        const d = index.details.get(hotspotId);
        return {
          id: hotspotId,
          address: d?.address ?? '',
          location: d ? [d.lng, d.lat] : null,
          commune: s.units.get(communeId)!.code,
          ...count,
        };
      })
      .sort((a, b) => a.id - b.id);
  }
  return {
    indicator: q.indicator,
    asOf: q.date,
    computedAt: m.computedAt,
    plan: { id: plan.id, title: plan.title },
    unit: unit && { code: unit.code, name: unit.name, type: unit.type },
    communes,
    hotspots,
  };
}
