// An editor's own area: its communes, their statuses and pending proposals.
import { Hono } from 'hono';
import { requirePermission } from '../http/permissions';
import { principalOf, type AuthEnv } from '../http/guard';
import { myArea } from '../services/my-area';
import { asOf, type RouteContext } from './context';

export function myAreaRoutes(ctx: RouteContext) {
  return new Hono<AuthEnv>().get('/', requirePermission('propose'), async (c) => {
    const p = principalOf(c);
    return c.json(await myArea(ctx.database.db, await ctx.cache.get(), p, asOf(ctx, undefined)), 200);
  });
}
