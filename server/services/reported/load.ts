// The reported indicators in the snapshot: each plan's definitions and reporting calendar, the entries that count or
// wait (rejected and replaced ones left out), and the periods an administrator reopened.
import { inArray } from 'drizzle-orm';
import type { Period } from '../../../geo/dates';
import type { ReportedRow } from '../../../geo/reported-aggregate';
import type { ReportedIndicatorDef, ReportingCalendar } from '../../../geo/reported';
import { todayInVietnam } from '../../clock';
import type { Db } from '../../db/client';
import * as t from '../../db/schema';

export interface ReportedPlan {
  calendar: ReportingCalendar;
  defs: ReportedIndicatorDef[];
}

export interface Reopening {
  planId: string;
  period: Period;
  periodKey: string;
  until: string;
}

export interface ReportedSnapshot {
  reportedPlans: Map<string, ReportedPlan>;
  reportedRows: (ReportedRow & { planId: string })[];
  reopenings: Reopening[];
}

export async function loadReported(db: Db): Promise<ReportedSnapshot> {
  const reportedPlans = new Map<string, ReportedPlan>();
  for (const p of await db.select().from(t.plans))
    reportedPlans.set(p.id, { calendar: { dueDays: p.reportDueDays, lockDays: p.reportLockDays }, defs: [] });
  const defs = await db.select().from(t.reportedIndicators).orderBy(t.reportedIndicators.position);
  for (const d of defs)
    reportedPlans.get(d.planId)?.defs.push({
      code: d.code,
      name: { vi: d.nameVi, en: d.nameEn },
      measure: d.measure,
      period: d.period,
      levels: d.levels,
      target: d.target,
    });
  const rows = await db
    .select()
    .from(t.reportedValues)
    .where(inArray(t.reportedValues.state, ['pending', 'approved']));
  const reportedRows = rows.map((r) => ({
    planId: r.planId,
    code: r.code,
    unitId: r.unitId,
    periodKey: r.periodKey,
    numerator: r.numerator,
    denominator: r.denominator,
    state: r.state as 'pending' | 'approved',
    submittedOn: todayInVietnam(() => new Date(r.proposedAt)),
  }));
  const reopenings = (await db.select().from(t.reportingReopenings)).map((r) => ({
    planId: r.planId,
    period: r.period,
    periodKey: r.periodKey,
    until: r.until,
  }));
  return { reportedPlans, reportedRows, reopenings };
}
