// Area search, uploaded place lists, and crackdown operations (police and admins).
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { demand } from '../auth/access';
import { areaQueryBody, operationBody, resultsBody } from '../contracts/operations';
import { idParam } from '../contracts/workflow';
import { HttpError } from '../http/errors';
import { principalOf, type AuthEnv } from '../http/guard';
import { validate } from '../http/validate';
import { queryArea } from '../services/areas';
import { createOperation, listOperations, operationDetail, recordResults } from '../services/operations';
import { MAX_PLACES_BYTES, parsePlaces } from '../services/places';
import { asOf, type RouteContext } from './context';
import { actorFor, announce, registryDeps } from './hotspots';

export function areaRoutes(ctx: RouteContext) {
  const deps = registryDeps(ctx);
  return new Hono<AuthEnv>()
    .post('/query', validate('json', areaQueryBody), async (c) => {
      demand(principalOf(c), 'read_hotspot_details');
      const q = c.req.valid('json');
      return c.json(await queryArea(deps, await ctx.cache.get(), q.area, asOf(ctx, q.date)), 200);
    })
    .post('/places', bodyLimit({ maxSize: MAX_PLACES_BYTES + 64 * 1024, onError: () => { throw new HttpError(413, 'too_large', 'Tệp quá lớn (tối đa 2 MB)', 'File too large (at most 2 MB)'); } }), async (c) => {
      demand(principalOf(c), 'read_hotspot_details');
      const form = await c.req.parseBody().catch(() => null);
      const file = form?.file;
      if (!(file instanceof File))
        throw new HttpError(400, 'validation', 'Cần gửi một tệp CSV hoặc XLSX trong trường "file"', 'Send one CSV or XLSX file in the "file" field');
      return c.json(await parsePlaces(file.name, new Uint8Array(await file.arrayBuffer())), 200);
    });
}

export function operationRoutes(ctx: RouteContext) {
  const deps = registryDeps(ctx);
  return new Hono<AuthEnv>()
    .get('/', async (c) => c.json({ operations: await listOperations(ctx.database.db, principalOf(c)) }, 200))
    .get('/:id', validate('param', idParam), async (c) =>
      c.json(await operationDetail(deps, await ctx.cache.get(), principalOf(c), c.req.valid('param').id, asOf(ctx, c.req.query('date'))), 200))
    .post('/', validate('json', operationBody), async (c) => {
      const id = await createOperation(deps, await ctx.cache.get(), actorFor(ctx, c), c.req.valid('json'));
      return c.json(await operationDetail(deps, await ctx.cache.get(), principalOf(c), id, asOf(ctx, undefined)), 201);
    })
    .post('/:id/results', validate('param', idParam), validate('json', resultsBody), async (c) => {
      const { id } = c.req.valid('param');
      announce(ctx, await recordResults(deps, await ctx.cache.get(), actorFor(ctx, c), id, c.req.valid('json')));
      return c.json(await operationDetail(deps, await ctx.cache.get(), principalOf(c), id, asOf(ctx, undefined)), 200);
    });
}
