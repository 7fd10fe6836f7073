// GET /api/compare: the meeting's two-date comparison (what changed between the maps, the indicators on both days).
import { Hono } from 'hono';
import { compareQuery } from '../contracts/api';
import type { AuthEnv } from '../http/guard';
import { requirePermission } from '../http/permissions';
import { validate } from '../http/validate';
import { compareDates } from '../services/compare';
import { asOf, type RouteContext } from './context';

export function compareRoutes(ctx: RouteContext) {
  return new Hono<AuthEnv>().use(requirePermission('read_map')).get('/', validate('query', compareQuery), async (c) => {
    const q = c.req.valid('query');
    const s = await ctx.cache.get();
    const compared = await compareDates(ctx.database.db, s, {
      a: q.a,
      b: asOf(ctx, q.b),
      planId: q.plan,
      within: q.unit,
    });
    return c.json(compared, 200);
  });
}
