// Reported figures as the province's Excel template: GET /api/reported/template (one plan and period, the user's
// units, the figures counted so far) and POST /api/reported/upload (the filled template, all or nothing).
import { Hono } from 'hono';
import { reportedTemplateQuery } from '../contracts/reported';
import { download } from '../http/download';
import { HttpError, notFound } from '../http/errors';
import { principalOf, type AuthEnv } from '../http/guard';
import { requirePermission } from '../http/permissions';
import { uploadedForm, uploadLimit } from '../http/upload';
import { validate } from '../http/validate';
import { refusedFile, submitMany } from '../services/reported/entries';
import { readTemplate, templateScope, templateXlsx } from '../services/reported/template';
import type { Snapshot } from '../services/snapshot';
import { xlsxRows } from '../services/xlsx-rows';
import { actorFor, type RouteContext } from './context';

const MAX_TEMPLATE_BYTES = 2 * 1024 * 1024;
/** What a filled template may expand to: a province's units are a few thousand rows. */
const MAX_TEMPLATE_UNZIPPED_BYTES = 30 * 1024 * 1024;

function planNamed(s: Snapshot, id: string) {
  const plan = s.plans.find((p) => p.id === id);
  if (!plan) throw notFound({ vi: `Không có kế hoạch ${id}`, en: `No plan ${id}` });
  return plan;
}

async function readRows(bytes: Uint8Array) {
  try {
    return await xlsxRows(bytes, MAX_TEMPLATE_UNZIPPED_BYTES);
  } catch (e) {
    if (e instanceof HttpError) throw e;
    throw new HttpError(400, 'unreadable', 'Không đọc được tệp Excel (.xlsx)', 'The Excel (.xlsx) file cannot be read');
  }
}

export function reportedFileRoutes(ctx: RouteContext) {
  const { db } = ctx.database;
  return new Hono<AuthEnv>()
    .get('/template', requirePermission('propose'), validate('query', reportedTemplateQuery), async (c) => {
      const q = c.req.valid('query');
      const s = await ctx.cache.get();
      const plan = planNamed(s, q.plan);
      const { defs, units } = templateScope(s, principalOf(c), plan, q.period);
      return download(c, await templateXlsx(s, plan, q.period, defs, units), `so-lieu-${plan.id}-${q.period}`, 'xlsx');
    })
    .post('/upload', requirePermission('propose'), uploadLimit(MAX_TEMPLATE_BYTES), async (c) => {
      const form = await uploadedForm(c);
      const fields = reportedTemplateQuery.safeParse({ plan: form.plan, period: form.period });
      if (!fields.success || !(form.file instanceof File))
        throw new HttpError(
          400,
          'validation',
          'Cần kế hoạch, kỳ và tệp Excel',
          'A plan, a period and an Excel file are needed',
        );
      const s = await ctx.cache.get();
      const plan = planNamed(s, fields.data.plan);
      const { defs } = templateScope(s, principalOf(c), plan, fields.data.period);
      const rows = await readRows(new Uint8Array(await form.file.arrayBuffer()));
      const { entries, issues } = readTemplate(rows, plan, fields.data.period, defs);
      if (issues.length) throw refusedFile(issues);
      const created = await submitMany(db, s, actorFor(ctx, c), entries);
      ctx.cache.invalidate();
      return c.json(created, 201);
    });
}
