// The plan's reported indicators: GET /api/reported (an area on a date, with the units below).
import { Hono } from 'hono';
import { indicatorsQuery } from '../contracts/api';
import type { AuthEnv } from '../http/guard';
import { requirePermission } from '../http/permissions';
import { validate } from '../http/validate';
import { reportedReport } from '../services/reported/report';
import { asOf, type RouteContext } from './context';

export function reportedRoutes(ctx: RouteContext) {
  return new Hono<AuthEnv>()
    .use(requirePermission('read_map'))
    .get('/', validate('query', indicatorsQuery), async (c) => {
      const q = c.req.valid('query');
      const report = reportedReport(await ctx.cache.get(), {
        planId: q.plan,
        unitCode: q.unit,
        date: asOf(ctx, q.date),
        today: asOf(ctx, undefined),
      });
      return c.json(report, 200);
    });
}
