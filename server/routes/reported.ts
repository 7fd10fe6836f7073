// The plan's reported indicators: GET /api/reported (an area on a date, with the units below); entries of figures
// (list, enter, approve or reject) and the reopening of a locked period.
import { Hono } from 'hono';
import { indicatorsQuery } from '../contracts/api';
import { reopeningBody, reportedDecisionBody, reportedEntryBody, reportedValuesQuery } from '../contracts/reported';
import { idParam } from '../contracts/workflow';
import { principalOf, type AuthEnv } from '../http/guard';
import { requirePermission } from '../http/permissions';
import { validate } from '../http/validate';
import { decideReported, reopenPeriod } from '../services/reported/decisions';
import { submitReported } from '../services/reported/entries';
import { reportedFileRoutes } from './reported-files';
import { listReported } from '../services/reported/list';
import { reportedReport } from '../services/reported/report';
import { actorFor, asOf, type RouteContext } from './context';

export function reportedRoutes(ctx: RouteContext) {
  const { db } = ctx.database;
  return new Hono<AuthEnv>()
    .route('/', reportedFileRoutes(ctx))
    .get('/', requirePermission('read_map'), validate('query', indicatorsQuery), async (c) => {
      const q = c.req.valid('query');
      const report = reportedReport(await ctx.cache.get(), {
        planId: q.plan,
        unitCode: q.unit,
        date: asOf(ctx, q.date),
        today: asOf(ctx, undefined),
      });
      return c.json(report, 200);
    })
    .get('/values', requirePermission('read_proposals'), validate('query', reportedValuesQuery), async (c) => {
      const values = await listReported(db, await ctx.cache.get(), principalOf(c), c.req.valid('query'));
      return c.json({ values }, 200);
    })
    .post('/values', requirePermission('propose'), validate('json', reportedEntryBody), async (c) => {
      const created = await submitReported(db, await ctx.cache.get(), actorFor(ctx, c), c.req.valid('json'));
      ctx.cache.invalidate();
      return c.json(created, 201);
    })
    .post(
      '/values/:id/decision',
      requirePermission('decide'),
      validate('param', idParam),
      validate('json', reportedDecisionBody),
      async (c) => {
        const id = c.req.valid('param').id;
        await decideReported(db, await ctx.cache.get(), actorFor(ctx, c), id, c.req.valid('json'));
        ctx.cache.invalidate();
        return c.json({ id }, 200);
      },
    )
    .post('/reopenings', requirePermission('manage_reporting'), validate('json', reopeningBody), async (c) => {
      const created = await reopenPeriod(db, await ctx.cache.get(), actorFor(ctx, c), c.req.valid('json'));
      ctx.cache.invalidate();
      return c.json(created, 201);
    });
}
