// Sign-in, sign-out, who am I, and password change.
import { Hono, type Context } from 'hono';
import { deleteCookie, setCookie } from 'hono/cookie';
import { can } from '../auth/access';
import { PERMISSIONS } from '../contracts/permissions';
import { decoyHash } from '../auth/passwords';
import { checkThroughGate, countAttempt } from '../auth/sign-in-attempts';
import { createSession, deleteSession } from '../auth/sessions';
import { loginBody, passwordChangeBody, type LoginBody, type PasswordChangeBody } from '../contracts/workflow';
import { HttpError } from '../http/errors';
import { clientAddress, principalOf, SESSION_COOKIE, type AuthEnv } from '../http/guard';
import { validate } from '../http/validate';
import { appendAudit } from '../services/audit';
import { findUserByName, setPassword } from '../services/users';
import { accountsChanged, type RouteContext } from './context';

const badCredentials = () =>
  new HttpError(401, 'bad_credentials', 'Sai tên đăng nhập hoặc mật khẩu', 'Wrong username or password');
const badCurrentPassword = () =>
  new HttpError(400, 'bad_current_password', 'Mật khẩu hiện tại không đúng', 'The current password is wrong');

const cookieOptions = (ctx: RouteContext) =>
  ({ httpOnly: true, sameSite: 'Strict', path: '/', secure: ctx.auth.cookieSecure }) as const;

/** The signed-in user, the scopes as unit codes and every permission the role holds; null when signed out. */
async function whoAmI(ctx: RouteContext, c: Context<AuthEnv>) {
  const auth = c.get('auth');
  if (!auth) return null;
  const p = auth.principal;
  const s = await ctx.cache.get();
  const codes = [...p.scopeUnitIds].map((id) => s.units.get(id)?.code).filter((x): x is string => !!x);
  return {
    user: {
      id: p.userId,
      username: p.username,
      displayName: p.displayName,
      role: p.role,
      scopes: [...new Set(codes)].sort(),
      permissions: PERMISSIONS.filter((x) => can(p, x)),
    },
    csrfToken: auth.session.csrfToken,
  };
}

/** Checks the credentials (limited, gated, audited either way) and opens a session. */
async function signIn(ctx: RouteContext, c: Context<AuthEnv>, { username, password }: LoginBody) {
  const { db } = ctx.database;
  const address = clientAddress(c, ctx.auth.trustedProxy);
  const now = ctx.clock();
  const attempt = countAttempt(ctx.auth.limits, c, username.toLowerCase(), address, now.getTime());
  const user = await findUserByName(db, username);
  const stored = user?.passwordHash ?? (await decoyHash()); // an unknown name costs the same time as a known one
  const checked = await checkThroughGate(ctx.auth.limits, c, attempt, stored, password);
  const actor = { actorId: user?.id ?? null, actorName: user?.username ?? username, address };
  const entity = { entityType: 'user', entityId: user ? String(user.id) : null };
  if (!checked || !user || !user.active) {
    const reason = !user ? 'unknown_user' : !user.active ? 'inactive' : 'wrong_password';
    await appendAudit(db, { ...actor, actorName: username, ...entity, action: 'login_failed', after: { reason } }, now);
    throw badCredentials();
  }
  attempt.succeeded();
  const session = await createSession(db, user.id, address, now, ctx.auth.session);
  await appendAudit(db, { ...actor, ...entity, action: 'login' }, now);
  return { user, session };
}

/** Changes the caller's password after checking the current one like a sign-in: a guessed password is limited too. */
async function changePassword(ctx: RouteContext, c: Context<AuthEnv>, { current, next }: PasswordChangeBody) {
  const { db } = ctx.database;
  const p = principalOf(c);
  const address = clientAddress(c, ctx.auth.trustedProxy);
  const now = ctx.clock();
  const attempt = countAttempt(ctx.auth.limits, c, p.username.toLowerCase(), address, now.getTime());
  const user = await findUserByName(db, p.username);
  const actor = { actorId: p.userId, actorName: p.username, address };
  if (!user || !(await checkThroughGate(ctx.auth.limits, c, attempt, user.passwordHash, current))) {
    const failure = { action: 'password_change_failed', after: { reason: 'wrong_current_password' } };
    await appendAudit(db, { ...actor, entityType: 'user', entityId: String(p.userId), ...failure }, now);
    throw badCurrentPassword();
  }
  attempt.succeeded();
  await setPassword(db, p.userId, next, actor, c.get('auth')!.session.tokenHash, 'password_change');
  await accountsChanged(ctx);
}

/** Ends the caller's session (if any): its open streams end now, not at the next heartbeat. */
async function signOut(ctx: RouteContext, c: Context<AuthEnv>) {
  const auth = c.get('auth');
  if (!auth) return;
  await deleteSession(ctx.database.db, auth.session.tokenHash);
  await accountsChanged(ctx);
  const { userId, username } = auth.principal;
  await appendAudit(ctx.database.db, {
    actorId: userId,
    actorName: username,
    address: clientAddress(c, ctx.auth.trustedProxy),
    action: 'logout',
    entityType: 'user',
    entityId: String(userId),
  });
}

export function authRoutes(ctx: RouteContext) {
  return (
    new Hono<AuthEnv>()
      .post('/login', validate('json', loginBody), async (c) => {
        const { user, session } = await signIn(ctx, c, c.req.valid('json'));
        const maxAge = Math.floor(ctx.auth.session.absoluteMs / 1000);
        setCookie(c, SESSION_COOKIE, session.token, { ...cookieOptions(ctx), maxAge });
        const { id, username, displayName, role } = user;
        return c.json({ user: { id, username, displayName, role }, csrfToken: session.csrfToken }, 200);
      })
      .post('/logout', async (c) => {
        await signOut(ctx, c);
        deleteCookie(c, SESSION_COOKIE, cookieOptions(ctx));
        return c.json({ ok: true as const }, 200);
      })
      // 200 either way: a signed-out visitor is a normal state of the sign-in page, not an error to log.
      .get('/me', async (c) => c.json((await whoAmI(ctx, c)) ?? { user: null, csrfToken: null }, 200))
      .post('/password', validate('json', passwordChangeBody), async (c) => {
        await changePassword(ctx, c, c.req.valid('json'));
        return c.json({ ok: true as const }, 200);
      })
  );
}
