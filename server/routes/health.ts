// GET /api/health: database kind, schema version, demo flag, current boundary vintage.
import { Hono } from 'hono';
import { schemaVersion } from '../db/client';
import { asOf, type RouteContext } from './context';

export function healthRoutes(ctx: RouteContext) {
  // Migrations only run at start, so the version is read once.
  let version: Promise<number> | null = null;
  return new Hono().get('/', async (c) => {
    version ??= schemaVersion(ctx.database.db);
    const s = await ctx.cache.get();
    const today = asOf(ctx, undefined);
    return c.json(
      {
        status: 'ok' as const,
        database: ctx.database.kind,
        schemaVersion: await version,
        demo: s.dataset?.demo ?? false,
        dataset: s.dataset?.name ?? null,
        revision: s.revision,
        today,
        boundaryKey: ctx.boundaries.vintageKey(s, today),
        /** Boundary vintages: the map fetches the geometry of the one holding its date. */
        vintages: ctx.boundaries.vintages(s),
      },
      200,
    );
  });
}
