// Status proposals (create, list, approve, reject), their attachments, and an editor's own area.
import { Hono, type Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { demand, type Principal } from '../auth/access';
import { idParam, proposalBody, proposalsQuery, rejectBody } from '../contracts/workflow';
import { z } from '../contracts/messages';
import { HttpError } from '../http/errors';
import { clientAddress, principalOf, type AuthEnv } from '../http/guard';
import { validate } from '../http/validate';
import { MAX_ATTACHMENT_BYTES, readAttachment, storeAttachment, tooLarge } from '../services/attachments';
import type { LiveEvent } from '../services/events';
import { myArea } from '../services/my-area';
import { approveProposal, createProposal, getProposal, listProposals, rejectProposal, type Actor } from '../services/proposals';
import { asOf, type RouteContext } from './context';

function actorOf(ctx: RouteContext, c: Context<AuthEnv>, principal: Principal): Actor {
  return { principal, address: clientAddress(c, ctx.auth.trustedProxy), now: ctx.clock(), today: asOf(ctx, undefined) };
}

/** After the commit: caches see the new data and open dashboards hear about it. */
function announce(ctx: RouteContext, events: LiveEvent[]) {
  if (events.some((e) => e.type === 'status')) ctx.cache.invalidate();
  for (const e of events) ctx.events.publish(e);
}

export function proposalRoutes(ctx: RouteContext) {
  const { db } = ctx.database;
  return new Hono<AuthEnv>()
    .get('/', validate('query', proposalsQuery), async (c) => {
      const proposals = await listProposals(db, await ctx.cache.get(), principalOf(c), c.req.valid('query'), asOf(ctx, undefined));
      return c.json({ proposals }, 200);
    })
    .get('/:id', validate('param', idParam), async (c) => {
      return c.json(await getProposal(db, await ctx.cache.get(), principalOf(c), c.req.valid('param').id), 200);
    })
    .post('/', validate('json', proposalBody), async (c) => {
      const p = principalOf(c);
      const { id, event } = await createProposal(db, await ctx.cache.get(), actorOf(ctx, c, p), c.req.valid('json'));
      announce(ctx, [event]);
      return c.json(await getProposal(db, await ctx.cache.get(), p, id), 201);
    })
    .post('/:id/approve', validate('param', idParam), async (c) => {
      const p = principalOf(c);
      const { id } = c.req.valid('param');
      announce(ctx, await approveProposal(db, await ctx.cache.get(), actorOf(ctx, c, p), id));
      return c.json(await getProposal(db, await ctx.cache.get(), p, id), 200);
    })
    .post('/:id/reject', validate('param', idParam), validate('json', rejectBody), async (c) => {
      const p = principalOf(c);
      const { id } = c.req.valid('param');
      announce(ctx, [await rejectProposal(db, await ctx.cache.get(), actorOf(ctx, c, p), id, c.req.valid('json').reason)]);
      return c.json(await getProposal(db, await ctx.cache.get(), p, id), 200);
    });
}

const attachmentId = z.object({ id: z.string().regex(/^[A-Za-z0-9_-]{10,40}$/) });

export function attachmentRoutes(ctx: RouteContext) {
  const { db } = ctx.database;
  return new Hono<AuthEnv>()
    .post('/', bodyLimit({ maxSize: MAX_ATTACHMENT_BYTES + 64 * 1024, onError: () => { throw tooLarge(); } }), async (c) => {
      const p = principalOf(c);
      const form = await c.req.parseBody().catch(() => null);
      const file = form?.file;
      if (!(file instanceof File))
        throw new HttpError(400, 'validation', 'Cần gửi một tệp trong trường "file" (multipart/form-data)', 'Send one file in the "file" field (multipart/form-data)');
      const stored = await storeAttachment(db, ctx.attachmentsDir, p, { name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) }, clientAddress(c, ctx.auth.trustedProxy));
      return c.json(stored, 201);
    })
    .get('/:id', validate('param', attachmentId), async (c) => {
      const { meta, bytes } = await readAttachment(db, ctx.attachmentsDir, await ctx.cache.get(), principalOf(c), c.req.valid('param').id);
      return c.body(new Uint8Array(bytes), 200, {
        'Content-Type': meta.mime,
        'Content-Disposition': `attachment; filename="${meta.id}"; filename*=UTF-8''${encodeURIComponent(meta.originalName)}`,
        'X-Content-Type-Options': 'nosniff',
        'Cache-Control': 'private, no-store',
      });
    });
}

export function myAreaRoutes(ctx: RouteContext) {
  return new Hono<AuthEnv>().get('/', async (c) => {
    const p = principalOf(c);
    demand(p, 'propose');
    return c.json(await myArea(ctx.database.db, await ctx.cache.get(), p, asOf(ctx, undefined)), 200);
  });
}
