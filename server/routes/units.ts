// GET /api/units?parent=CODE (one tree level) and GET /api/plans.
import { Hono } from 'hono';
import { unitsQuery } from '../contracts/api';
import { validate } from '../http/validate';
import { requirePermission } from '../http/permissions';
import type { AuthEnv } from '../http/guard';
import { listPlans } from '../services/plans';
import { unitChildren } from '../services/unit-tree';
import { asOf, type RouteContext } from './context';

export function unitRoutes(ctx: RouteContext) {
  return new Hono<AuthEnv>().get('/', requirePermission('read_map'), validate('query', unitsQuery), async (c) => {
    const q = c.req.valid('query');
    const date = asOf(ctx, q.date);
    return c.json({ date, units: unitChildren(await ctx.cache.get(), q.parent, date) }, 200);
  });
}

export function planRoutes(ctx: RouteContext) {
  return new Hono<AuthEnv>().get('/', requirePermission('read_map'), async (c) =>
    c.json({ plans: listPlans(await ctx.cache.get()) }, 200),
  );
}
