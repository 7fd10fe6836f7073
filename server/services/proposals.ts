// The status workflow: an editor proposes, an approver approves or rejects; only approval writes a counted change.
import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import { formatVnDate } from '../../geo/dates';
import { checkNewSteps, effectiveHistory, type CommuneStatus, type StatusRecord } from '../../geo/status';
import { COMMUNE_STATUS_LABELS } from '../../geo/domain-labels';
import { demandScope, inScope, type Principal } from '../auth/access';
import type { ProposalDto, ProposalInput } from '../contracts/workflow';
import type { Db } from '../db/client';
import * as t from '../db/schema';
import { HttpError, notFound } from '../http/errors';
import { appendAudit } from './audit';
import type { LiveEvent } from './events';
import { bumpRevision } from './meta';
import type { Snapshot } from './snapshot';
import { findUnit } from './units';

export interface Actor {
  principal: Principal;
  address: string;
  now: Date;
  today: string;
}

type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

const conflict = (code: string, vi: string, en: string) => new HttpError(409, code, vi, en);
const unprocessable = (code: string, vi: string, en: string) => new HttpError(422, code, vi, en);

function describeStep(r: { status: string; effectiveDate: string; legalBasis: string } | null) {
  if (!r) return { vi: 'chưa có trạng thái', en: 'no status yet' };
  const name = COMMUNE_STATUS_LABELS[r.status as CommuneStatus];
  return {
    vi: `"${name.vi}" từ ngày ${formatVnDate(r.effectiveDate)} (${r.legalBasis})`,
    en: `"${name.en}" since ${formatVnDate(r.effectiveDate)} (${r.legalBasis})`,
  };
}

/** Row lock on the commune: proposals and approvals for one commune run one after another. */
async function lockCommune(tx: Tx, communeId: number) {
  await tx.execute(sql`select id from admin_units where id = ${communeId} for update`);
}

type CommuneRecords = Awaited<ReturnType<typeof statusRecords>>;

async function statusRecords(tx: Tx, communeId: number) {
  return tx.select().from(t.communeStatusChanges).where(eq(t.communeStatusChanges.communeId, communeId));
}

function latestCounted(records: (typeof t.communeStatusChanges.$inferSelect)[]) {
  const steps = effectiveHistory(records.map(asRecord));
  const last = steps[steps.length - 1];
  return last ? records.find((r) => r.id === last.id)! : null;
}

const asRecord = (r: {
  id: number;
  status: string;
  effectiveDate: string;
  correctsId: number | null;
}): StatusRecord => ({
  id: r.id,
  status: r.status as CommuneStatus,
  effectiveDate: r.effectiveDate,
  correctsId: r.correctsId,
});

async function selectionDates(tx: Tx, communeId: number): Promise<string[]> {
  const rows = await tx
    .select({ d: t.planSelections.selectedOn })
    .from(t.planSelections)
    .where(eq(t.planSelections.communeId, communeId));
  return rows.map((r) => r.d);
}

const REASONS = {
  not_allowed: { vi: 'Không được chuyển', en: 'Not an allowed transition' },
  not_selected: {
    vi: 'Chỉ xã được chọn xây dựng chuyển hóa mới được chuyển sang "Đã chuyển hóa"',
    en: 'Only a commune selected for transformation can become transformed',
  },
  unchanged: { vi: 'Trạng thái không đổi', en: 'The status would not change' },
};

/** Refuses with 422 when the change would make a transition PRODUCT.md does not allow. */
async function checkChange(
  tx: Tx,
  communeId: number,
  records: (typeof t.communeStatusChanges.$inferSelect)[],
  next: StatusRecord,
) {
  const selected = await selectionDates(tx, communeId);
  const bad = checkNewSteps(records.map(asRecord), [...records.map(asRecord), next], (d) =>
    selected.some((s) => s <= d),
  );
  if (!bad) return;
  const from = bad.from ? COMMUNE_STATUS_LABELS[bad.from.status] : { vi: '(chưa có)', en: '(none)' };
  const to = COMMUNE_STATUS_LABELS[bad.to.status];
  const r = REASONS[bad.reason];
  throw unprocessable(
    'transition',
    `${r.vi}: "${from.vi}" → "${to.vi}" (ngày ${formatVnDate(bad.to.effectiveDate)})`,
    `${r.en}: "${from.en}" → "${to.en}" (on ${formatVnDate(bad.to.effectiveDate)})`,
  );
}

