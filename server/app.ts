// createApp: mounts every API router, one error shape, security headers. AppType feeds the typed web client.
import { Hono } from 'hono';
import { compress } from 'hono/compress';
import { secureHeaders } from 'hono/secure-headers';
import { systemClock, type Clock } from './clock';
import type { Database } from './db/client';
import { errorBody, HttpError, sendError } from './http/errors';
import { boundaryRoutes, communeRoutes, statusRoutes } from './routes/communes';
import type { RouteContext } from './routes/context';
import { healthRoutes } from './routes/health';
import { hotspotRoutes, indicatorRoutes } from './routes/indicators';
import { planRoutes, unitRoutes } from './routes/units';
import { BoundaryService } from './services/boundaries';
import { SnapshotCache } from './services/snapshot';

export interface AppOptions {
  database: Database;
  clock?: Clock;
  /** See SnapshotCacheOptions.recheckMs; default: never on PGlite, 1 s on PostgreSQL. */
  snapshotRecheckMs?: number;
  log?: (message: string) => void;
}

function apiRoutes(ctx: RouteContext) {
  return new Hono()
    .route('/health', healthRoutes(ctx))
    .route('/plans', planRoutes(ctx))
    .route('/units', unitRoutes(ctx))
    .route('/communes', communeRoutes(ctx))
    .route('/statuses', statusRoutes(ctx))
    .route('/boundaries', boundaryRoutes(ctx))
    .route('/hotspots', hotspotRoutes(ctx))
    .route('/indicators', indicatorRoutes(ctx));
}

export function createApp(options: AppOptions) {
  const ctx: RouteContext = {
    database: options.database,
    cache: new SnapshotCache(options.database.db, {
      recheckMs: options.snapshotRecheckMs ?? (options.database.kind === 'pglite' ? Infinity : 1000),
    }),
    boundaries: new BoundaryService(options.database.db),
    clock: options.clock ?? systemClock,
  };
  const log = options.log ?? ((m: string) => console.error(m));
  const app = new Hono();
  app.use(
    secureHeaders({
      contentSecurityPolicy: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        workerSrc: ["'self'", 'blob:'],
        childSrc: ["'self'", 'blob:'],
        connectSrc: ["'self'"],
        fontSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'none'"],
        frameAncestors: ["'none'"],
      },
      strictTransportSecurity: false,
    }),
  );
  app.use('/api/*', compress());
  app.onError((err, c) => {
    if (err instanceof HttpError) return sendError(c, err);
    log(`Unhandled error on ${c.req.method} ${c.req.path}: ${err.stack ?? err.message}`);
    return c.json(errorBody('internal', 'Lỗi máy chủ, vui lòng thử lại', 'Server error, please retry'), 500);
  });
  app.notFound((c) => c.json(errorBody('not_found', 'Không tìm thấy', 'Not found'), 404));
  return app.route('/api', apiRoutes(ctx));
}

export type AppType = ReturnType<typeof createApp>;
