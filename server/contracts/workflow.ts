// Contracts of sign-in, users, status proposals and the audit trail.
import { ROLES } from './permissions';
import { idNumber, idText, isoDate, queryInt, unitCode } from './common';
import { communeStatus } from './api';
import { z } from './messages';

export const loginBody = z.object({
  username: z.string().trim().min(1).max(64),
  password: z.string().min(1).max(256),
});
export type LoginBody = z.infer<typeof loginBody>;

export const passwordChangeBody = z.object({
  current: z.string().min(1).max(256),
  next: z.string().min(1).max(256),
});
export type PasswordChangeBody = z.infer<typeof passwordChangeBody>;

export const username = z.string().regex(/^[a-z0-9][a-z0-9._-]{2,31}$/, {
  message: '3–32 lower-case letters, digits, . _ - / 3–32 chữ thường không dấu, chữ số, . _ -',
});

export const userCreateBody = z.object({
  username,
  displayName: z.string().trim().min(1).max(120),
  role: z.enum(ROLES),
  password: z.string().min(1).max(256),
  scopes: z.array(unitCode).max(500).default([]),
});

export const userUpdateBody = z
  .object({
    displayName: z.string().trim().min(1).max(120),
    role: z.enum(ROLES),
    active: z.boolean(),
    scopes: z.array(unitCode).max(500),
  })
  .partial();

export const passwordResetBody = z.object({ password: z.string().min(1).max(256) });
export const idParam = z.object({ id: idText });

/**
 * A legal basis as written on Vietnamese documents: number/symbol and date, e.g. "15/QĐ-UBND" of 03/02/2024,
 * stored as "15/QĐ-UBND ngày 03/02/2024".
 */
export const documentNumber = z
  .string()
  .trim()
  .regex(/^\d{1,6}\/[\p{Lu}\p{N}Đ][\p{L}\p{N}\-/.]{0,40}$/u, {
    message: 'must look like 15/QĐ-UBND / phải có dạng số/ký hiệu, ví dụ 15/QĐ-UBND',
  });

export const proposalBody = z.object({
  commune: unitCode,
  status: communeStatus,
  effectiveDate: isoDate,
  documentNumber,
  documentDate: isoDate,
  note: z.string().trim().max(2000).default(''),
  /** The commune's latest counted change the proposer saw (null: none); a different one now means 409. */
  baseChangeId: idNumber.nullable(),
  /** Set for a correction: the approved change this one replaces. */
  correctsId: idNumber.nullable().default(null),
  attachmentId: z
    .string()
    .regex(/^[A-Za-z0-9_-]{10,40}$/)
    .nullable()
    .default(null),
});
export type ProposalInput = z.infer<typeof proposalBody>;

export const PROPOSAL_STATES = ['pending', 'approved', 'rejected'] as const;
/** What the people in charge decided on a relapse signal. */
export const FLAG_STATES = ['open', 'confirmed', 'dismissed'] as const;

export const rejectBody = z.object({ reason: z.string().trim().min(3).max(2000) });

export const proposalsQuery = z.object({
  state: z.enum(PROPOSAL_STATES).optional(),
  commune: unitCode.optional(),
  limit: queryInt(1, 500).default(200),
});

export const auditQuery = z.object({
  before: idText.optional(),
  limit: queryInt(1, 500).default(100),
  action: z
    .string()
    .regex(/^[a-z_]{1,40}$/)
    .optional(),
});

export const proposalDto = z.object({
  id: z.number(),
  commune: z.object({ code: z.string(), name: z.string(), type: z.string() }),
  status: communeStatus,
  effectiveDate: isoDate,
  legalBasis: z.string(),
  note: z.string(),
  baseChangeId: z.number().nullable(),
  baseStatus: communeStatus.nullable(),
  correctsId: z.number().nullable(),
  attachmentId: z.string().nullable(),
  proposer: z.string(),
  proposedAt: z.string(),
  state: z.enum(PROPOSAL_STATES),
  decider: z.string().nullable(),
  decidedAt: z.string().nullable(),
  reason: z.string().nullable(),
  changeId: z.number().nullable(),
});
export type ProposalDto = z.infer<typeof proposalDto>;
