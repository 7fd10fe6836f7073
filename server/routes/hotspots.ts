// Hotspots: exact records and writes for police and admins; counts per commune for every signed-in role.
import { Hono } from 'hono';
import { requirePermission } from '../http/permissions';
import { communesQuery, dateQuery, hotspotsQuery } from '../contracts/api';
import { hotspotCreateBody, hotspotEventBody, hotspotIdParam, hotspotUpdateBody } from '../contracts/hotspots';
import { clientAddress, principalOf, type AuthEnv } from '../http/guard';
import { validate } from '../http/validate';
import {
  addHotspotEvent,
  createHotspot,
  hotspotDetail,
  nearbyActive,
  updateHotspot,
} from '../services/hotspot-registry';
import { hotspotCounts, listHotspots } from '../services/hotspots';
import { hotspotsCsv, hotspotsGeoJson, hotspotsXlsx } from '../services/exports';
import { unitDisplayName } from '../../geo/unit-names';
import { appendAudit } from '../services/audit';
import { findUnit } from '../services/units';
import { z } from '../contracts/messages';
import { actorFor, invalidateAndPublish, asOf, registryDeps, type RouteContext } from './context';

const exportFormat = z.object({ format: z.enum(['csv', 'xlsx', 'geojson']) });
const nearbyQuery = z.object({
  lng: z.coerce.number().min(-180).max(180),
  lat: z.coerce.number().min(-90).max(90),
  except: z.coerce.number().int().positive().optional(),
});

export function hotspotRoutes(ctx: RouteContext) {
  const deps = registryDeps(ctx);
  const details = requirePermission('read_hotspot_details');
  const write = requirePermission('write_hotspots');
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
        const p = principalOf(c);
        const { format, ...q } = c.req.valid('query');
        const s = await ctx.cache.get();
        const date = asOf(ctx, q.date);
        const list = await listHotspots(ctx.hotspotDetails, s, { ...q, date, limit: 20_000 });
        const name = (code: string) => {
          const u = findUnit(s, code, date);
          return u ? unitDisplayName(u) : code;
        };
        await appendAudit(ctx.database.db, {
          actorId: p.userId,
          actorName: p.username,
          address: clientAddress(c, ctx.auth.trustedProxy),
          action: 'export',
          entityType: 'hotspots',
          after: { format, filters: q, rows: list.features.length },
        });
        const file = `diem-tu-diem-${date}`;
        if (format === 'csv')
          return c.body(hotspotsCsv(list, name), 200, {
            'Content-Type': 'text/csv; charset=utf-8',
            'Content-Disposition': `attachment; filename="${file}.csv"`,
          });
        if (format === 'xlsx')
          return c.body(
            new Uint8Array(
              await hotspotsXlsx(
                list,
                name,
                `Danh sách điểm, tụ điểm phức tạp về ma túy — tính đến ${date.split('-').reverse().join('/')}`,
              ),
            ),
            200,
            {
              'Content-Type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
              'Content-Disposition': `attachment; filename="${file}.xlsx"`,
            },
          );
        return c.body(hotspotsGeoJson(list, name), 200, {
          'Content-Type': 'application/geo+json; charset=utf-8',
          'Content-Disposition': `attachment; filename="${file}.geojson"`,
        });
      })
      .get('/counts', requirePermission('read_map'), validate('query', communesQuery), async (c) => {
        const q = c.req.valid('query');
        return c.json(hotspotCounts(await ctx.cache.get(), asOf(ctx, q.date), q.within), 200);
      })
      .get('/nearby', details, validate('query', nearbyQuery), async (c) => {
        const q = c.req.valid('query');
        return c.json({ duplicates: await nearbyActive(deps.db, [q.lng, q.lat], asOf(ctx, undefined), q.except) }, 200);
      })
      .get('/:id', details, validate('param', hotspotIdParam), validate('query', dateQuery), async (c) => {
        return c.json(
          await hotspotDetail(
            deps,
            await ctx.cache.get(),
            c.req.valid('param').id,
            asOf(ctx, c.req.valid('query').date),
          ),
          200,
        );
      })
      .post('/', write, validate('json', hotspotCreateBody), async (c) => {
        const { id, events } = await createHotspot(deps, await ctx.cache.get(), actorFor(ctx, c), c.req.valid('json'));
        invalidateAndPublish(ctx, events);
        return c.json(await hotspotDetail(deps, await ctx.cache.get(), id, asOf(ctx, undefined)), 201);
      })
      .patch('/:id', write, validate('param', hotspotIdParam), validate('json', hotspotUpdateBody), async (c) => {
        const { id, event } = await updateHotspot(
          deps,
          await ctx.cache.get(),
          actorFor(ctx, c),
          c.req.valid('param').id,
          c.req.valid('json'),
        );
        invalidateAndPublish(ctx, [event]);
        return c.json(await hotspotDetail(deps, await ctx.cache.get(), id, asOf(ctx, undefined)), 200);
      })
      .post('/:id/events', write, validate('param', hotspotIdParam), validate('json', hotspotEventBody), async (c) => {
        const { id, event, flag } = await addHotspotEvent(
          deps,
          await ctx.cache.get(),
          actorFor(ctx, c),
          c.req.valid('param').id,
          c.req.valid('json'),
        );
        invalidateAndPublish(ctx, flag ? [event, flag] : [event]);
        return c.json(await hotspotDetail(deps, await ctx.cache.get(), id, asOf(ctx, undefined)), 201);
      })
  );
}
