// createApp: mounts every API router, one error shape, security headers. AppType feeds the typed web client.
import { importRoutes } from './routes/imports';
import { Hono, type ErrorHandler } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { compress } from 'hono/compress';
import { secureHeaders } from 'hono/secure-headers';
import { systemClock, type Clock } from './clock';
import type { Database } from './db/client';
import { errorBody, HttpError, sendError } from './http/errors';
import { communeRoutes } from './routes/communes';
import { statusRoutes } from './routes/statuses';
import { boundaryRoutes } from './routes/boundaries';
import type { AuthConfig, RouteContext } from './routes/context';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defaultLoginLimits, type LoginLimits } from './auth/rate-limit';
import { DEFAULT_SESSION_POLICY } from './auth/sessions';
import { SessionCache } from './auth/session-cache';
import { requireSignIn, sessionLoader, writeGuard, type AuthEnv } from './http/guard';
import { userRoutes } from './routes/users';
import { auditRoutes } from './routes/audit';
import { authRoutes } from './routes/auth';
import { eventRoutes } from './routes/events';
import { proposalRoutes } from './routes/proposals';
import { attachmentRoutes } from './routes/attachments';
import { myAreaRoutes } from './routes/my-area';
import { EventBus } from './services/events';
import { DEFAULT_STREAM_LIMITS, LiveStreams, type StreamLimits } from './services/live-streams';
import { healthRoutes } from './routes/health';
import { briefRoutes } from './routes/brief';
import { changeRoutes } from './routes/changes';
import { compareRoutes } from './routes/compare';
import { reportedRoutes } from './routes/reported';
import { accountabilityRoutes } from './routes/accountability';
import { indicatorRoutes } from './routes/indicators';
import { hotspotRoutes } from './routes/hotspots';
import { areaRoutes } from './routes/areas';
import { operationRoutes } from './routes/operations';
import { flagRoutes } from './routes/flags';
import { CommuneLocator } from './services/locator';
import { HotspotDetails } from './services/hotspot-details';
import { unitRoutes } from './routes/units';
import { planRoutes } from './routes/plans';
import { BoundaryService } from './services/boundaries';
import { SnapshotCache } from './services/snapshot';
import { requestBodyLimits } from './http/body-limits';

export interface AppOptions {
  database: Database;
  /** Session lifetimes, cookie and proxy settings; defaults suit a single server on a closed network. */
  auth?: Partial<Omit<AuthConfig, 'limits'>> & { limits?: LoginLimits };
  /** Default: a temporary folder (tests); main.ts passes the configured one. */
  attachmentsDir?: string;
  clock?: Clock;
  /** See SnapshotCacheOptions.recheckMs; default: never on PGlite, 1 s on PostgreSQL. */
  snapshotRecheckMs?: number;
  log?: (message: string) => void;
  /** Caps and heartbeat of live event streams (DEFAULT_STREAM_LIMITS). */
  streams?: Partial<StreamLimits>;
}

// Reachable without a session: the sign-in page needs them.
const OPEN_PATHS = ['/api/health', '/api/auth/login', '/api/auth/me', '/api/auth/logout'];

