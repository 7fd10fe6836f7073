// The permission middleware: each router, or each route where a router mixes reads and writes, names what it needs
// from the one grants table (contracts/permissions.ts). Checks that depend on the record (the user's area) stay in
// the service that loads the record. The permission is kept on the middleware so that a spec can list, from the app
// itself, what every endpoint requires.
import type { MiddlewareHandler } from 'hono';
import { createMiddleware } from 'hono/factory';
import { can, forbidden } from '../auth/access';
import type { Permission } from '../contracts/permissions';
import { principalOf, type AuthEnv } from './guard';
import { notFound } from './errors';

export interface PermissionCheck extends MiddlewareHandler<AuthEnv> {
  /** Any one of these lets the request through. */
  readonly permissions: readonly Permission[];
}

export interface PermissionOptions {
  /** Answer 404 instead of 403, where even "you may not" would say that the record exists. */
  hidden?: boolean;
}

/** 403 (or 404 when hidden) unless the signed-in user holds one of the permissions. */
export function requirePermission(permission: Permission | readonly Permission[], options: PermissionOptions = {}) {
  const permissions: readonly Permission[] = typeof permission === 'string' ? [permission] : permission;
  const check = createMiddleware<AuthEnv>(async (c, next) => {
    const p = principalOf(c);
    if (!permissions.some((x) => can(p, x)))
      throw options.hidden ? notFound({ vi: 'Không tìm thấy', en: 'Not found' }) : forbidden();
    await next();
  });
  return Object.assign(check, { permissions }) as typeof check & PermissionCheck;
}

/** The permissions a handler of the app checks, if it is a permission middleware. */
export function permissionsOf(handler: unknown): readonly Permission[] | null {
  const p = (handler as Partial<PermissionCheck> | null)?.permissions;
  return Array.isArray(p) ? p : null;
}
