// An editor's own area: each commune in scope with its status, last update, pending proposal, and a flag when
// nothing was recorded for six months.
import { eq, max } from 'drizzle-orm';
import { statusAt, type CommuneStatus } from '../../geo/status';
import { inScope, type Principal } from '../auth/access';
import type { Db } from '../db/client';
import * as t from '../db/schema';
import type { Snapshot } from './snapshot';
import { communesWithin, parentCode } from './units';

export const STALE_AFTER_MONTHS = 6;

export interface AreaCommune {
  code: string;
  name: string;
  type: string;
  parentCode: string | null;
  status: CommuneStatus | null;
  since: string | null;
  /** The latest change of this commune, the one a new proposal is based on. */
  baseChangeId: number | null;
  lastUpdate: string | null;
  pendingProposalId: number | null;
  /** An open relapse signal: new drug activity while transformed or drug-free. */
  openFlagId: number | null;
  stale: boolean;
}

function monthsBefore(date: string, months: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCMonth(d.getUTCMonth() - months);
  return d.toISOString().slice(0, 10);
}

export async function myArea(
  db: Db,
  s: Snapshot,
  p: Principal,
  today: string,
): Promise<{ today: string; communes: AreaCommune[] }> {
  const ids = [...communesWithin(s, null, today)].filter((id) => inScope(s, p, id));
  const last = new Map(
    (
      await db
        .select({ id: t.communeStatusChanges.communeId, at: max(t.communeStatusChanges.recordedAt) })
        .from(t.communeStatusChanges)
        .groupBy(t.communeStatusChanges.communeId)
    ).map((r) => [r.id, r.at ? new Date(r.at).toISOString().slice(0, 10) : null]),
  );
  const pending = new Map(
    (
      await db
        .select({ id: t.statusProposals.id, communeId: t.statusProposals.communeId })
        .from(t.statusProposals)
        .where(eq(t.statusProposals.state, 'pending'))
    ).map((r) => [r.communeId, r.id]),
  );
  const flags = new Map(
    (
      await db
        .select({ id: t.reviewFlags.id, communeId: t.reviewFlags.communeId })
        .from(t.reviewFlags)
        .where(eq(t.reviewFlags.state, 'open'))
    ).map((r) => [r.communeId, r.id]),
  );
  const staleBefore = monthsBefore(today, STALE_AFTER_MONTHS);
  const communes = ids.map((id) => {
    const u = s.units.get(id)!;
    const steps = s.histories.get(id) ?? [];
    const step = statusAt(steps, today);
    const lastUpdate = last.get(id) ?? null;
    return {
      code: u.code,
      name: u.name,
      type: u.type,
      parentCode: parentCode(s, u),
      status: step?.status ?? null,
      since: step?.effectiveDate ?? null,
      baseChangeId: steps[steps.length - 1]?.id ?? null,
      lastUpdate,
      pendingProposalId: pending.get(id) ?? null,
      openFlagId: flags.get(id) ?? null,
      stale: lastUpdate === null || lastUpdate < staleBefore,
    };
  });
  communes.sort(
    (a, b) =>
      Number(b.openFlagId !== null) - Number(a.openFlagId !== null) ||
      Number(b.stale) - Number(a.stale) ||
      a.name.localeCompare(b.name, 'vi'),
  );
  return { today, communes };
}
