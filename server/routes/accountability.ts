// GET /api/accountability: communes complex for longer than the plan allows, and the leaders responsible (seed 004).
import { Hono } from 'hono';
import { indicatorsQuery } from '../contracts/api';
import type { AuthEnv } from '../http/guard';
import { requirePermission } from '../http/permissions';
import { validate } from '../http/validate';
import { accountableCommunes } from '../services/accountability';
import { asOf, type RouteContext } from './context';

export function accountabilityRoutes(ctx: RouteContext) {
  return new Hono<AuthEnv>()
    .use(requirePermission('read_map'))
    .get('/', validate('query', indicatorsQuery), async (c) => {
      const q = c.req.valid('query');
      const found = await accountableCommunes(ctx.database.db, await ctx.cache.get(), {
        planId: q.plan,
        unitCode: q.unit,
        date: asOf(ctx, q.date),
      });
      return c.json(found, 200);
    });
}
