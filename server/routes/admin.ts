// Administration: users and the audit trail (browse, export, verify). Admins only.
import { Hono } from 'hono';
import { requirePermission } from '../http/permissions';
import { auditQuery, idParam, passwordResetBody, userCreateBody, userUpdateBody } from '../contracts/workflow';
import { clientAddress, principalOf, type AuthEnv } from '../http/guard';
import { validate } from '../http/validate';
import { appendAudit, auditCsv, listAudit, verifyAuditChain } from '../services/audit';
import { createUser, listUsers, setPassword, updateUser } from '../services/users';
import { accountsChanged, type RouteContext } from './context';

export function userRoutes(ctx: RouteContext) {
  const { db } = ctx.database;
  const admin = (c: Parameters<typeof principalOf>[0]) => {
    const p = principalOf(c);
    return { actorId: p.userId, actorName: p.username, address: clientAddress(c, ctx.auth.trustedProxy) };
  };
  return new Hono<AuthEnv>()
    .use(requirePermission('admin_users'))
    .get('/', async (c) => c.json({ users: await listUsers(db) }, 200))
    .post('/', validate('json', userCreateBody), async (c) =>
      c.json(await createUser(db, c.req.valid('json'), admin(c)), 201),
    )
    .patch('/:id', validate('param', idParam), validate('json', userUpdateBody), async (c) => {
      const user = await updateUser(db, c.req.valid('param').id, c.req.valid('json'), admin(c));
      await accountsChanged(ctx); // role, area or lock take effect on the next request and on open streams
      return c.json(user, 200);
    })
    .post('/:id/password', validate('param', idParam), validate('json', passwordResetBody), async (c) => {
      await setPassword(db, c.req.valid('param').id, c.req.valid('json').password, admin(c));
      await accountsChanged(ctx);
      return c.json({ ok: true as const }, 200);
    });
}

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
