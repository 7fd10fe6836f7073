// What every route needs: the database, the snapshot cache, the boundary cache and the clock.
import type { Context } from 'hono';
import type { Database } from '../db/client';
import { clientAddress, principalOf, type AuthEnv } from '../http/guard';
import type { LiveEvent } from '../services/events';
import type { RegistryDeps } from '../services/hotspot-registry';
import type { Actor } from '../services/proposals';
import type { Clock } from '../clock';
import { todayInVietnam } from '../clock';
import { appendAudit } from '../services/audit';
import type { BoundaryService } from '../services/boundaries';
import type { SnapshotCache } from '../services/snapshot';
import type { EventBus } from '../services/events';
import type { LiveStreams } from '../services/live-streams';
import type { LoginLimits } from '../auth/rate-limit';
import type { GuardConfig } from '../http/guard';
import type { SessionCache } from '../auth/session-cache';
import type { CommuneLocator } from '../services/locator';
import type { HotspotDetails } from '../services/hotspot-details';

export interface AuthConfig extends GuardConfig {
  /** Mark the session cookie Secure: on whenever the site is served over HTTPS. */
  cookieSecure: boolean;
  limits: LoginLimits;
}

export interface RouteContext {
  database: Database;
  cache: SnapshotCache;
  boundaries: BoundaryService;
  clock: Clock;
  auth: AuthConfig;
  events: EventBus;
  /** Open event streams: capped, re-checked when sessions or accounts change. */
  streams: LiveStreams;
  locator: CommuneLocator;
  hotspotDetails: HotspotDetails;
  /** Cleared whenever this server ends a session or changes an account. */
  sessions: SessionCache;
  /** Where proposal attachments are stored: outside the web root. */
  attachmentsDir: string;
}

/** The as-of date of a request: the one asked for, else today in Việt Nam. */
export function asOf(ctx: RouteContext, date: string | undefined): string {
  return date ?? todayInVietnam(ctx.clock);
}

/** Who is writing, from where, and when (today in Việt Nam): what services record in the audit trail. */
export function actorFor(ctx: RouteContext, c: Context<AuthEnv>): Actor {
  return {
    principal: principalOf(c),
    address: clientAddress(c, ctx.auth.trustedProxy),
    now: ctx.clock(),
    today: asOf(ctx, undefined),
  };
}

/** Records that the caller downloaded something (what, and with which filters) in the audit trail. */
export async function auditExport(
  ctx: RouteContext,
  c: Context<AuthEnv>,
  what: { entityType: string; entityId?: string; after: Record<string, unknown> },
): Promise<void> {
  const p = principalOf(c);
  await appendAudit(
    ctx.database.db,
    {
      actorId: p.userId,
      actorName: p.username,
      address: clientAddress(c, ctx.auth.trustedProxy),
      action: 'export',
      ...what,
    },
    ctx.clock(),
  );
}

/**
 * After a committed write: the snapshot is reloaded when the events say that statuses or hotspots changed (proposals
 * and flags are not in it), and open dashboards hear of each event they may see.
 */
export function invalidateAndPublish(ctx: RouteContext, events: readonly LiveEvent[]): void {
  if (events.some((e) => e.type === 'status' || e.type === 'hotspot')) ctx.cache.invalidate();
  for (const e of events) ctx.events.publish(e);
}

/** After this server ends a session or changes an account: cached sessions are dropped and open streams re-checked
 *  (ended, or given the user's new role and area) before the answer goes out. */
export async function accountsChanged(ctx: RouteContext): Promise<void> {
  ctx.sessions.clear();
  await ctx.streams.recheck();
}

export function registryDeps(ctx: RouteContext): RegistryDeps {
  return { db: ctx.database.db, locator: ctx.locator, details: ctx.hotspotDetails };
}
