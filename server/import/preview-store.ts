// Boundary previews kept between the upload and the commit: 30 minutes, four at a time, each for the user who sent it.
import { randomBytes } from 'node:crypto';
import type { PreviewOptions } from '../contracts/imports';
import type { Clock } from '../clock';
import type { OfficialUnit } from './code-list';
import type { Crosswalk } from './crosswalk';
import type { prepareBoundaries } from './prepare';

export interface PendingImport {
  userId: number;
  prepared: Pick<Awaited<ReturnType<typeof prepareBoundaries>>, 'ready' | 'report' | 'outline'>;
  options: PreviewOptions;
  codeList: OfficialUnit[] | null;
  crosswalk: Crosswalk | null;
}

const KEEP_MS = 30 * 60_000;
/** Previews held at once (each holds a province's full geometry). */
const MAX_PENDING = 4;

export class PreviewStore {
  private readonly pending = new Map<string, PendingImport & { expires: number }>();
  constructor(private readonly clock: Clock) {}

  /** Holds a preview under a new token; the oldest goes when four are held. */
  hold(preview: PendingImport): string {
    this.sweep();
    while (this.pending.size >= MAX_PENDING) this.pending.delete(this.pending.keys().next().value!);
    const token = randomBytes(16).toString('hex');
    this.pending.set(token, { ...preview, expires: this.clock().getTime() + KEEP_MS });
    return token;
  }

  /** The user's own unexpired preview under the token, if any. */
  find(token: string, userId: number): PendingImport | undefined {
    this.sweep();
    const held = this.pending.get(token);
    return held && held.userId === userId ? held : undefined;
  }

  drop(token: string): void {
    this.pending.delete(token);
  }

  private sweep() {
    const now = this.clock().getTime();
    for (const [k, v] of this.pending) if (v.expires < now) this.pending.delete(k);
  }
}
