// GET /api/plans: the plans and their targets.
import { Hono } from 'hono';
import { requirePermission } from '../http/permissions';
import type { AuthEnv } from '../http/guard';
import { listPlans } from '../services/plans';
import type { RouteContext } from './context';

export function planRoutes(ctx: RouteContext) {
  return new Hono<AuthEnv>().get('/', requirePermission('read_map'), async (c) =>
    c.json({ plans: listPlans(await ctx.cache.get()) }, 200),
  );
}
