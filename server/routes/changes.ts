// GET /api/changes: what changed between two dates (the meeting's "what changed" list), for every signed-in role.
import { Hono } from 'hono';
import { can } from '../auth/access';
import { changesQuery } from '../contracts/api';
import { principalOf, type AuthEnv } from '../http/guard';
import { requirePermission } from '../http/permissions';
import { validate } from '../http/validate';
import { changesBetween } from '../services/changes';
import { asOf, type RouteContext } from './context';

export function changeRoutes(ctx: RouteContext) {
  return new Hono<AuthEnv>().use(requirePermission('read_map')).get('/', validate('query', changesQuery), async (c) => {
    const q = c.req.valid('query');
    const changes = await changesBetween(ctx.database.db, await ctx.cache.get(), ctx.hotspotDetails, {
      from: q.from,
      to: asOf(ctx, q.to),
      within: q.within,
      withHotspots: can(principalOf(c), 'read_hotspot_details'),
    });
    return c.json(changes, 200);
  });
}
