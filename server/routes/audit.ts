// The audit trail: browse, verify, export (administrators).
import { Hono } from 'hono';
import { requirePermission } from '../http/permissions';
import { auditQuery } from '../contracts/workflow';
import { clientAddress, principalOf, type AuthEnv } from '../http/guard';
import { validate } from '../http/validate';
import { appendAudit, auditCsv, listAudit, verifyAuditChain } from '../services/audit';
import type { RouteContext } from './context';

export function auditRoutes(ctx: RouteContext) {
  const { db } = ctx.database;
  return new Hono<AuthEnv>()
    .use(requirePermission('read_audit'))
    .get('/', validate('query', auditQuery), async (c) =>
      c.json({ rows: await listAudit(db, c.req.valid('query')) }, 200),
    )
    .get('/verify', async (c) => c.json(await verifyAuditChain(db), 200))
    .get('/export.csv', async (c) => {
      const p = principalOf(c);
      await appendAudit(db, {
        actorId: p.userId,
        actorName: p.username,
        address: clientAddress(c, ctx.auth.trustedProxy),
        action: 'export',
        entityType: 'audit_log',
        after: { format: 'csv' },
      });
      return c.body(await auditCsv(db), 200, {
        'Content-Type': 'text/csv; charset=utf-8',
        'Content-Disposition': `attachment; filename="nhat-ky-${new Date().toISOString().slice(0, 10)}.csv"`,
      });
    });
}
