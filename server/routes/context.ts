// What every route needs: the database, the snapshot cache, the boundary cache and the clock.
import type { Database } from '../db/client';
import type { Clock } from '../clock';
import { todayInVietnam } from '../clock';
import type { BoundaryService } from '../services/boundaries';
import type { SnapshotCache } from '../services/snapshot';
import type { EventBus } from '../services/events';
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
