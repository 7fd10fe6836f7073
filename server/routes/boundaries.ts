// Boundaries as TopoJSON per vintage and zoom tier: versioned, cacheable, gzip sent as stored.
import { Hono } from 'hono';
import type { AuthEnv } from '../http/guard';
import { boundariesQuery } from '../contracts/api';
import { validate } from '../http/validate';
import { requirePermission } from '../http/permissions';
import { asOf, type RouteContext } from './context';

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