function resolveCommune(s: Snapshot, code: string, today: string) {
  const unit = findUnit(s, code, today);
  if (!unit || unit.level !== 'commune') throw notFound({ vi: `Không có xã ${code}`, en: `No commune ${code}` });
  return unit;
}

/** Dates after today are refused: a proposal records a decision already taken. */
function refuseFutureDates(input: ProposalInput, today: string) {
  if (input.effectiveDate > today || input.documentDate > today)
    throw unprocessable(
      'future_date',
      'Ngày hiệu lực và ngày văn bản không được sau hôm nay',
      'The effective and document dates cannot be after today',
    );
}

/** The proposal was written against the latest record; no other waits; a correction targets an uncorrected record. */
async function refuseStaleProposal(tx: Tx, communeId: number, records: CommuneRecords, input: ProposalInput) {
  const latest = latestCounted(records);
  if ((latest?.id ?? null) !== input.baseChangeId) {
    const now = describeStep(latest);
    throw conflict(
      'status_changed',
      `Trạng thái của xã đã thay đổi trong lúc bạn soạn đề xuất: nay là ${now.vi}. Hãy xem lại và gửi lại.`,
      `The commune's status changed while you were writing: it is now ${now.en}. Please review and resend.`,
    );
  }
  const pending = await tx
    .select({ id: t.statusProposals.id })
    .from(t.statusProposals)
    .where(and(eq(t.statusProposals.communeId, communeId), eq(t.statusProposals.state, 'pending')));
  if (pending.length)
    throw conflict(
      'pending_exists',
      `Xã này đã có đề xuất #${pending[0]!.id} đang chờ duyệt`,
      `This commune already has proposal #${pending[0]!.id} waiting for approval`,
    );
  if (input.correctsId === null) return;
  const target = records.find((r) => r.id === input.correctsId);
  if (!target)
    throw unprocessable(
      'corrects',
      'Bản ghi cần đính chính không thuộc xã này',
      'The record to correct does not belong to this commune',
    );
  if (records.some((r) => r.correctsId === target.id))
    throw conflict('already_corrected', 'Bản ghi này đã được đính chính', 'This record has already been corrected');
}

export async function createProposal(
  db: Db,
  s: Snapshot,
  actor: Actor,
  input: ProposalInput,
): Promise<{ id: number; event: LiveEvent }> {
  const p = actor.principal;
  const commune = resolveCommune(s, input.commune, actor.today);
  demandScope(s, p, commune.id);
  refuseFutureDates(input, actor.today);
  const legalBasis = `${input.documentNumber} ngày ${formatVnDate(input.documentDate)}`;
  return db.transaction(async (tx) => {
    await lockCommune(tx, commune.id);
    const records = await statusRecords(tx, commune.id);
    await refuseStaleProposal(tx, commune.id, records, input);
    const { status, effectiveDate, correctsId, attachmentId, note, baseChangeId } = input;
    await checkChange(tx, commune.id, records, { id: Number.MAX_SAFE_INTEGER, status, effectiveDate, correctsId });
    if (attachmentId !== null) await claimAttachment(tx, attachmentId, p.userId);
    const proposed = { status, effectiveDate, legalBasis, note, correctsId, attachmentId };
    const [row] = await tx
      .insert(t.statusProposals)
      .values({
        ...proposed,
        communeId: commune.id,
        baseChangeId,
        proposerId: p.userId,
        proposedAt: actor.now.toISOString(),
      })
      .returning();
    const latest = latestCounted(records);
    await appendAudit(
      tx,
      {
        actorId: p.userId,
        actorName: p.username,
        address: actor.address,
        action: correctsId ? 'correction_propose' : 'proposal_create',
        entityType: 'status_proposal',
        entityId: String(row!.id),
        before: latest && { changeId: latest.id, status: latest.status, effectiveDate: latest.effectiveDate },
        after: { commune: commune.code, ...proposed },
      },
      actor.now,
    );
    return {
      id: row!.id,
      event: { type: 'proposal', communeId: commune.id, commune: commune.code, proposalId: row!.id, state: 'pending' },
    };
  });
}

