// Sign-in, sign-out, who am I, and password change.
import { Hono, type Context } from 'hono';
import { deleteCookie, setCookie } from 'hono/cookie';
import { can } from '../auth/access';
import { PERMISSIONS } from '../contracts/permissions';
import { decoyHash, verifyPassword } from '../auth/passwords';
import { Gate, type GateClass } from '../auth/rate-limit';
import { createSession, deleteSession } from '../auth/sessions';
import { loginBody, passwordChangeBody } from '../contracts/workflow';
import { HttpError } from '../http/errors';
import { clientAddress, principalOf, SESSION_COOKIE, type AuthEnv } from '../http/guard';
import { validate } from '../http/validate';
import { appendAudit } from '../services/audit';
import { findUserByName, setPassword } from '../services/users';
import { accountsChanged, type RouteContext } from './context';

const badCredentials = () =>
  new HttpError(401, 'bad_credentials', 'Sai tên đăng nhập hoặc mật khẩu', 'Wrong username or password');

function tooMany(c: Context, ms: number) {
  c.header('Retry-After', String(Math.ceil(ms / 1000)));
  return new HttpError(
    429,
    'rate_limited',
    `Đăng nhập sai quá nhiều lần, thử lại sau ${Math.ceil(ms / 60_000)} phút`,
    `Too many failed sign-ins, try again in ${Math.ceil(ms / 60_000)} min`,
  );
}

