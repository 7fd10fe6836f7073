// Reported figures through the workflow of status changes: staff enter a unit's figures for a period (within their
// area, before the period locks), an approver of that area approves or rejects them, an administrator may reopen a
// locked period until a day. Every write is one transaction with its audit row.
import { and, eq, sql } from 'drizzle-orm';
import {
  entryProblems,
  isLocked,
  isPeriodKey,
  PERIOD_EXAMPLE,
  periodRange,
  previousPeriod,
  reportedValue,
  type ReportedIndicatorDef,
} from '../../../geo/reported';
import { demandScope } from '../../auth/access';
import type { ReportedEntryBody } from '../../contracts/reported';
import type { Db } from '../../db/client';
import * as t from '../../db/schema';
import { HttpError, notFound, type FieldIssue } from '../../http/errors';
import { appendAudit, auditedBy } from '../audit';
import { bumpRevision } from '../meta';
import type { Actor } from '../proposals';
import type { PlanRecord, Snapshot } from '../snapshot';
import { findUnit, validOn } from '../units';
import { reopenedUntil, reportedPlanOf } from './report';

export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
export const conflict = (code: string, vi: string, en: string) => new HttpError(409, code, vi, en);
export const unprocessable = (code: string, vi: string, en: string) => new HttpError(422, code, vi, en);

/** The plan and the indicator named, or 404. */
export function indicatorOf(
  s: Snapshot,
  planId: string,
  code: string,
): { plan: PlanRecord; def: ReportedIndicatorDef } {
  const plan = s.plans.find((p) => p.id === planId);
  const def = plan && reportedPlanOf(s, plan.id).defs.find((d) => d.code === code);
  if (!plan || !def)
    throw notFound({
      vi: `Không có chỉ tiêu báo cáo ${code} của kế hoạch ${planId}`,
      en: `No reported indicator ${code} in plan ${planId}`,
    });
  return { plan, def };
}

/** The period of an entry: its key fits the indicator, it lies in the plan and it has begun. */
function checkPeriod(plan: PlanRecord, def: ReportedIndicatorDef, key: string, today: string) {
  if (!isPeriodKey(def.period, key)) {
    const e = new HttpError(
      400,
      'validation',
      'Kỳ báo cáo không đúng loại của chỉ tiêu',
      'The period does not fit the indicator',
    );
    e.issues = [
      {
        path: 'period',
        message: `${def.period}: ${PERIOD_EXAMPLE[def.period]}`,
      },
    ];
    throw e;
  }
  const span = periodRange(def.period, key);
  if (span.start < plan.start || span.end > plan.end)
    throw unprocessable(
      'outside_plan',
      'Kỳ báo cáo nằm ngoài thời gian của kế hoạch',
      'The period is outside the plan',
    );
  if (span.start > today) throw unprocessable('future_period', 'Kỳ báo cáo chưa bắt đầu', 'The period has not begun');
  return span;
}

/** The unit, valid at the period's end and at a level that reports the indicator. */
function reportingUnit(s: Snapshot, def: ReportedIndicatorDef, code: string, end: string) {
  const unit = findUnit(s, code, end);
  if (!unit || !validOn(unit, end) || !def.levels.includes(unit.level))
    throw unprocessable(
      'not_reporting',
      `Đơn vị ${code} không báo cáo chỉ tiêu này`,
      `Unit ${code} does not report this indicator`,
    );
  return unit;
}

export function refuseLocked(s: Snapshot, plan: PlanRecord, def: ReportedIndicatorDef, key: string, today: string) {
  const { calendar } = reportedPlanOf(s, plan.id);
  if (isLocked(def.period, key, calendar, today, reopenedUntil(s, plan.id, def, key)))
    throw conflict(
      'period_locked',
      `Kỳ ${key} đã khóa sổ; quản trị viên có thể mở lại`,
      `Period ${key} is locked; an administrator may reopen it`,
    );
}

