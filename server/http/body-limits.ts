// How large a request body may be, per route, checked before it is read (Content-Length) and while it streams in:
// a sign-in is a few hundred bytes, a write a few kilobytes, an area search or operation up to its 50 rings of
// 5,000 positions. Upload routes set their own limit beside their handler (server/http/upload.ts).
import type { MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { HttpError } from './errors';

const KB = 1024;
const MB = 1024 * KB;

/** Paths whose handler sets its own limit (multipart uploads). */
const UPLOADS = ['/api/attachments', '/api/areas/places', '/api/imports/code-lists', '/api/imports/boundaries/preview'];

/** First matching prefix wins; the rest get DEFAULT_LIMIT. */
const LIMITS: [prefix: string, maxBytes: number][] = [
  ['/api/auth/', 4 * KB],
  ['/api/areas/query', 12 * MB],
  ['/api/operations', 12 * MB],
];
export const DEFAULT_LIMIT = 256 * KB;

export function bodyLimitFor(path: string): number | null {
  if (UPLOADS.includes(path)) return null;
  return LIMITS.find(([prefix]) => path.startsWith(prefix))?.[1] ?? DEFAULT_LIMIT;
}

const tooLarge = (maxBytes: number) => {
  const size = maxBytes >= MB ? `${maxBytes / MB} MB` : `${maxBytes / KB} KB`;
  return new HttpError(
    413,
    'too_large',
    `Dữ liệu gửi lên quá lớn (tối đa ${size})`,
    `Request body too large (at most ${size})`,
  );
};

const limiters = new Map<number, MiddlewareHandler>();

export const requestBodyLimits: MiddlewareHandler = (c, next) => {
  const maxBytes = bodyLimitFor(c.req.path);
  if (maxBytes === null || c.req.method === 'GET' || c.req.method === 'HEAD') return next();
  let limiter = limiters.get(maxBytes);
  if (!limiter)
    limiters.set(
      maxBytes,
      (limiter = bodyLimit({
        maxSize: maxBytes,
        onError: () => {
          throw tooLarge(maxBytes);
        },
      })),
    );
  return limiter(c, next);
};
