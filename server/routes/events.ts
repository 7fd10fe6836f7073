// GET /api/events: Server-Sent Events for open dashboards, filtered per subscriber by role and area.
import { Hono } from 'hono';
import { streamSSE } from 'hono/streaming';
import { sessionStillValid } from '../auth/sessions';
import { principalOf, type AuthEnv } from '../http/guard';
import { publicView, visibleTo, type LiveEvent } from '../services/events';
import type { RouteContext } from './context';

const HEARTBEAT_MS = 20_000;

export function eventRoutes(ctx: RouteContext) {
  return new Hono<AuthEnv>().get('/', (c) => {
    const principal = principalOf(c);
    const session = c.get('auth')!.session;
    return streamSSE(c, async (stream) => {
      const queue: LiveEvent[] = [];
      let wake: (() => void) | null = null;
      const unsubscribe = ctx.events.subscribe((e) => {
        queue.push(e);
        wake?.();
      });
      stream.onAbort(() => {
        unsubscribe();
        wake?.();
      });
      await stream.writeSSE({ event: 'hello', data: JSON.stringify({ role: principal.role }) });
      while (!stream.aborted && !stream.closed) {
        await new Promise<void>((resolve) => {
          wake = resolve;
          setTimeout(resolve, HEARTBEAT_MS);
        });
        wake = null;
        // A stream outlives neither its session (logout, expiry) nor its user's rights.
        if (!(await sessionStillValid(ctx.database.db, session.tokenHash, ctx.clock(), ctx.auth.session))) break;
        const s = await ctx.cache.get();
        while (queue.length) {
          const e = queue.shift()!;
          if (visibleTo(s, principal, e)) await stream.writeSSE({ event: e.type, data: JSON.stringify(publicView(e)) });
        }
        await stream.writeSSE({ event: 'ping', data: '' });
      }
      unsubscribe();
    });

  });
}
