// Communes: GeoJSON with status, the light status map, one commune's detail, and the cacheable boundaries.
import { Hono } from 'hono';
import { can } from '../auth/access';
import { principalOf, type AuthEnv } from '../http/guard';
import { listProposals } from '../services/proposals';
import { statusAt } from '../../geo/status';
import { boundariesQuery, codeParam, communesQuery, dateQuery } from '../contracts/api';
import { validate } from '../http/validate';
import { requirePermission } from '../http/permissions';
import { communeDetail, communeStatuses, resolveWithin } from '../services/communes';
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
      const detail = await communeDetail(ctx.database.db, s, code, date);
      const p = principalOf(c);
      if (can(p, 'read_proposals')) {
        const [pending] = await listProposals(
          ctx.database.db,
          s,
          p,
          { state: 'pending', commune: code, limit: 1 },
          date,
        );
        detail.pendingProposalId = pending?.id ?? null;
      }
      return c.json(detail, 200);
    });
}

export function statusRoutes(ctx: RouteContext) {
  return new Hono<AuthEnv>().get('/', requirePermission('read_map'), validate('query', communesQuery), async (c) => {
    const q = c.req.valid('query');
    return c.json(communeStatuses(await ctx.cache.get(), asOf(ctx, q.date), q.within), 200);
  });
}

export function boundaryRoutes(ctx: RouteContext) {
  return new Hono<AuthEnv>().get('/', requirePermission('read_map'), validate('query', boundariesQuery), async (c) => {
    const q = c.req.valid('query');
    const s = await ctx.cache.get();
    const date = asOf(ctx, q.date);
    const body = await ctx.boundaries.topology(s, date, q.zoom);
    const versioned = q.v !== undefined && body.etag.startsWith(`"b-${q.v}-`);
    c.header('ETag', body.etag);
    c.header('Vary', 'Accept-Encoding');
    c.header('Cache-Control', versioned ? 'public, max-age=31536000, immutable' : 'no-cache');
    if (c.req.header('If-None-Match') === body.etag) return c.body(null, 304);
    if (/\bgzip\b/.test(c.req.header('Accept-Encoding') ?? '')) {
      return c.body(new Uint8Array(body.gzip), 200, { 'Content-Type': 'application/json', 'Content-Encoding': 'gzip' });
    }
    return c.body(body.json, 200, { 'Content-Type': 'application/json' });
  });
}
