// Request guards: the session behind the cookie, sign-in required, and refusal of cross-site writes.
import type { Context, MiddlewareHandler } from 'hono';
import { getCookie } from 'hono/cookie';
import { getConnInfo } from '@hono/node-server/conninfo';
import { loadPrincipal, type Principal } from '../auth/access';
import { findSession, type SessionPolicy, type SessionRecord } from '../auth/sessions';
import { sameToken } from '../auth/tokens';
import type { SessionCache } from '../auth/session-cache';
import type { Db } from '../db/client';
import { HttpError } from './errors';

export const SESSION_COOKIE = 'pcmt_sid';
export const CSRF_HEADER = 'X-CSRF-Token';

export interface AuthState {
  principal: Principal;
  session: SessionRecord;
}

export type AuthEnv = { Variables: { auth: AuthState | null } };

export interface GuardConfig {
  session: SessionPolicy;
  /** Socket address of a reverse proxy whose X-Forwarded-For is believed; null: nobody's is. */
  trustedProxy: string | null;
  /** The origin browsers see when a proxy rewrites the Host header; null: the request's own. */
  publicOrigin: string | null;
}

/** The socket address; X-Forwarded-For only when the socket is the configured proxy (a rotating header must not help). */
export function clientAddress(c: Context, trustedProxy: string | null): string {
  let socket = 'unknown';
  try {
    socket = getConnInfo(c).remote.address ?? 'unknown';
  } catch {
    // app.request() in tests has no socket
  }
  if (trustedProxy && socket === trustedProxy) {
    const forwarded = c.req
      .header('X-Forwarded-For')
      ?.split(',')
      .map((x) => x.trim())
      .filter(Boolean);
    if (forwarded?.length) return forwarded[forwarded.length - 1]!;
  }
  return socket;
}

export function sessionLoader(
  db: Db,
  config: GuardConfig,
  now: () => Date,
  cache: SessionCache,
): MiddlewareHandler<AuthEnv> {
  return async (c, next) => {
    const token = getCookie(c, SESSION_COOKIE);
    let auth: AuthState | null = null;
    if (token) {
      const at = now();
      auth = cache.get(token, at.getTime(), config.session);
      if (!auth) {
        const session = await findSession(db, token, at, config.session);
        const principal = session && (await loadPrincipal(db, session.userId));
        if (session && principal) {
          auth = { session, principal };
          cache.put(token, session, principal, at.getTime(), session.lastSeenAt.getTime());
        }
      }
    }
    c.set('auth', auth);
    await next();
  };
}

export const unauthenticated = () =>
  new HttpError(
    401,
    'unauthenticated',
    'Bạn cần đăng nhập (phiên đã hết hạn hoặc chưa đăng nhập)',
    'Please sign in (no session, or it has expired)',
  );

export function principalOf(c: Context<AuthEnv>): Principal {
  const auth = c.get('auth');
  if (!auth) throw unauthenticated();
  return auth.principal;
}

/** Every API path needs a session except these. */
export function requireSignIn(open: readonly string[]): MiddlewareHandler<AuthEnv> {
  return async (c, next) => {
    if (!open.includes(c.req.path) && !c.get('auth')) throw unauthenticated();
    await next();
  };
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

const crossSite = () =>
  new HttpError(
    403,
    'cross_site',
    'Yêu cầu ghi từ trang khác bị từ chối',
    'A write request from another site was refused',
  );

/**
 * Hono's csrf() looks only at form content types, so a cross-site JSON POST would pass it. Here every
 * state-changing request, whatever its content type, must come from our own origin (Sec-Fetch-Site and Origin
 * when the browser sends them) and, once signed in, carry the session's CSRF token in a header.
 */
export function writeGuard(config: GuardConfig): MiddlewareHandler<AuthEnv> {
  return async (c, next) => {
    if (SAFE_METHODS.has(c.req.method)) return next();
    const site = c.req.header('Sec-Fetch-Site');
    if (site !== undefined && site !== 'same-origin') throw crossSite();
    const origin = c.req.header('Origin');
    const own = config.publicOrigin ?? new URL(c.req.url).origin;
    if (origin !== undefined && origin !== own) throw crossSite();
    const auth = c.get('auth');
    if (auth) {
      const sent = c.req.header(CSRF_HEADER);
      if (!sent || !sameToken(sent, auth.session.csrfToken))
        throw new HttpError(
          403,
          'csrf',
          'Thiếu hoặc sai mã chống giả mạo yêu cầu (CSRF)',
          'Missing or wrong CSRF token',
        );
    }
    await next();
  };
}
