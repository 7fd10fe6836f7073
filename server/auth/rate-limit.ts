// In-process limits for login: failures per account and per socket address in a sliding window, and a cap on
// password checks running at once so a login flood cannot starve the rest of the API. One server process
// holds them (documented: several app processes behind a balancer would each keep their own).

export class FailureWindow {
  private readonly hits = new Map<string, number[]>();
  constructor(
    readonly max: number,
    readonly windowMs: number,
  ) {}

  private recent(key: string, now: number): number[] {
    const list = (this.hits.get(key) ?? []).filter((t) => now - t < this.windowMs);
    if (list.length) this.hits.set(key, list);
    else this.hits.delete(key);
    return list;
  }

  /** Milliseconds until the key may try again, 0 when it may now. */
  blockedFor(key: string, now: number): number {
    const list = this.recent(key, now);
    return list.length >= this.max ? list[0]! + this.windowMs - now : 0;
  }

  /** Attempts of the key within the window. */
  count(key: string, now: number): number {
    return this.recent(key, now).length;
  }

  record(key: string, now: number): void {
    this.hits.set(key, [...this.recent(key, now), now]);
  }

  reset(key: string): void {
    this.hits.delete(key);
  }

  /** Takes back one attempt recorded at `at` (it turned out not to be a failure). */
  forget(key: string, at: number): void {
    const list = this.hits.get(key);
    const i = list?.indexOf(at) ?? -1;
    if (i >= 0) list!.splice(i, 1);
  }
}

/** Who asks for a password check: `suspect` when its account or address has other attempts in the window. */
export type GateClass = 'clean' | 'suspect';

/**
 * At most `limit` tasks at once; callers beyond are queued up to `queue`, then refused instead of waiting. Suspect
 * callers may hold at most `suspectQueue` of the queue and wait behind clean ones, so a flood of guesses from one
 * address or at one account cannot turn everyone else's sign-in into a 429.
 */
export class Gate {
  private running = 0;
  private readonly waiting: Record<GateClass, (() => void)[]> = { clean: [], suspect: [] };
  constructor(
    readonly limit: number,
    readonly queue: number,
    readonly suspectQueue = Math.floor(queue / 2),
  ) {}

  async run<T>(task: () => Promise<T>, kind: GateClass = 'clean'): Promise<T | typeof Gate.BUSY> {
    if (this.running >= this.limit) {
      const queued = this.waiting.clean.length + this.waiting.suspect.length;
      if (queued >= this.queue || (kind === 'suspect' && this.waiting.suspect.length >= this.suspectQueue))
        return Gate.BUSY;
      await new Promise<void>((resolve) => this.waiting[kind].push(resolve)); // the finishing task hands its slot over
    } else this.running++;
    try {
      return await task();
    } finally {
      const next = this.waiting.clean.shift() ?? this.waiting.suspect.shift();
      if (next) next();
      else this.running--;
    }
  }

  static readonly BUSY = Symbol('busy');
}

export interface LoginLimits {
  perAccount: FailureWindow;
  perAddress: FailureWindow;
  gate: Gate;
}

export function defaultLoginLimits(): LoginLimits {
  return {
    perAccount: new FailureWindow(5, 15 * 60_000),
    perAddress: new FailureWindow(20, 15 * 60_000),
    gate: new Gate(2, 16),
  };
}
