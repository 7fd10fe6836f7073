// What every route needs: the database, the snapshot cache, the boundary cache and the clock.
import type { Database } from '../db/client';
import type { Clock } from '../clock';
import { todayInVietnam } from '../clock';
import type { BoundaryService } from '../services/boundaries';
import type { SnapshotCache } from '../services/snapshot';

export interface RouteContext {
  database: Database;
  cache: SnapshotCache;
  boundaries: BoundaryService;
  clock: Clock;
}

/** The as-of date of a request: the one asked for, else today in Việt Nam. */
export function asOf(ctx: RouteContext, date: string | undefined): string {
  return date ?? todayInVietnam(ctx.clock);
}
