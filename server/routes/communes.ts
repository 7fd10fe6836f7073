// Communes: GeoJSON with their status on a date, and one commune's detail.
import { Hono } from 'hono';
import { principalOf, type AuthEnv } from '../http/guard';
import { statusAt } from '../../geo/status';
import { codeParam, communesQuery, dateQuery } from '../contracts/api';
import { validate } from '../http/validate';
import { requirePermission } from '../http/permissions';
import { communeDetailFor, resolveWithin } from '../services/communes';
import { communesWithin, parentCode } from '../services/units';
import { asOf, type RouteContext } from './context';

export function communeRoutes(ctx: RouteContext) {
  return new Hono<AuthEnv>()
    .use(requirePermission('read_map'))
    .get('/', validate('query', communesQuery), async (c) => {
      const q = c.req.valid('query');
      const date = asOf(ctx, q.date);
      const s = await ctx.cache.get();
      const ids = [...communesWithin(s, resolveWithin(s, q.within, date), date)].sort((a, b) => a - b);
      const body = await ctx.boundaries.communeFeatures(s, ids, (u) => {
        const step = statusAt(s.histories.get(u.id) ?? [], date);
        return {
          code: u.code,
          name: u.name,
          type: u.type,
          parentCode: parentCode(s, u),
          status: step?.status ?? null,
          statusSince: step?.effectiveDate ?? null,
        };
      });
      return c.body(body, 200, { 'Content-Type': 'application/geo+json; charset=utf-8' });
    })
    .get('/:code', validate('param', codeParam), validate('query', dateQuery), async (c) => {
      const { code } = c.req.valid('param');
      const date = asOf(ctx, c.req.valid('query').date);
      const s = await ctx.cache.get();
      return c.json(await communeDetailFor(ctx.database.db, s, principalOf(c), code, date), 200);
    });
}
