// User accounts, administrators only: list, create, change, reset a password.
import { Hono } from 'hono';
import { requirePermission } from '../http/permissions';
import { idParam, passwordResetBody, userCreateBody, userUpdateBody } from '../contracts/workflow';
import { clientAddress, principalOf, type AuthEnv } from '../http/guard';
import { validate } from '../http/validate';
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