function apiRoutes(ctx: RouteContext) {
  return (
    new Hono<AuthEnv>()
      .use(requestBodyLimits)
      .use(sessionLoader(ctx.database.db, ctx.auth, ctx.clock, ctx.sessions))
      .use(writeGuard(ctx.auth))
      .use(requireSignIn(OPEN_PATHS))
      // Answers hold need-to-know data (exact hotspots, exports): no browser or proxy keeps a copy unless a route
      // says otherwise (versioned boundaries are public and immutable).
      .use(async (c, next) => {
        await next();
        if (!c.res.headers.has('Cache-Control')) c.header('Cache-Control', 'no-store');
      })
      .route('/health', healthRoutes(ctx))
      .route('/auth', authRoutes(ctx))
      .route('/proposals', proposalRoutes(ctx))
      .route('/attachments', attachmentRoutes(ctx))
      .route('/my-area', myAreaRoutes(ctx))
      .route('/users', userRoutes(ctx))
      .route('/audit', auditRoutes(ctx))
      .route('/events', eventRoutes(ctx))
      .route('/areas', areaRoutes(ctx))
      .route('/operations', operationRoutes(ctx))
      .route('/flags', flagRoutes(ctx))
      .route('/imports', importRoutes(ctx))
      .route('/plans', planRoutes(ctx))
      .route('/units', unitRoutes(ctx))
      .route('/communes', communeRoutes(ctx))
      .route('/statuses', statusRoutes(ctx))
      .route('/boundaries', boundaryRoutes(ctx))
      .route('/hotspots', hotspotRoutes(ctx))
      .route('/indicators', indicatorRoutes(ctx))
      .route('/changes', changeRoutes(ctx))
      .route('/compare', compareRoutes(ctx))
      .route('/reported', reportedRoutes(ctx))
      .route('/accountability', accountabilityRoutes(ctx))
      .route('/brief', briefRoutes(ctx))
  );
}

function routeContext(options: AppOptions): RouteContext {
  const clock = options.clock ?? systemClock;
  const session = options.auth?.session ?? DEFAULT_SESSION_POLICY;
  const events = new EventBus();
  const { db } = options.database;
  return {
    database: options.database,
    cache: new SnapshotCache(db, {
      recheckMs: options.snapshotRecheckMs ?? (options.database.kind === 'pglite' ? Infinity : 1000),
    }),
    boundaries: new BoundaryService(db),
    clock,
    auth: {
      session,
      cookieSecure: options.auth?.cookieSecure ?? false,
      trustedProxy: options.auth?.trustedProxy ?? null,
      publicOrigin: options.auth?.publicOrigin ?? null,
      limits: options.auth?.limits ?? defaultLoginLimits(),
    },
    events,
    streams: new LiveStreams(db, clock, session, { ...DEFAULT_STREAM_LIMITS, ...options.streams }, events),
    sessions: new SessionCache(),
    locator: new CommuneLocator(db),
    hotspotDetails: new HotspotDetails(db),
    attachmentsDir: options.attachmentsDir ?? join(tmpdir(), 'pcmt-attachments'),
  };
}

/** Same origin for everything (closed networks): styles inline for MapLibre, workers and images from blobs. */
const contentSecurity = secureHeaders({
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
});

/** Our error shape for every refusal; anything else is logged and answered as a 500 without details. */
function errorHandler(log: (m: string) => void): ErrorHandler {
  return (err, c) => {
    if (err instanceof HttpError) return sendError(c, err);
    // Hono's own refusals (malformed JSON body, body too large...): their status, our error shape.
    if (err instanceof HTTPException && err.status < 500)
      return c.json(
        errorBody('bad_request', 'Yêu cầu không đọc được (ví dụ JSON hỏng)', `Unreadable request: ${err.message}`),
        err.status,
      );
    log(`Unhandled error on ${c.req.method} ${c.req.path}: ${err.stack ?? err.message}`);
    return c.json(errorBody('internal', 'Lỗi máy chủ, vui lòng thử lại', 'Server error, please retry'), 500);
  };
}

export function createApp(options: AppOptions) {
  const ctx = routeContext(options);
  const app = new Hono();
  app.use(contentSecurity);
  // Event streams must not be buffered by compression.
  app.use('/api/*', async (c, next) => (c.req.path === '/api/events' ? next() : compress()(c, next)));
  app.onError(errorHandler(options.log ?? ((m: string) => console.error(m))));
  app.notFound((c) => c.json(errorBody('not_found', 'Không tìm thấy', 'Not found'), 404));
  return app.route('/api', apiRoutes(ctx));
}

export type AppType = ReturnType<typeof createApp>;