export function authRoutes(ctx: RouteContext) {
  const { db } = ctx.database;
  const { limits } = ctx.auth;
  const me = async (c: Context<AuthEnv>) => {
    const auth = c.get('auth');
    if (!auth) return null;
    const p = auth.principal;
    const s = await ctx.cache.get();
    const scopes = [
      ...new Set([...p.scopeUnitIds].map((id) => s.units.get(id)?.code).filter((x): x is string => !!x)),
    ].sort();
    const permissions = PERMISSIONS.filter((x) => can(p, x));
    return {
      user: { id: p.userId, username: p.username, displayName: p.displayName, role: p.role, scopes, permissions },
      csrfToken: auth.session.csrfToken,
    };
  };

  /**
   * Counts a password attempt before the password is checked, in the same tick as the limit check: parallel guesses
   * are each counted, so the sixth of twenty fired at once is refused instead of checked. A success takes it back
   * (and clears the account's failures); so does a refusal by the busy gate (not a guess). An account or address
   * with other attempts in the window waits behind the others at the gate (Gate, suspect).
   */
  const countAttempt = (c: Context<AuthEnv>, accountKey: string, address: string, at: number) => {
    const wait = Math.max(limits.perAccount.blockedFor(accountKey, at), limits.perAddress.blockedFor(address, at));
    if (wait > 0) throw tooMany(c, wait);
    const kind: GateClass =
      limits.perAccount.count(accountKey, at) || limits.perAddress.count(address, at) ? 'suspect' : 'clean';
    limits.perAccount.record(accountKey, at);
    limits.perAddress.record(address, at);
    const takeBack = () => {
      limits.perAccount.forget(accountKey, at);
      limits.perAddress.forget(address, at);
    };
    return { kind, takeBack, succeeded: () => (takeBack(), limits.perAccount.reset(accountKey)) };
  };
  const checkThroughGate = async (
    c: Context<AuthEnv>,
    attempt: { kind: GateClass; takeBack(): void },
    stored: string,
    password: string,
  ) => {
    const checked = await limits.gate.run(() => verifyPassword(stored, password), attempt.kind);
    if (checked !== Gate.BUSY) return checked;
    attempt.takeBack();
    c.header('Retry-After', '2');
    throw new HttpError(
      429,
      'busy',
      'Máy chủ đang bận xử lý đăng nhập, thử lại sau giây lát',
      'The server is busy with sign-ins, retry in a moment',
    );
  };

  return (
    new Hono<AuthEnv>()
      .post('/login', validate('json', loginBody), async (c) => {
        const { username, password } = c.req.valid('json');
        const address = clientAddress(c, ctx.auth.trustedProxy);
        const now = ctx.clock();
        const accountKey = username.toLowerCase();
        const attempt = countAttempt(c, accountKey, address, now.getTime());
        const user = await findUserByName(db, username);
        const stored = user?.passwordHash ?? (await decoyHash()); // an unknown name costs the same time as a known one
        const checked = await checkThroughGate(c, attempt, stored, password);
        if (!checked || !user || !user.active) {
          await appendAudit(
            db,
            {
              actorId: user?.id ?? null,
              actorName: username,
              address,
              action: 'login_failed',
              entityType: 'user',
              entityId: user ? String(user.id) : null,
              after: { reason: !user ? 'unknown_user' : !user.active ? 'inactive' : 'wrong_password' },
            },
            now,
          );
          throw badCredentials();
        }
        attempt.succeeded();
        const session = await createSession(db, user.id, address, now, ctx.auth.session);
        await appendAudit(
          db,
          {
            actorId: user.id,
            actorName: user.username,
            address,
            action: 'login',
            entityType: 'user',
            entityId: String(user.id),
          },
          now,
        );
        setCookie(c, SESSION_COOKIE, session.token, {
          httpOnly: true,
          sameSite: 'Strict',
          path: '/',
          secure: ctx.auth.cookieSecure,
          maxAge: Math.floor(ctx.auth.session.absoluteMs / 1000),
        });
        return c.json(
          {
            user: { id: user.id, username: user.username, displayName: user.displayName, role: user.role },
            csrfToken: session.csrfToken,
          },
          200,
        );
      })
      .post('/logout', async (c) => {
        const auth = c.get('auth');
        if (auth) {
          await deleteSession(db, auth.session.tokenHash);
          await accountsChanged(ctx); // its open streams end now, not at the next heartbeat
          await appendAudit(db, {
            actorId: auth.principal.userId,
            actorName: auth.principal.username,
            address: clientAddress(c, ctx.auth.trustedProxy),
            action: 'logout',
            entityType: 'user',
            entityId: String(auth.principal.userId),
          });
        }
        deleteCookie(c, SESSION_COOKIE, {
          path: '/',
          secure: ctx.auth.cookieSecure,
          httpOnly: true,
          sameSite: 'Strict',
        });
        return c.json({ ok: true as const }, 200);
      })
      // 200 either way: a signed-out visitor is a normal state of the sign-in page, not an error to log.
      .get('/me', async (c) => c.json((await me(c)) ?? { user: null, csrfToken: null }, 200))
      .post('/password', validate('json', passwordChangeBody), async (c) => {
        const p = principalOf(c);
        const { current, next } = c.req.valid('json');
        // The current password is a sign-in secret: guessed here, it is limited, gated and audited like a sign-in.
        const address = clientAddress(c, ctx.auth.trustedProxy);
        const now = ctx.clock();
        const attempt = countAttempt(c, p.username.toLowerCase(), address, now.getTime());
        const user = await findUserByName(db, p.username);
        if (!user || !(await checkThroughGate(c, attempt, user.passwordHash, current))) {
          await appendAudit(
            db,
            {
              actorId: p.userId,
              actorName: p.username,
              address,
              action: 'password_change_failed',
              entityType: 'user',
              entityId: String(p.userId),
              after: { reason: 'wrong_current_password' },
            },
            now,
          );
          throw new HttpError(
            400,
            'bad_current_password',
            'Mật khẩu hiện tại không đúng',
            'The current password is wrong',
          );
        }
        attempt.succeeded();
        await setPassword(
          db,
          p.userId,
          next,
          { actorId: p.userId, actorName: p.username, address },
          c.get('auth')!.session.tokenHash,
          'password_change',
        );
        await accountsChanged(ctx);
        return c.json({ ok: true as const }, 200);
      })
  );
}
