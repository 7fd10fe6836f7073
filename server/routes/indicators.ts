// GET /api/indicators, its ranking of child units, its yearly trend and what each indicator counts.
import { Hono } from 'hono';
import { indicatorParam, indicatorsQuery, rankingQuery } from '../contracts/api';
import { can } from '../auth/access';
import { membersOf } from '../services/indicator-members';
import { validate } from '../http/validate';
import { requirePermission } from '../http/permissions';
import { principalOf, type AuthEnv } from '../http/guard';
import { childIndicators, indicatorTrend, unitIndicators } from '../services/indicators';
import { asOf, auditExport, type RouteContext } from './context';
import { download } from '../http/download';
import { districtTableXlsx } from '../services/district-table';

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
    .get('/ranking/export', validate('query', rankingQuery), async (c) => {
      const q = c.req.valid('query');
      const date = asOf(ctx, q.date);
      const table = childIndicators(await ctx.cache.get(), { planId: q.plan, parentCode: q.parent, date });
      await auditExport(ctx, c, {
        entityType: 'indicators',
        after: { format: 'xlsx', plan: table.plan.id, parent: q.parent ?? null, date },
      });
      return download(c, await districtTableXlsx(table), `chi-tieu-theo-don-vi-${date}`, 'xlsx');
    })
    .get('/:indicator/members', validate('param', indicatorParam), validate('query', indicatorsQuery), async (c) => {
      const q = c.req.valid('query');
      const members = await membersOf(await ctx.cache.get(), ctx.hotspotDetails, {
        planId: q.plan,
        unitCode: q.unit,
        date: asOf(ctx, q.date),
        indicator: c.req.valid('param').indicator,
        withHotspots: can(principalOf(c), 'read_hotspot_details'),
      });
      return c.json(members, 200);
    })
    .get('/trend', validate('query', indicatorsQuery), async (c) => {
      const q = c.req.valid('query');
      return c.json(
        indicatorTrend(await ctx.cache.get(), { planId: q.plan, unitCode: q.unit, date: asOf(ctx, q.date) }),
        200,
      );
    });
}
