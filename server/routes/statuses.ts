// The light status map: every commune's status on a date, for restyling the map.
import { Hono } from 'hono';
import type { AuthEnv } from '../http/guard';
import { communesQuery } from '../contracts/api';
import { validate } from '../http/validate';
import { requirePermission } from '../http/permissions';
import { communeStatuses } from '../services/communes';
import { asOf, type RouteContext } from './context';

export function statusRoutes(ctx: RouteContext) {
  return new Hono<AuthEnv>().get('/', requirePermission('read_map'), validate('query', communesQuery), async (c) => {
    const q = c.req.valid('query');
    return c.json(communeStatuses(await ctx.cache.get(), asOf(ctx, q.date), q.within), 200);
  });
}
