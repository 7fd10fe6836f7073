// Decisions on reported figures: an approver of the area approves (replacing the figures counted so far for that unit
// and period) or rejects what waits; an administrator reopens a locked period until a day. Each one transaction with
// its audit row, under the unit's row lock.
import { and, eq } from 'drizzle-orm';
import { addDays, formatVnDate } from '../../../geo/dates';
import { isPeriodKey, type ReportedIndicatorDef } from '../../../geo/reported';
import { demandScope } from '../../auth/access';
import type { Db } from '../../db/client';
import * as t from '../../db/schema';
import { HttpError, notFound } from '../../http/errors';
import { appendAudit, auditedBy } from '../audit';
import { bumpRevision } from '../meta';
import { refuseUndecidable, type Actor } from '../proposals';
import type { Snapshot } from '../snapshot';
import { indicatorOf, inSlot, lockUnit, refuseLocked, unprocessable, type Tx } from './entries';

type Decision = { decision: 'approve' } | { decision: 'reject'; reason: string };

/** Approval replaces the figures counted so far for the unit and period; rejection keeps the reason. */
async function recordDecision(
  tx: Tx,
  row: typeof t.reportedValues.$inferSelect,
  decision: Decision,
  decided: { deciderId: number; decidedAt: string },
) {
  const id = row.id;
  if (decision.decision === 'approve') {
    await tx
      .update(t.reportedValues)
      .set({ state: 'replaced' })
      .where(and(eq(t.reportedValues.planId, row.planId), inSlot(row.code, row.unitId, row.periodKey, 'approved')));
    await tx
      .update(t.reportedValues)
      .set({ state: 'approved', ...decided })
      .where(eq(t.reportedValues.id, id));
  } else
    await tx
      .update(t.reportedValues)
      .set({ state: 'rejected', reason: decision.reason, ...decided })
      .where(eq(t.reportedValues.id, id));
}

/** Approves (replacing the figures counted so far for that unit and period) or rejects waiting figures. */
export async function decideReported(db: Db, s: Snapshot, actor: Actor, id: number, decision: Decision) {
  const p = actor.principal;
  return db.transaction(async (tx) => {
    const [found] = await tx.select().from(t.reportedValues).where(eq(t.reportedValues.id, id));
    if (!found) throw notFound({ vi: `Không có số liệu #${id}`, en: `No figures #${id}` });
    demandScope(s, p, found.unitId);
    const { plan, def } = indicatorOf(s, found.planId, found.code);
    refuseLocked(s, plan, def, found.periodKey, actor.today);
    await lockUnit(tx, found.unitId);
    const [row] = await tx.select().from(t.reportedValues).where(eq(t.reportedValues.id, id));
    refuseUndecidable(row!, p, { vi: `Số liệu #${id}`, en: `Figures #${id}` });
    await recordDecision(tx, row!, decision, { deciderId: p.userId, decidedAt: actor.now.toISOString() });
    await bumpRevision(tx);
    await appendAudit(
      tx,
      {
        ...auditedBy(actor),
        action: decision.decision === 'approve' ? 'reported_approve' : 'reported_reject',
        entityType: 'reported_value',
        entityId: String(id),
        before: { state: 'pending' },
        after: decision.decision === 'approve' ? { state: 'approved' } : { state: 'rejected', reason: decision.reason },
      },
      actor.now,
    );
  });
}

/** An administrator opens a locked period again until a day (at most 90 days ahead). */
export async function reopenPeriod(
  db: Db,
  s: Snapshot,
  actor: Actor,
  input: { plan: string; period: ReportedIndicatorDef['period']; key: string; until: string; reason: string },
) {
  const plan = s.plans.find((x) => x.id === input.plan);
  if (!plan) throw notFound({ vi: `Không có kế hoạch ${input.plan}`, en: `No plan ${input.plan}` });
  if (!isPeriodKey(input.period, input.key)) {
    const e = new HttpError(400, 'validation', 'Kỳ không đúng loại', 'The period key does not fit its type');
    e.issues = [{ path: 'key', message: 'e.g. 2026, 2026-Q1, 2026-03 / ví dụ 2026, 2026-Q1, 2026-03' }];
    throw e;
  }
  const latest = addDays(actor.today, 90);
  if (input.until < actor.today || input.until > latest)
    throw unprocessable(
      'until',
      `Ngày mở đến phải từ hôm nay đến ${formatVnDate(latest)}`,
      `The reopening must end between today and ${formatVnDate(latest)}`,
    );
  const p = actor.principal;
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(t.reportingReopenings)
      .values({
        planId: plan.id,
        period: input.period,
        periodKey: input.key,
        until: input.until,
        reason: input.reason,
        userId: p.userId,
        at: actor.now.toISOString(),
      })
      .returning({ id: t.reportingReopenings.id });
    await bumpRevision(tx);
    await appendAudit(
      tx,
      {
        ...auditedBy(actor),
        action: 'reporting_reopen',
        entityType: 'reporting_period',
        entityId: `${plan.id}/${input.period}/${input.key}`,
        after: { until: input.until, reason: input.reason },
      },
      actor.now,
    );
    return { id: row!.id };
  });
}
