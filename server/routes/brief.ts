// GET /api/brief: the meeting brief ("Báo cáo nhanh") as a PDF, generated here without any outside service.
import { Hono } from 'hono';
import { briefQuery } from '../contracts/api';
import { download } from '../http/download';
import type { AuthEnv } from '../http/guard';
import { requirePermission } from '../http/permissions';
import { validate } from '../http/validate';
import { briefData } from '../services/brief/brief-data';
import { briefPdf } from '../services/brief/brief-pdf';
import { asOf, auditExport, type RouteContext } from './context';

export function briefRoutes(ctx: RouteContext) {
  return new Hono<AuthEnv>().use(requirePermission('read_map')).get('/', validate('query', briefQuery), async (c) => {
    const q = c.req.valid('query');
    const date = asOf(ctx, q.date);
    const from = q.from ?? `${date.slice(0, 8)}01`; // the meeting's month by default
    const deps = { db: ctx.database.db, boundaries: ctx.boundaries, details: ctx.hotspotDetails };
    const data = await briefData(deps, await ctx.cache.get(), { date, from });
    const pdf = await briefPdf(data, q.size);
    await auditExport(ctx, c, { entityType: 'brief', after: { format: 'pdf', size: q.size, date, from } });
    return download(c, pdf, `bao-cao-nhanh-${date}-${q.size}`, 'pdf');
  });
}