/** Row lock on the unit: entries and decisions for one unit run one after another (lock order step 1). */
export async function lockUnit(tx: Tx, unitId: number) {
  await tx.execute(sql`select id from admin_units where id = ${unitId} for update`);
}

/** The entries of one unit, indicator code and period in one state (a code names one series across plans). */
export const inSlot = (code: string, unitId: number, key: string, state: string) =>
  and(
    eq(t.reportedValues.code, code),
    eq(t.reportedValues.unitId, unitId),
    eq(t.reportedValues.periodKey, key),
    eq(t.reportedValues.state, state),
  );

/** The unit's counted value for a period. */
async function approvedValue(
  tx: Tx,
  code: string,
  unitId: number,
  key: string,
  measure: ReportedIndicatorDef['measure'],
) {
  const [row] = await tx
    .select()
    .from(t.reportedValues)
    .where(inSlot(code, unitId, key, 'approved'));
  return row ? reportedValue(measure, row) : null;
}

function refuseProblems(def: ReportedIndicatorDef, input: ReportedEntryBody, previous: number | null) {
  const problems = entryProblems(def.measure, input, previous);
  if (!problems.length) return;
  const e = new HttpError(400, 'validation', problems[0]!.vi, problems[0]!.en);
  e.issues = problems.map((p) => ({ path: p.path, message: `${p.vi} / ${p.en}` }));
  throw e;
}

/** One entry waits per unit and period (the database's unique index says the same, later and less readably). */
async function refuseSecondPending(tx: Tx, planId: string, code: string, unitId: number, key: string) {
  const waiting = await tx
    .select({ id: t.reportedValues.id })
    .from(t.reportedValues)
    .where(and(eq(t.reportedValues.planId, planId), inSlot(code, unitId, key, 'pending')));
  if (waiting.length)
    throw conflict(
      'pending_exists',
      `Số liệu #${waiting[0]!.id} của kỳ này đang chờ duyệt`,
      `Figures #${waiting[0]!.id} for this period are waiting for approval`,
    );
}

type Prepared = ReturnType<typeof prepareEntry>;

/** The checks made before the transaction: the indicator, the period, the unit, the user's area, the lock. */
function prepareEntry(s: Snapshot, actor: Actor, input: ReportedEntryBody) {
  const { plan, def } = indicatorOf(s, input.plan, input.code);
  const span = checkPeriod(plan, def, input.period, actor.today);
  const unit = reportingUnit(s, def, input.unit, span.end);
  demandScope(s, actor.principal, unit.id);
  refuseLocked(s, plan, def, input.period, actor.today);
  return { plan, def, unit };
}

/** Inside the transaction, the unit locked: one entry waits, the numbers against the previous period, the row and its
 *  audit row. */
async function writeEntry(tx: Tx, actor: Actor, { plan, def, unit }: Prepared, input: ReportedEntryBody) {
  const p = actor.principal;
  await refuseSecondPending(tx, plan.id, def.code, unit.id, input.period);
  const previous = await approvedValue(tx, def.code, unit.id, previousPeriod(def.period, input.period), def.measure);
  refuseProblems(def, input, previous);
  if (input.attachmentId !== null) await claimAttachment(tx, input.attachmentId, p.userId);
  const entered = { numerator: input.numerator, denominator: input.denominator, note: input.note };
  const [row] = await tx
    .insert(t.reportedValues)
    .values({
      ...entered,
      planId: plan.id,
      code: def.code,
      unitId: unit.id,
      periodKey: input.period,
      attachmentId: input.attachmentId,
      proposerId: p.userId,
      authorName: p.displayName,
      proposedAt: actor.now.toISOString(),
    })
    .returning({ id: t.reportedValues.id });
  await appendAudit(
    tx,
    {
      ...auditedBy(actor),
      action: 'reported_submit',
      entityType: 'reported_value',
      entityId: String(row!.id),
      before: previous === null ? null : { previousPeriodValue: previous },
      after: { plan: plan.id, code: def.code, unit: unit.code, period: input.period, ...entered },
    },
    actor.now,
  );
  return row!.id;
}

