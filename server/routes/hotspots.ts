// Hotspots: exact records and writes for police and admins; counts per commune for every signed-in role.
import { Hono, type Context } from 'hono';
import { demand } from '../auth/access';
import { communesQuery, hotspotsQuery } from '../contracts/api';
import { hotspotCreateBody, hotspotEventBody, hotspotIdParam, hotspotUpdateBody } from '../contracts/hotspots';
import { clientAddress, principalOf, type AuthEnv } from '../http/guard';
import { validate } from '../http/validate';
import type { LiveEvent } from '../services/events';
import { addHotspotEvent, createHotspot, hotspotDetail, nearbyActive, updateHotspot, type RegistryDeps } from '../services/hotspot-registry';
import { hotspotCounts, listHotspots } from '../services/hotspots';
import type { Actor } from '../services/proposals';
import { z } from '../contracts/messages';
import { asOf, type RouteContext } from './context';

export function registryDeps(ctx: RouteContext): RegistryDeps {
  return { db: ctx.database.db, locator: ctx.locator, details: ctx.hotspotDetails };
}

export function actorFor(ctx: RouteContext, c: Context<AuthEnv>): Actor {
  return { principal: principalOf(c), address: clientAddress(c, ctx.auth.trustedProxy), now: ctx.clock(), today: asOf(ctx, undefined) };
}

/** After a committed write: fresh snapshot for the next read, and a live event for those who may see it. */
export function announce(ctx: RouteContext, events: LiveEvent[]): void {
  ctx.cache.invalidate();
  for (const e of events) ctx.events.publish(e);
}

const nearbyQuery = z.object({ lng: z.coerce.number().min(-180).max(180), lat: z.coerce.number().min(-90).max(90), except: z.coerce.number().int().positive().optional() });

export function hotspotRoutes(ctx: RouteContext) {
  const deps = registryDeps(ctx);
  return new Hono<AuthEnv>()
    .get('/', validate('query', hotspotsQuery), async (c) => {
      demand(principalOf(c), 'read_hotspot_details'); // need to know: exact places only for police and admins
      const q = c.req.valid('query');
      return c.json(await listHotspots(ctx.hotspotDetails, await ctx.cache.get(), { ...q, date: asOf(ctx, q.date) }), 200);
    })
    .get('/counts', validate('query', communesQuery), async (c) => {
      const q = c.req.valid('query');
      return c.json(hotspotCounts(await ctx.cache.get(), asOf(ctx, q.date), q.within), 200);
    })
    .get('/nearby', validate('query', nearbyQuery), async (c) => {
      demand(principalOf(c), 'read_hotspot_details');
      const q = c.req.valid('query');
      return c.json({ duplicates: await nearbyActive(deps, await ctx.cache.get(), [q.lng, q.lat], asOf(ctx, undefined), q.except) }, 200);
    })
    .get('/:id', validate('param', hotspotIdParam), async (c) => {
      demand(principalOf(c), 'read_hotspot_details');
      return c.json(await hotspotDetail(deps, await ctx.cache.get(), c.req.valid('param').id, asOf(ctx, c.req.query('date'))), 200);
    })
    .post('/', validate('json', hotspotCreateBody), async (c) => {
      const { id, event } = await createHotspot(deps, await ctx.cache.get(), actorFor(ctx, c), c.req.valid('json'));
      announce(ctx, [event]);
      return c.json(await hotspotDetail(deps, await ctx.cache.get(), id, asOf(ctx, undefined)), 201);
    })
    .patch('/:id', validate('param', hotspotIdParam), validate('json', hotspotUpdateBody), async (c) => {
      const { id, event } = await updateHotspot(deps, await ctx.cache.get(), actorFor(ctx, c), c.req.valid('param').id, c.req.valid('json'));
      announce(ctx, [event]);
      return c.json(await hotspotDetail(deps, await ctx.cache.get(), id, asOf(ctx, undefined)), 200);
    })
    .post('/:id/events', validate('param', hotspotIdParam), validate('json', hotspotEventBody), async (c) => {
      const { id, event } = await addHotspotEvent(deps, await ctx.cache.get(), actorFor(ctx, c), c.req.valid('param').id, c.req.valid('json'));
      announce(ctx, [event]);
      return c.json(await hotspotDetail(deps, await ctx.cache.get(), id, asOf(ctx, undefined)), 201);
    });
}

