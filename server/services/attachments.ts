// Evidence files for proposals: type decided by the bytes (not the name or the browser's claim), size-limited,
// stored under a random id outside the web root, readable only by those who may read the proposal.
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileTypeFromBuffer } from 'file-type';
import { eq } from 'drizzle-orm';
import { inScope, type Principal } from '../auth/access';
import { randomToken, sha256Hex } from '../auth/tokens';
import type { Db } from '../db/client';
import * as t from '../db/schema';
import { fieldError, HttpError, notFound } from '../http/errors';
import { unstorableText } from '../http/validate';
import { fileTooLarge } from '../http/upload';
import { appendAudit } from './audit';
import type { Snapshot } from './snapshot';

export const MAX_ATTACHMENT_BYTES = 5 * 1024 * 1024;
export const ATTACHMENT_TYPES = ['application/pdf', 'image/png', 'image/jpeg', 'image/webp'] as const;

export async function storeAttachment(
  db: Db,
  dir: string,
  p: Principal,
  file: { name: string; bytes: Uint8Array },
  address: string,
) {
  if (file.bytes.length > MAX_ATTACHMENT_BYTES) throw fileTooLarge(MAX_ATTACHMENT_BYTES);
  if (file.bytes.length === 0) throw new HttpError(400, 'empty_file', 'Tệp rỗng', 'The file is empty');
  const type = await fileTypeFromBuffer(file.bytes);
  if (!type || !(ATTACHMENT_TYPES as readonly string[]).includes(type.mime))
    throw new HttpError(
      415,
      'file_type',
      'Chỉ nhận tệp PDF hoặc ảnh (PNG, JPEG, WebP)',
      'Only PDF files or images (PNG, JPEG, WebP) are accepted',
    );
  const originalName = file.name.slice(0, 200);
  if (unstorableText(originalName).length)
    throw fieldError(
      'file',
      'Tên tệp chứa ký tự không hợp lệ (NUL hoặc Unicode hỏng)',
      'The file name holds a NUL character or a broken surrogate pair',
    );
  const id = randomToken(18);
  await mkdir(dir, { recursive: true, mode: 0o700 });
  const temp = join(dir, `${id}.part`);
  const stored = join(dir, id);
  const row = {
    id,
    mime: type.mime,
    size: file.bytes.length,
    sha256: sha256Hex(file.bytes),
    originalName,
    uploadedBy: p.userId,
  };
  // The file is put in place inside the transaction that records it; whatever fails, neither stays without the other.
  try {
    await db.transaction(async (tx) => {
      await tx.insert(t.attachments).values(row);
      await appendAudit(tx, {
        actorId: p.userId,
        actorName: p.username,
        address,
        action: 'attachment_upload',
        entityType: 'attachment',
        entityId: id,
        after: row,
      });
      await writeFile(temp, file.bytes, { mode: 0o600 });
      await rename(temp, stored);
    });
  } catch (e) {
    await Promise.all([rm(temp, { force: true }), rm(stored, { force: true })]);
    throw e;
  }
  return { id, mime: type.mime, size: row.size, name: row.originalName };
}

export async function readAttachment(db: Db, dir: string, s: Snapshot, p: Principal, id: string) {
  const [a] = await db.select().from(t.attachments).where(eq(t.attachments.id, id));
  const missing = notFound({ vi: 'Không có tệp đính kèm này', en: 'No such attachment' });
  if (!a) throw missing;
  if (a.uploadedBy !== p.userId) {
    const [prop] = await db
      .select({ communeId: t.statusProposals.communeId })
      .from(t.statusProposals)
      .where(eq(t.statusProposals.attachmentId, id));
    if (!prop || !inScope(s, p, prop.communeId)) throw missing;
  }
  return { meta: a, bytes: await readFile(join(dir, a.id)) };
}
