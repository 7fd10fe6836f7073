// The light status map: every commune's status on a date, for restyling the map.
import { Hono } from 'hono';
import type { AuthEnv } from '../http/guard';
import { communesQuery } from '../contracts/api';
import { validate } from '../http/validate';
import { requirePermission } from '../http/permissions';
import { communeStatuses } from '../services/communes';
import { planOn } from '../services/indicators';
import { asOf, type RouteContext } from './context';

export function statusRoutes(ctx: RouteContext) {
  return new Hono<AuthEnv>().get('/', requirePermission('read_map'), validate('query', communesQuery), async (c) => {
    const q = c.req.valid('query');
    const s = await ctx.cache.get();
    const date = asOf(ctx, q.date);
    return c.json(
      {
        ...communeStatuses(s, date, q.within),
        vintage: ctx.boundaries.vintageOn(s, date, asOf(ctx, undefined)),
        planId: planOn(s, date)?.id ?? null,
      },
      200,
    );
  });
}
