// Status proposals (create, list, approve, reject), their attachments, and an editor's own area.
import { Hono } from 'hono';
import { requirePermission } from '../http/permissions';
import { idParam, proposalBody, proposalsQuery, rejectBody } from '../contracts/workflow';
import { z } from '../contracts/messages';
import { clientAddress, principalOf, type AuthEnv } from '../http/guard';
import { validate } from '../http/validate';
import { MAX_ATTACHMENT_BYTES, readAttachment, storeAttachment } from '../services/attachments';
import { uploadedFile, uploadLimit } from '../http/upload';
import { myArea } from '../services/my-area';
import { approveProposal, createProposal, getProposal, listProposals, rejectProposal } from '../services/proposals';
import { actorFor, announce, asOf, type RouteContext } from './context';

export function proposalRoutes(ctx: RouteContext) {
  const { db } = ctx.database;
  const read = requirePermission('read_proposals');
  const decide = requirePermission('decide');
  return new Hono<AuthEnv>()
    .get('/', read, validate('query', proposalsQuery), async (c) => {
      const proposals = await listProposals(
        db,
        await ctx.cache.get(),
        principalOf(c),
        c.req.valid('query'),
        asOf(ctx, undefined),
      );
      return c.json({ proposals }, 200);
    })
    .get('/:id', read, validate('param', idParam), async (c) => {
      return c.json(await getProposal(db, await ctx.cache.get(), principalOf(c), c.req.valid('param').id), 200);
    })
    .post('/', requirePermission('propose'), validate('json', proposalBody), async (c) => {
      const p = principalOf(c);
      const { id, event } = await createProposal(db, await ctx.cache.get(), actorFor(ctx, c), c.req.valid('json'));
      announce(ctx, [event]);
      return c.json(await getProposal(db, await ctx.cache.get(), p, id), 201);
    })
    .post('/:id/approve', decide, validate('param', idParam), async (c) => {
      const p = principalOf(c);
      const { id } = c.req.valid('param');
      announce(ctx, await approveProposal(db, await ctx.cache.get(), actorFor(ctx, c), id));
      return c.json(await getProposal(db, await ctx.cache.get(), p, id), 200);
    })
    .post('/:id/reject', decide, validate('param', idParam), validate('json', rejectBody), async (c) => {
      const p = principalOf(c);
      const { id } = c.req.valid('param');
      announce(ctx, [
        await rejectProposal(db, await ctx.cache.get(), actorFor(ctx, c), id, c.req.valid('json').reason),
      ]);
      return c.json(await getProposal(db, await ctx.cache.get(), p, id), 200);
    });
}

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

export function myAreaRoutes(ctx: RouteContext) {
  return new Hono<AuthEnv>().get('/', requirePermission('propose'), async (c) => {
    const p = principalOf(c);
    return c.json(await myArea(ctx.database.db, await ctx.cache.get(), p, asOf(ctx, undefined)), 200);
  });
}
