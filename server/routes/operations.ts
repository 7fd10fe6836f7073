// Crackdown operations: list, detail, create, record results, export the packet (police and admins).
import { Hono } from 'hono';
import { requirePermission } from '../http/permissions';
import { dateQuery } from '../contracts/api';
import { operationBody, resultsBody } from '../contracts/operations';
import { idParam } from '../contracts/workflow';
import type { AuthEnv } from '../http/guard';
import { download } from '../http/download';
import { z } from '../contracts/messages';
import { areaTouches, prepareGeometry } from '../../geo/areas';
import { operationPdf, operationXlsx, type OperationPacket } from '../services/exports';
import { validOn } from '../services/units';
import { validate } from '../http/validate';
import { yieldingEvery } from '../services/yielding';
import { createOperation, listOperations, operationDetail, recordResults } from '../services/operations';
import { actorFor, auditExport, invalidateAndPublish, asOf, registryDeps, type RouteContext } from './context';

const exportFormat = z.object({ format: z.enum(['xlsx', 'pdf']) });

/** The operation as of today with the communes its area touches (their shapes for the packet's map). */
async function operationPacket(ctx: RouteContext, id: number): Promise<OperationPacket> {
  const s = await ctx.cache.get();
  const date = asOf(ctx, undefined);
  const op = await operationDetail(registryDeps(ctx), s, id, date);
  const area = prepareGeometry(op.area);
  const communes = [];
  const pause = yieldingEvery();
  for (const a of await ctx.locator.all(s)) {
    await pause();
    const u = s.units.get(a.key)!;
    if (validOn(u, date) && areaTouches(area, a)) communes.push({ name: u.name, type: u.type, geometry: a.geometry });
  }
  const generatedAt = new Date(ctx.clock()).toLocaleString('vi-VN', { timeZone: 'Asia/Ho_Chi_Minh' });
  return { ...op, area: area.geometry, communes, generatedAt } as OperationPacket;
}

export function operationRoutes(ctx: RouteContext) {
  const deps = registryDeps(ctx);
  const write = requirePermission('write_hotspots');
  return new Hono<AuthEnv>()
    .use(requirePermission('read_hotspot_details'))
    .get('/', async (c) => c.json({ operations: await listOperations(ctx.database.db) }, 200))
    .get('/:id', validate('param', idParam), validate('query', dateQuery), async (c) =>
      c.json(
        await operationDetail(
          deps,
          await ctx.cache.get(),
          c.req.valid('param').id,
          asOf(ctx, c.req.valid('query').date),
        ),
        200,
      ),
    )
    .get('/:id/export', validate('param', idParam), validate('query', exportFormat), async (c) => {
      const { id } = c.req.valid('param');
      const { format } = c.req.valid('query');
      const packet = await operationPacket(ctx, id);
      await auditExport(ctx, c, { entityType: 'operation', entityId: String(id), after: { format } });
      const body = format === 'pdf' ? await operationPdf(packet) : await operationXlsx(packet);
      return download(c, body, `dot-cao-diem-${id}`, format);
    })
    .post('/', write, validate('json', operationBody), async (c) => {
      const id = await createOperation(deps, await ctx.cache.get(), actorFor(ctx, c), c.req.valid('json'));
      return c.json(await operationDetail(deps, await ctx.cache.get(), id, asOf(ctx, undefined)), 201);
    })
    .post('/:id/results', write, validate('param', idParam), validate('json', resultsBody), async (c) => {
      const { id } = c.req.valid('param');
      invalidateAndPublish(
        ctx,
        await recordResults(deps, await ctx.cache.get(), actorFor(ctx, c), id, c.req.valid('json')),
      );
      return c.json(await operationDetail(deps, await ctx.cache.get(), id, asOf(ctx, undefined)), 200);
    });
}
