// GET /api/units?parent=CODE: one level of the unit tree on a date.
import { Hono } from 'hono';
import { unitsQuery } from '../contracts/api';
import { validate } from '../http/validate';
import { requirePermission } from '../http/permissions';
import type { AuthEnv } from '../http/guard';
import { unitChildren } from '../services/unit-tree';
import { asOf, type RouteContext } from './context';

export function unitRoutes(ctx: RouteContext) {
  return new Hono<AuthEnv>().get('/', requirePermission('read_map'), validate('query', unitsQuery), async (c) => {
    const q = c.req.valid('query');
    const date = asOf(ctx, q.date);
    return c.json({ asOf: date, units: unitChildren(await ctx.cache.get(), q.parent, date) }, 200);
  });
}