export async function submitReported(db: Db, s: Snapshot, actor: Actor, input: ReportedEntryBody) {
  const prepared = prepareEntry(s, actor, input);
  return db.transaction(async (tx) => {
    await lockUnit(tx, prepared.unit.id);
    const id = await writeEntry(tx, actor, prepared, input);
    await bumpRevision(tx);
    return { id };
  });
}

/** An entry read from a file, with the cells its numbers (and note) came from. */
export interface EntryFromFile {
  input: ReportedEntryBody;
  cells: { numerator: string; denominator: string | null; note: string | null };
}

/** Where a refusal points in the file: the cell of the field at fault, else the entry's first cell. */
function cellIssues(e: EntryFromFile, err: HttpError): FieldIssue[] {
  const at = (path: string) => e.cells[path as keyof EntryFromFile['cells']] ?? e.cells.numerator;
  return err.issues?.length
    ? err.issues.map((i) => ({ path: at(i.path), message: `${e.input.code} ${e.input.unit}: ${i.message}` }))
    : [{ path: e.cells.numerator, message: `${e.input.code} ${e.input.unit}: ${err.vi} / ${err.en}` }];
}

/** A file refused as a whole, its issues by cell. */
export const refusedFile = (issues: FieldIssue[]) => {
  const e = new HttpError(
    400,
    'validation',
    `Tệp có ${issues.length} lỗi, chưa ghi số liệu nào`,
    `The file has ${issues.length} error(s); nothing was recorded`,
  );
  e.issues = issues;
  return e;
};

/** Every entry of a file, all or none: each refusal is listed by its cell, and then nothing is written. */
export async function submitMany(db: Db, s: Snapshot, actor: Actor, entries: EntryFromFile[]) {
  const issues: FieldIssue[] = [];
  const attempt = async <T>(e: EntryFromFile, run: () => T | Promise<T>): Promise<T | null> => {
    try {
      return await run();
    } catch (err) {
      if (!(err instanceof HttpError)) throw err;
      issues.push(...cellIssues(e, err));
      return null;
    }
  };
  const prepared: (EntryFromFile & { prepared: Prepared })[] = [];
  for (const e of entries) {
    const p = await attempt(e, () => prepareEntry(s, actor, e.input));
    if (p) prepared.push({ ...e, prepared: p });
  }
  if (issues.length) throw refusedFile(issues);
  return db.transaction(async (tx) => {
    // Units locked in one order, so that two files over the same units cannot wait on each other.
    for (const id of [...new Set(prepared.map((e) => e.prepared.unit.id))].sort((a, b) => a - b))
      await lockUnit(tx, id);
    const ids: number[] = [];
    for (const e of prepared) {
      const id = await attempt(e, () => writeEntry(tx, actor, e.prepared, e.input));
      if (id !== null) ids.push(id);
    }
    if (issues.length) throw refusedFile(issues); // the transaction rolls back
    await bumpRevision(tx);
    return { ids };
  });
}

async function claimAttachment(tx: Tx, id: string, userId: number) {
  const [a] = await tx.select().from(t.attachments).where(eq(t.attachments.id, id));
  const [used] = await tx
    .select({ id: t.reportedValues.id })
    .from(t.reportedValues)
    .where(eq(t.reportedValues.attachmentId, id));
  const [usedByProposal] = await tx
    .select({ id: t.statusProposals.id })
    .from(t.statusProposals)
    .where(eq(t.statusProposals.attachmentId, id));
  if (!a || a.uploadedBy !== userId || used || usedByProposal)
    throw unprocessable(
      'attachment',
      'Không tìm thấy tệp đính kèm chưa dùng của bạn',
      'No unused attachment of yours with that id',
    );
}
