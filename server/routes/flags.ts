// Review flags (relapse signal): listed per area for every role, confirmed or dismissed by those in charge.
import { Hono } from 'hono';
import { FLAG_STATES, idParam } from '../contracts/workflow';
import { z } from '../contracts/messages';
import { principalOf, type AuthEnv } from '../http/guard';
import { validate } from '../http/validate';
import { requirePermission } from '../http/permissions';
import { listFlags, resolveFlag } from '../services/review-flags';
import { actorFor, invalidateAndPublish, type RouteContext } from './context';

const flagsQuery = z.object({ state: z.enum(FLAG_STATES).default('open') });
const resolveBody = z.object({ note: z.string().trim().max(1000).default('') });

export function flagRoutes(ctx: RouteContext) {
  return new Hono<AuthEnv>()
    .get('/', requirePermission('read_map'), validate('query', flagsQuery), async (c) =>
      c.json(
        { flags: await listFlags(ctx.database.db, await ctx.cache.get(), principalOf(c), c.req.valid('query').state) },
        200,
      ),
    )
    .post(
      '/:id/:decision{confirm|dismiss}',
      requirePermission(['propose', 'decide']), // those in charge of the area: its editors and approvers
      validate('param', idParam.extend({ decision: z.enum(['confirm', 'dismiss']) })),
      validate('json', resolveBody),
      async (c) => {
        const { id, decision } = c.req.valid('param');
        const event = await resolveFlag(
          ctx.database.db,
          await ctx.cache.get(),
          actorFor(ctx, c),
          id,
          decision === 'confirm' ? 'confirmed' : 'dismissed',
          c.req.valid('json').note,
        );
        invalidateAndPublish(ctx, [event]);
        return c.json({ ok: true as const, state: event.type === 'flag' ? event.state : null }, 200);
      },
    );
}
