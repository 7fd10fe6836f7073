// Status proposals: list, read, create, approve, reject.
import { Hono } from 'hono';
import { requirePermission } from '../http/permissions';
import { idParam, proposalBody, proposalsQuery, rejectBody } from '../contracts/workflow';
import { principalOf, type AuthEnv } from '../http/guard';
import { validate } from '../http/validate';
import { approveProposal, createProposal, getProposal, listProposals, rejectProposal } from '../services/proposals';
import { actorFor, invalidateAndPublish, asOf, type RouteContext } from './context';

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
      invalidateAndPublish(ctx, [event]);
      return c.json(await getProposal(db, await ctx.cache.get(), p, id), 201);
    })
    .post('/:id/approve', decide, validate('param', idParam), async (c) => {
      const p = principalOf(c);
      const { id } = c.req.valid('param');
      invalidateAndPublish(ctx, await approveProposal(db, await ctx.cache.get(), actorFor(ctx, c), id));
      return c.json(await getProposal(db, await ctx.cache.get(), p, id), 200);
    })
    .post('/:id/reject', decide, validate('param', idParam), validate('json', rejectBody), async (c) => {
      const p = principalOf(c);
      const { id } = c.req.valid('param');
      invalidateAndPublish(ctx, [
        await rejectProposal(db, await ctx.cache.get(), actorFor(ctx, c), id, c.req.valid('json').reason),
      ]);
      return c.json(await getProposal(db, await ctx.cache.get(), p, id), 200);
    });
}
