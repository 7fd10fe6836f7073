// Plan reads: period, legal reference, targets and how many communes each plan selected.
import type { PlanSummary } from '../contracts/api';
import type { Snapshot } from './snapshot';

export function listPlans(s: Snapshot): PlanSummary[] {
  return s.plans.map((p) => ({ ...p, selectedCount: s.selections.get(p.id)?.length ?? 0 }));
}
