// The audit trail: browse, verify, export (administrators).
import { Hono } from 'hono';
import { requirePermission } from '../http/permissions';
import { auditQuery } from '../contracts/workflow';
import type { AuthEnv } from '../http/guard';
import { download } from '../http/download';
import { validate } from '../http/validate';
import { auditCsv, listAudit, verifyAuditChain } from '../services/audit';
import { asOf, auditExport, type RouteContext } from './context';

export function auditRoutes(ctx: RouteContext) {
  const { db } = ctx.database;
  return new Hono<AuthEnv>()
    .use(requirePermission('read_audit'))
    .get('/', validate('query', auditQuery), async (c) =>
      c.json({ rows: await listAudit(db, c.req.valid('query')) }, 200),
    )
    .get('/verify', async (c) => c.json(await verifyAuditChain(db), 200))
    .get('/export.csv', async (c) => {
      await auditExport(ctx, c, { entityType: 'audit_log', after: { format: 'csv' } });
      return download(c, await auditCsv(db), `nhat-ky-${asOf(ctx, undefined)}`, 'csv');
    });
}
