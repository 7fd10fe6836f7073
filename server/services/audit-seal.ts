// The audit trail's seal: an HMAC key held outside the database (an environment variable or a file the database role
// cannot read) and signed heads anchored outside it, in an append-only file. Without the key, someone with SQL access
// can edit or delete rows but cannot recompute a chain that verifies; deleting the newest rows and the head shows
// against the last anchor. See README, "Audit trail".
import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { appendFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';

export interface AuditSeal {
  key: Buffer;
  /** A fingerprint of the key (not the key): tells "sealed with another key" from "tampered". */
  keyId: string;
  /** Where signed heads are appended; null: not anchored (tests that do not look at anchors). */
  anchorFile: string | null;
}

export interface AuditKeyConfig {
  DATA_DIR: string;
  AUDIT_KEY?: string;
  AUDIT_KEY_FILE?: string;
  AUDIT_ANCHOR_FILE?: string;
}

export function sealFromKey(key: Buffer, anchorFile: string | null): AuditSeal {
  return { key, keyId: createHash('sha256').update(key).digest('hex').slice(0, 16), anchorFile };
}

/**
 * The key from AUDIT_KEY, else from AUDIT_KEY_FILE, else from `<DATA_DIR>.audit.key` (created with 32 random bytes,
 * readable by the server's user only). Signed heads go to AUDIT_ANCHOR_FILE, else `<DATA_DIR>.audit-anchors.jsonl`.
 */
export function loadAuditSeal(env: AuditKeyConfig): AuditSeal {
  const base = resolve(env.DATA_DIR);
  const anchorFile = env.AUDIT_ANCHOR_FILE ?? `${base}.audit-anchors.jsonl`;
  if (env.AUDIT_KEY) return sealFromKey(Buffer.from(env.AUDIT_KEY, 'utf8'), anchorFile);
  const file = env.AUDIT_KEY_FILE ?? `${base}.audit.key`;
  if (!existsSync(file)) {
    if (env.AUDIT_KEY_FILE) throw new Error(`AUDIT_KEY_FILE ${file} does not exist / không có tệp khóa nhật ký`);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, randomBytes(32).toString('base64') + '\n', { mode: 0o600, flag: 'wx' });
  }
  const key = readFileSync(file, 'utf8').trim();
  if (key.length < 32)
    throw new Error(`The audit key in ${file} is shorter than 32 characters / khóa nhật ký quá ngắn`);
  return sealFromKey(Buffer.from(key, 'utf8'), anchorFile);
}

let current: AuditSeal | null = null;

/** Set once by each entry point (server, command-line tools, test setup) before anything is audited. */
export function useAuditSeal(seal: AuditSeal): void {
  current = seal;
}

export function auditSeal(): AuditSeal {
  if (!current) throw new Error('The audit key is not configured (useAuditSeal) / chưa cấu hình khóa nhật ký');
  return current;
}

export function sealHex(text: string, seal = auditSeal()): string {
  return createHmac('sha256', seal.key).update(text).digest('hex');
}

export interface AuditHead {
  id: number;
  hash: string;
  at: string;
  /** The trail's first row hash: anchors of other databases sharing the file (and key) are told apart by it. */
  trail: string;
}

export interface SignedHead extends AuditHead {
  keyId: string;
  signature: string;
}

const headText = (h: AuditHead) => `pcmt-audit-head:${h.trail}:${h.id}:${h.hash}:${h.at}`;

export function signHead(head: AuditHead, seal = auditSeal()): SignedHead {
  return { ...head, keyId: seal.keyId, signature: sealHex(headText(head), seal) };
}

export function headSignedBy(head: SignedHead, seal = auditSeal()): boolean {
  const expected = Buffer.from(sealHex(headText(head), seal), 'hex');
  const given = Buffer.from(head.signature, 'hex');
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/** Appends a signed head to the anchor file unless the last one anchored is the same row. */
export function anchorHead(head: AuditHead, seal = auditSeal()): SignedHead | null {
  if (!seal.anchorFile) return null;
  const last = readAnchors(seal).at(-1);
  const signed = signHead(head, seal);
  if (last && last.trail === head.trail && last.id === head.id && last.hash === head.hash) return last;
  mkdirSync(dirname(seal.anchorFile), { recursive: true });
  appendFileSync(seal.anchorFile, JSON.stringify(signed) + '\n', { mode: 0o600 });
  return signed;
}

export function readAnchors(seal = auditSeal()): SignedHead[] {
  if (!seal.anchorFile || !existsSync(seal.anchorFile)) return [];
  return readFileSync(seal.anchorFile, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as SignedHead);
}
