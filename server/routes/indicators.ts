// GET /api/indicators and GET /api/hotspots.
import { Hono } from 'hono';
import { demand } from '../auth/access';
import { principalOf, type AuthEnv } from '../http/guard';
import { hotspotsQuery, indicatorsQuery, rankingQuery } from '../contracts/api';
import { validate } from '../http/validate';
import { listHotspots } from '../services/hotspots';
import { childIndicators, indicatorTrend, unitIndicators } from '../services/indicators';
import { asOf, type RouteContext } from './context';

export function indicatorRoutes(ctx: RouteContext) {
  return new Hono().get('/', validate('query', indicatorsQuery), async (c) => {
    const q = c.req.valid('query');
    const report = unitIndicators(await ctx.cache.get(), { planId: q.plan, unitCode: q.unit, date: asOf(ctx, q.date) });
    return c.json(report, 200);
  })
    .get('/ranking', validate('query', rankingQuery), async (c) => {
      const q = c.req.valid('query');
      return c.json(childIndicators(await ctx.cache.get(), { planId: q.plan, parentCode: q.parent, date: asOf(ctx, q.date) }), 200);
    })
    .get('/trend', validate('query', indicatorsQuery), async (c) => {
      const q = c.req.valid('query');
      return c.json(indicatorTrend(await ctx.cache.get(), { planId: q.plan, unitCode: q.unit, date: asOf(ctx, q.date) }), 200);
    });
}

export function hotspotRoutes(ctx: RouteContext) {
  return new Hono<AuthEnv>().get('/', validate('query', hotspotsQuery), async (c) => {
    demand(principalOf(c), 'read_hotspot_details'); // need to know: exact places only for police and admins
    const q = c.req.valid('query');
    const s = await ctx.cache.get();
    return c.json(await listHotspots(ctx.database.db, s, { ...q, date: asOf(ctx, q.date) }), 200);
  });
}
