// Hotspots: exact records and writes for police and admins; counts per commune for every signed-in role.
import { Hono, type Context } from 'hono';
import { requirePermission } from '../http/permissions';
import { communesQuery, dateQuery, hotspotsQuery } from '../contracts/api';
import { hotspotCreateBody, hotspotEventBody, hotspotIdParam, hotspotUpdateBody } from '../contracts/hotspots';
import type { AuthEnv } from '../http/guard';
import { download } from '../http/download';
import { validate } from '../http/validate';
import {
  addHotspotEvent,
  createHotspot,
  hotspotDetail,
  nearbyActive,
  updateHotspot,
} from '../services/hotspot-registry';
import { hotspotCounts, listHotspots, type HotspotQuery } from '../services/hotspots';
import { hotspotsCsv, hotspotsGeoJson, hotspotsXlsx } from '../services/exports';
import { unitDisplayName } from '../../geo/unit-names';
import { findUnit } from '../services/units';
import { z } from '../contracts/messages';
import { actorFor, auditExport, invalidateAndPublish, asOf, registryDeps, type RouteContext } from './context';

const exportFormat = z.object({ format: z.enum(['csv', 'xlsx', 'geojson']) });
type ExportFormat = z.infer<typeof exportFormat>;
const nearbyQuery = z.object({
  lng: z.coerce.number().min(-180).max(180),
  lat: z.coerce.number().min(-90).max(90),
  except: z.coerce.number().int().positive().optional(),
});

/** The filtered list (at most 20,000) written as CSV, XLSX or GeoJSON, communes named as they were on the date. */
async function hotspotsFile(ctx: RouteContext, q: HotspotQuery, format: ExportFormat['format']) {
  const s = await ctx.cache.get();
  const list = await listHotspots(ctx.hotspotDetails, s, { ...q, limit: 20_000 });
  const name = (code: string) => {
    const u = findUnit(s, code, q.date);
    return u ? unitDisplayName(u) : code;
  };
  const title = `Danh sách điểm, tụ điểm phức tạp về ma túy — tính đến ${q.date.split('-').reverse().join('/')}`;
  const body =
    format === 'csv'
      ? hotspotsCsv(list, name)
      : format === 'xlsx'
        ? await hotspotsXlsx(list, name, title)
        : hotspotsGeoJson(list, name);
  return { list, body };
}

export function hotspotRoutes(ctx: RouteContext) {
  const deps = registryDeps(ctx);
  const details = requirePermission('read_hotspot_details');
  const write = requirePermission('write_hotspots');
  /** What every read and write of one hotspot answers: its record as of the date (today after a write). */
  const detailOn = async (id: number, date?: string) => hotspotDetail(deps, await ctx.cache.get(), id, asOf(ctx, date));
  /** The registry, the snapshot and who writes: the first arguments of every write. */
  const writing = async (c: Context<AuthEnv>) => [deps, await ctx.cache.get(), actorFor(ctx, c)] as const;
  return (
    new Hono<AuthEnv>()
      // Need to know: exact places and records only for police and admins; counts per commune for every role.
      .get('/', details, validate('query', hotspotsQuery), async (c) => {
        const q = c.req.valid('query');
        return c.json(
          await listHotspots(ctx.hotspotDetails, await ctx.cache.get(), { ...q, date: asOf(ctx, q.date) }),
          200,
        );
      })
      .get('/export', details, validate('query', hotspotsQuery.and(exportFormat)), async (c) => {
        const { format, ...q } = c.req.valid('query');
        const date = asOf(ctx, q.date);
        const { list, body } = await hotspotsFile(ctx, { ...q, date }, format);
        await auditExport(ctx, c, {
          entityType: 'hotspots',
          after: { format, filters: q, rows: list.features.length },
        });
        return download(c, body, `diem-tu-diem-${date}`, format);
      })
      .get('/counts', requirePermission('read_map'), validate('query', communesQuery), async (c) => {
        const q = c.req.valid('query');
        return c.json(hotspotCounts(await ctx.cache.get(), asOf(ctx, q.date), q.within), 200);
      })
      .get('/nearby', details, validate('query', nearbyQuery), async (c) => {
        const q = c.req.valid('query');
        return c.json({ duplicates: await nearbyActive(deps.db, [q.lng, q.lat], asOf(ctx, undefined), q.except) }, 200);
      })
      .get('/:id', details, validate('param', hotspotIdParam), validate('query', dateQuery), async (c) =>
        c.json(await detailOn(c.req.valid('param').id, c.req.valid('query').date), 200),
      )
      .post('/', write, validate('json', hotspotCreateBody), async (c) => {
        const { id, events } = await createHotspot(...(await writing(c)), c.req.valid('json'));
        invalidateAndPublish(ctx, events);
        return c.json(await detailOn(id), 201);
      })
      .patch('/:id', write, validate('param', hotspotIdParam), validate('json', hotspotUpdateBody), async (c) => {
        const { id, event } = await updateHotspot(...(await writing(c)), c.req.valid('param').id, c.req.valid('json'));
        invalidateAndPublish(ctx, [event]);
        return c.json(await detailOn(id), 200);
      })
      .post('/:id/events', write, validate('param', hotspotIdParam), validate('json', hotspotEventBody), async (c) => {
        const { id, event, flag } = await addHotspotEvent(
          ...(await writing(c)),
          c.req.valid('param').id,
          c.req.valid('json'),
        );
        invalidateAndPublish(ctx, flag ? [event, flag] : [event]);
        return c.json(await detailOn(id), 201);
      })
  );
}
