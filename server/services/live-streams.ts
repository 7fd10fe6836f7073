// Open dashboards' event streams: capped per session and per user, each filtered with its user's current role and
// area, and ended as soon as its session ends. A write reaches every stream as a push onto its queue; no stream reads
// the database on its own: one sweep checks every streaming session at each heartbeat and whenever this server ends
// a session or changes an account (before, 2,000 streams made 2,000 session queries per write: 21 s).
import type { Principal } from '../auth/access';
import { loadPrincipal } from '../auth/access';
import { liveSessionsAmong, type SessionPolicy } from '../auth/sessions';
import type { Clock } from '../clock';
import type { Db } from '../db/client';
import { HttpError } from '../http/errors';
import type { EventBus, LiveEvent } from './events';

export interface StreamLimits {
  perSession: number;
  perUser: number;
  /** How often a stream pings and the sweep re-checks sessions and rights. */
  heartbeatMs: number;
}

export const DEFAULT_STREAM_LIMITS: StreamLimits = { perSession: 3, perUser: 8, heartbeatMs: 20_000 };

export interface StreamSink {
  readonly sessionHash: string;
  /** Replaced when the user's role or area changes. */
  principal: Principal;
  push(e: LiveEvent): void;
  end(): void;
}

export class LiveStreams {
  private readonly sinks = new Set<StreamSink>();
  private sweep: NodeJS.Timeout | null = null;

  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly policy: SessionPolicy,
    readonly limits: StreamLimits,
    bus: EventBus,
  ) {
    bus.subscribe((e) => {
      for (const sink of this.sinks) sink.push(e);
    });
  }

  /** Registers a stream, or refuses it (429) when its session or user already has as many as allowed. */
  add(sink: StreamSink): () => void {
    let ofSession = 0;
    let ofUser = 0;
    for (const s of this.sinks) {
      if (s.sessionHash === sink.sessionHash) ofSession++;
      if (s.principal.userId === sink.principal.userId) ofUser++;
    }
    if (ofSession >= this.limits.perSession || ofUser >= this.limits.perUser)
      throw new HttpError(
        429,
        'too_many_streams',
        `Đã mở quá nhiều bảng theo dõi trực tiếp (tối đa ${this.limits.perSession} cho một phiên, ${this.limits.perUser} cho một tài khoản): hãy đóng bớt thẻ`,
        `Too many live dashboards open (at most ${this.limits.perSession} per session, ${this.limits.perUser} per account): close some tabs`,
      );
    this.sinks.add(sink);
    this.sweep ??= setInterval(() => void this.recheck().catch(() => {}), this.limits.heartbeatMs).unref();
    return () => {
      this.sinks.delete(sink);
      if (!this.sinks.size && this.sweep) {
        clearInterval(this.sweep);
        this.sweep = null;
      }
    };
  }

  get size(): number {
    return this.sinks.size;
  }

  /** Ends the streams of sessions that ended (logout, expiry, deactivation) and gives the others their user's current rights. */
  async recheck(): Promise<void> {
    if (!this.sinks.size) return;
    const live = await liveSessionsAmong(
      this.db,
      [...new Set([...this.sinks].map((s) => s.sessionHash))],
      this.clock(),
      this.policy,
    );
    const principals = new Map<number, Principal | null>();
    for (const userId of new Set(live.values())) principals.set(userId, await loadPrincipal(this.db, userId));
    for (const sink of [...this.sinks]) {
      const userId = live.get(sink.sessionHash);
      const principal = userId === undefined ? null : principals.get(userId);
      if (principal) sink.principal = principal;
      else {
        this.sinks.delete(sink);
        sink.end();
      }
    }
  }
}
