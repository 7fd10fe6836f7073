// GET /api/indicators, its ranking of child units and its yearly trend.
import { Hono } from 'hono';
import { indicatorsQuery, rankingQuery } from '../contracts/api';
import { validate } from '../http/validate';
import { requirePermission } from '../http/permissions';
import type { AuthEnv } from '../http/guard';
import { childIndicators, indicatorTrend, unitIndicators } from '../services/indicators';
import { asOf, type RouteContext } from './context';

export function indicatorRoutes(ctx: RouteContext) {
  return new Hono<AuthEnv>()
    .use(requirePermission('read_map'))
    .get('/', validate('query', indicatorsQuery), async (c) => {
      const q = c.req.valid('query');
      const report = unitIndicators(await ctx.cache.get(), {
        planId: q.plan,
        unitCode: q.unit,
        date: asOf(ctx, q.date),
      });
      return c.json(report, 200);
    })
    .get('/ranking', validate('query', rankingQuery), async (c) => {
      const q = c.req.valid('query');
      return c.json(
        childIndicators(await ctx.cache.get(), { planId: q.plan, parentCode: q.parent, date: asOf(ctx, q.date) }),
        200,
      );
    })
    .get('/trend', validate('query', indicatorsQuery), async (c) => {
      const q = c.req.valid('query');
      return c.json(
        indicatorTrend(await ctx.cache.get(), { planId: q.plan, unitCode: q.unit, date: asOf(ctx, q.date) }),
        200,
      );
    });
}