async function claimAttachment(tx: Tx, id: string, userId: number) {
  const [a] = await tx.select().from(t.attachments).where(eq(t.attachments.id, id));
  if (!a || a.uploadedBy !== userId)
    throw unprocessable('attachment', 'Không tìm thấy tệp đính kèm của bạn', 'No such attachment of yours');
  const used = await tx
    .select({ id: t.statusProposals.id })
    .from(t.statusProposals)
    .where(eq(t.statusProposals.attachmentId, id));
  if (used.length)
    throw unprocessable(
      'attachment',
      'Tệp đính kèm đã dùng cho đề xuất khác',
      'The attachment is already used by another proposal',
    );
}

async function pendingForDecision(tx: Tx, s: Snapshot, p: Principal, id: number) {
  const [row] = await tx.select().from(t.statusProposals).where(eq(t.statusProposals.id, id));
  if (!row) throw notFound({ vi: `Không có đề xuất #${id}`, en: `No proposal #${id}` });
  demandScope(s, p, row.communeId);
  await lockCommune(tx, row.communeId);
  const [fresh] = await tx.select().from(t.statusProposals).where(eq(t.statusProposals.id, id));
  refuseUndecidable(fresh!, p, { vi: `Đề xuất #${id}`, en: `Proposal #${id}` });
  return fresh!;
}

/** A decision is taken once, and never by the one who proposed (status changes and reported figures alike). */
export function refuseUndecidable(
  row: { state: string; proposerId: number | null },
  p: Principal,
  what: { vi: string; en: string },
): void {
  if (row.state !== 'pending')
    throw conflict('already_decided', `${what.vi} đã được xử lý`, `${what.en} has already been decided`);
  if (row.proposerId === p.userId)
    throw new HttpError(
      403,
      'own_proposal',
      'Không được tự duyệt đề xuất, số liệu của chính mình',
      'You cannot decide on what you proposed yourself',
    );
}

type PendingProposal = Awaited<ReturnType<typeof pendingForDecision>>;

/** The approved proposal becomes a status record, authored by its proposer. */
async function recordApprovedChange(tx: Tx, prop: PendingProposal, now: Date) {
  const [proposer] = await tx.select().from(t.users).where(eq(t.users.id, prop.proposerId));
  const { communeId, status, effectiveDate, legalBasis, note, correctsId } = prop;
  const [change] = await tx
    .insert(t.communeStatusChanges)
    .values({
      ...{ communeId, status, effectiveDate, legalBasis, note, correctsId },
      authorId: prop.proposerId,
      authorName: proposer!.displayName,
      recordedAt: now.toISOString(),
    })
    .returning();
  return change!;
}

export async function approveProposal(db: Db, s: Snapshot, actor: Actor, id: number): Promise<LiveEvent[]> {
  const p = actor.principal;
  return db.transaction(async (tx) => {
    const prop = await pendingForDecision(tx, s, p, id);
    const records = await statusRecords(tx, prop.communeId);
    const latest = latestCounted(records);
    if ((latest?.id ?? null) !== prop.baseChangeId) {
      const now = describeStep(latest);
      throw conflict(
        'status_changed',
        `Trạng thái của xã đã thay đổi sau khi đề xuất được gửi: nay là ${now.vi}. Hãy từ chối đề xuất này.`,
        `The commune's status changed after this proposal was sent: it is now ${now.en}. Please reject it.`,
      );
    }
    const { effectiveDate, correctsId } = prop;
    const status = prop.status as CommuneStatus;
    await checkChange(tx, prop.communeId, records, { id: Number.MAX_SAFE_INTEGER, status, effectiveDate, correctsId });
    const change = await recordApprovedChange(tx, prop, actor.now);
    await tx
      .update(t.statusProposals)
      .set({ state: 'approved', deciderId: p.userId, decidedAt: actor.now.toISOString(), changeId: change.id })
      .where(eq(t.statusProposals.id, id));
    await bumpRevision(tx);
    await appendAudit(
      tx,
      {
        actorId: p.userId,
        actorName: p.username,
        address: actor.address,
        action: correctsId ? 'correction_approve' : 'proposal_approve',
        entityType: 'status_proposal',
        entityId: String(id),
        before: latest && { changeId: latest.id, status: latest.status, effectiveDate: latest.effectiveDate },
        after: {
          changeId: change.id,
          status: change.status,
          effectiveDate: change.effectiveDate,
          legalBasis: change.legalBasis,
          correctsId: change.correctsId,
        },
      },
      actor.now,
    );
    const commune = s.units.get(prop.communeId)!.code;
    const { communeId } = prop;
    return [
      {
        type: 'status',
        communeId,
        commune,
        status: change.status,
        effectiveDate: change.effectiveDate,
        changeId: change.id,
      },
      { type: 'proposal', communeId, commune, proposalId: id, state: 'approved' },
    ];
  });
}

