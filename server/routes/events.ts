// GET /api/events: Server-Sent Events for open dashboards, filtered per subscriber by role and area (LiveStreams).
import { Hono } from 'hono';
import { streamSSE } from 'hono/streaming';
import { principalOf, type AuthEnv } from '../http/guard';
import { requirePermission } from '../http/permissions';
import { publicView, visibleTo, type LiveEvent } from '../services/events';
import type { StreamSink } from '../services/live-streams';
import type { RouteContext } from './context';

export function eventRoutes(ctx: RouteContext) {
  // Each event is then filtered for the subscriber by its own record (visibleTo): proposals by area, hotspots by need.
  return new Hono<AuthEnv>().get('/', requirePermission('read_map'), (c) => {
    const queue: LiveEvent[] = [];
    let wake: (() => void) | null = null;
    let ended = false;
    const sink: StreamSink = {
      sessionHash: c.get('auth')!.session.tokenHash,
      principal: principalOf(c),
      push: (e) => {
        queue.push(e);
        wake?.();
      },
      end: () => {
        ended = true;
        wake?.();
      },
    };
    const remove = ctx.streams.add(sink); // 429 beyond the caps, before the stream starts
    return streamSSE(c, async (stream) => {
      stream.onAbort(() => {
        remove();
        wake?.();
      });
      await stream.writeSSE({ event: 'hello', data: JSON.stringify({ role: sink.principal.role }) });
      while (!ended && !stream.aborted && !stream.closed) {
        let timer: NodeJS.Timeout | undefined;
        await new Promise<void>((resolve) => {
          wake = resolve;
          timer = setTimeout(resolve, ctx.streams.limits.heartbeatMs);
        });
        clearTimeout(timer);
        wake = null;
        if (ended) break;
        const s = await ctx.cache.get();
        while (queue.length) {
          const e = queue.shift()!;
          if (visibleTo(s, sink.principal, e))
            await stream.writeSSE({ event: e.type, data: JSON.stringify(publicView(e)) });
        }
        await stream.writeSSE({ event: 'ping', data: '' });
      }
      remove();
    });
  });
}
