// GET /api/reported/values: entries of reported figures, newest first, within the reader's area for scoped roles.
import { and, desc, eq, type SQL } from 'drizzle-orm';
import { reportedValue, type ReportedMeasure } from '../../../geo/reported';
import { inScope, type Principal } from '../../auth/access';
import type { Db } from '../../db/client';
import * as t from '../../db/schema';
import type { Snapshot } from '../snapshot';
import { unitWithParent } from '../units';
import { reportedPlanOf } from './report';

export interface ReportedValuesFilter {
  plan?: string;
  code?: string;
  period?: string;
  unit?: string;
  state?: string;
}

const LIMIT = 500;

export async function listReported(db: Db, s: Snapshot, p: Principal, q: ReportedValuesFilter) {
  const where: SQL[] = [];
  if (q.plan) where.push(eq(t.reportedValues.planId, q.plan));
  if (q.code) where.push(eq(t.reportedValues.code, q.code));
  if (q.period) where.push(eq(t.reportedValues.periodKey, q.period));
  if (q.state) where.push(eq(t.reportedValues.state, q.state));
  const rows = await db
    .select()
    .from(t.reportedValues)
    .where(where.length ? and(...where) : undefined)
    .orderBy(desc(t.reportedValues.proposedAt), desc(t.reportedValues.id));
  const measureOf = (planId: string, code: string): ReportedMeasure =>
    reportedPlanOf(s, planId).defs.find((d) => d.code === code)?.measure ?? 'count';
  return rows
    .filter((r) => (!q.unit || s.units.get(r.unitId)?.code === q.unit) && inScope(s, p, r.unitId))
    .slice(0, LIMIT)
    .map((r) => ({
      id: r.id,
      plan: r.planId,
      code: r.code,
      period: r.periodKey,
      unit: unitWithParent(s, r.unitId),
      numerator: r.numerator,
      denominator: r.denominator,
      value: reportedValue(measureOf(r.planId, r.code), r),
      note: r.note,
      attachmentId: r.attachmentId,
      state: r.state,
      author: r.authorName,
      proposedAt: new Date(r.proposedAt).toISOString(),
      decidedAt: r.decidedAt && new Date(r.decidedAt).toISOString(),
      reason: r.reason,
      mine: r.proposerId === p.userId,
    }));
}
