// A proposal's attachment: uploaded by its author, read within the proposal's area.
import { Hono } from 'hono';
import { requirePermission } from '../http/permissions';
import { clientAddress, principalOf, type AuthEnv } from '../http/guard';
import { validate } from '../http/validate';
import { MAX_ATTACHMENT_BYTES, readAttachment, storeAttachment } from '../services/attachments';
import { uploadedFile, uploadLimit } from '../http/upload';
import type { RouteContext } from './context';
import { z } from '../contracts/messages';

const attachmentId = z.object({ id: z.string().regex(/^[A-Za-z0-9_-]{10,40}$/) });

export function attachmentRoutes(ctx: RouteContext) {
  const { db } = ctx.database;
  return (
    new Hono<AuthEnv>()
      .post('/', requirePermission('propose'), uploadLimit(MAX_ATTACHMENT_BYTES), async (c) => {
        const p = principalOf(c);
        const stored = await storeAttachment(
          db,
          ctx.attachmentsDir,
          p,
          await uploadedFile(c),
          clientAddress(c, ctx.auth.trustedProxy),
        );
        return c.json(stored, 201);
      })
      // 404 rather than 403: a role that reads no proposals is not told that an attachment exists.
      .get(
        '/:id',
        requirePermission('read_proposals', { hidden: true }),
        validate('param', attachmentId),
        async (c) => {
          const { meta, bytes } = await readAttachment(
            db,
            ctx.attachmentsDir,
            await ctx.cache.get(),
            principalOf(c),
            c.req.valid('param').id,
          );
          return c.body(new Uint8Array(bytes), 200, {
            'Content-Type': meta.mime,
            'Content-Disposition': `attachment; filename="${meta.id}"; filename*=UTF-8''${encodeURIComponent(meta.originalName)}`,
            'X-Content-Type-Options': 'nosniff',
            'Cache-Control': 'private, no-store',
          });
        },
      )
  );
}
