// Area search (hotspots within circles, corridors and polygons) and uploaded place lists: police and admins.
import { Hono } from 'hono';
import { requirePermission } from '../http/permissions';
import { areaQueryBody } from '../contracts/operations';
import type { AuthEnv } from '../http/guard';
import { validate } from '../http/validate';
import { uploadedFile, uploadLimit } from '../http/upload';
import { queryArea } from '../services/areas';
import { MAX_PLACES_BYTES, parsePlaces } from '../services/places';
import { asOf, registryDeps, type RouteContext } from './context';

export function areaRoutes(ctx: RouteContext) {
  const deps = registryDeps(ctx);
  return new Hono<AuthEnv>()
    .use(requirePermission('read_hotspot_details'))
    .post('/query', validate('json', areaQueryBody), async (c) => {
      const q = c.req.valid('json');
      return c.json(await queryArea(deps, await ctx.cache.get(), q.area, asOf(ctx, q.date)), 200);
    })
    .post('/places', uploadLimit(MAX_PLACES_BYTES), async (c) => {
      const file = await uploadedFile(c);
      return c.json(await parsePlaces(file.name, file.bytes), 200);
    });
}
