// Sessions looked up at most every few seconds per token instead of on every request (three queries saved per
// read on the embedded database). Sign-outs and account changes made through this server clear it at once; a change
// made by another process (the users CLI) takes effect within TTL_MS.
import type { Principal } from './access';
import { TOUCH_EVERY_MS, type SessionPolicy, type SessionRecord } from './sessions';

const TTL_MS = 5_000;

interface Entry {
  session: SessionRecord;
  principal: Principal;
  loadedAt: number;
  lastSeen: number;
}

export class SessionCache {
  private readonly entries = new Map<string, Entry>();

  get(token: string, now: number, policy: SessionPolicy): { session: SessionRecord; principal: Principal } | null {
    const e = this.entries.get(token);
    if (!e) return null;
    // findSession writes last_seen once a minute; the cache must not hide that write for longer.
    const fresh = now - e.loadedAt < TTL_MS && now - e.lastSeen < TOUCH_EVERY_MS;
    const alive = now < e.session.expiresAt.getTime() && now - e.lastSeen < policy.idleMs;
    if (!fresh || !alive) {
      this.entries.delete(token);
      return null;
    }
    return e;
  }

  put(token: string, session: SessionRecord, principal: Principal, now: number, lastSeen: number): void {
    if (this.entries.size > 10_000) this.entries.clear();
    this.entries.set(token, { session, principal, loadedAt: now, lastSeen });
  }

  clear(): void {
    this.entries.clear();
  }
}