export async function rejectProposal(
  db: Db,
  s: Snapshot,
  actor: Actor,
  id: number,
  reason: string,
): Promise<LiveEvent> {
  const p = actor.principal;
  return db.transaction(async (tx) => {
    const prop = await pendingForDecision(tx, s, p, id);
    await tx
      .update(t.statusProposals)
      .set({ state: 'rejected', deciderId: p.userId, decidedAt: actor.now.toISOString(), reason })
      .where(eq(t.statusProposals.id, id));
    await appendAudit(
      tx,
      {
        actorId: p.userId,
        actorName: p.username,
        address: actor.address,
        action: 'proposal_reject',
        entityType: 'status_proposal',
        entityId: String(id),
        before: { state: 'pending' },
        after: { state: 'rejected', reason },
      },
      actor.now,
    );
    return {
      type: 'proposal',
      communeId: prop.communeId,
      commune: s.units.get(prop.communeId)!.code,
      proposalId: id,
      state: 'rejected',
    };
  });
}

/** Proposals the user may see, newest first. */
export async function listProposals(
  db: Db,
  s: Snapshot,
  p: Principal,
  q: { state?: string; commune?: string; limit: number },
  today: string,
): Promise<ProposalDto[]> {
  const where = [];
  if (q.state) where.push(eq(t.statusProposals.state, q.state));
  if (q.commune) {
    const unit = findUnit(s, q.commune, today);
    if (!unit) return [];
    where.push(eq(t.statusProposals.communeId, unit.id));
  }
  const rows = await db
    .select()
    .from(t.statusProposals)
    .where(and(...where))
    .orderBy(desc(t.statusProposals.id));
  const visible = rows.filter((r) => inScope(s, p, r.communeId)).slice(0, q.limit);
  return toDtos(db, s, visible);
}

export async function getProposal(db: Db, s: Snapshot, p: Principal, id: number): Promise<ProposalDto> {
  const [row] = await db.select().from(t.statusProposals).where(eq(t.statusProposals.id, id));
  if (!row || !inScope(s, p, row.communeId))
    throw notFound({ vi: `Không có đề xuất #${id}`, en: `No proposal #${id}` });
  return (await toDtos(db, s, [row]))[0]!;
}

async function toDtos(db: Db, s: Snapshot, rows: (typeof t.statusProposals.$inferSelect)[]): Promise<ProposalDto[]> {
  if (!rows.length) return [];
  const userIds = [...new Set(rows.flatMap((r) => [r.proposerId, r.deciderId]).filter((x): x is number => x !== null))];
  const names = new Map(
    (await db.select({ id: t.users.id, n: t.users.displayName }).from(t.users).where(inArray(t.users.id, userIds))).map(
      (u) => [u.id, u.n],
    ),
  );
  const baseIds = rows.map((r) => r.baseChangeId).filter((x): x is number => x !== null);
  const bases = new Map(
    baseIds.length
      ? (
          await db
            .select({ id: t.communeStatusChanges.id, st: t.communeStatusChanges.status })
            .from(t.communeStatusChanges)
            .where(inArray(t.communeStatusChanges.id, baseIds))
        ).map((b) => [b.id, b.st])
      : [],
  );
  return rows.map((r) => {
    const u = s.units.get(r.communeId)!;
    return {
      id: r.id,
      commune: { code: u.code, name: u.name, type: u.type },
      status: r.status as CommuneStatus,
      effectiveDate: r.effectiveDate,
      legalBasis: r.legalBasis,
      note: r.note,
      baseChangeId: r.baseChangeId,
      baseStatus: (r.baseChangeId !== null ? (bases.get(r.baseChangeId) ?? null) : null) as CommuneStatus | null,
      correctsId: r.correctsId,
      attachmentId: r.attachmentId,
      proposer: names.get(r.proposerId) ?? '?',
      proposedAt: new Date(r.proposedAt).toISOString(),
      state: r.state as ProposalDto['state'],
      decider: r.deciderId !== null ? (names.get(r.deciderId) ?? '?') : null,
      decidedAt: r.decidedAt ? new Date(r.decidedAt).toISOString() : null,
      reason: r.reason,
      changeId: r.changeId,
    };
  });
}
