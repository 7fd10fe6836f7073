// Live events for open dashboards (Server-Sent Events), each delivered only to those whose role and area may see it.
import { can, inScope, type Principal } from '../auth/access';
import type { Snapshot } from './snapshot';

export type LiveEvent =
  | { type: 'status'; communeId: number; commune: string; status: string; effectiveDate: string; changeId: number }
  | {
      type: 'proposal';
      communeId: number;
      commune: string;
      proposalId: number;
      state: 'pending' | 'approved' | 'rejected';
    }
  | { type: 'hotspot'; communeId: number; commune: string; hotspotId: number; action: 'created' | 'updated' | 'event' }
  | { type: 'flag'; communeId: number; commune: string; flagId: number; state: 'open' | 'confirmed' | 'dismissed' };

export function visibleTo(s: Snapshot, p: Principal, e: LiveEvent): boolean {
  switch (e.type) {
    case 'status':
      return can(p, 'read_map');
    case 'proposal':
      return can(p, 'read_proposals') && inScope(s, p, e.communeId);
    case 'hotspot':
      return can(p, 'read_hotspot_details'); // need to know: police and admins only
    case 'flag':
      return can(p, 'read_map') && inScope(s, p, e.communeId);
  }
}

/** What a subscriber receives: the commune id is internal and stays on the server. */
export function publicView(e: LiveEvent): Omit<LiveEvent, 'communeId'> {
  const { communeId: _internal, ...rest } = e;
  return rest;
}

type Listener = (e: LiveEvent) => void;

export class EventBus {
  private readonly listeners = new Set<Listener>();

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  publish(e: LiveEvent): void {
    for (const l of this.listeners) l(e);
  }

  get size(): number {
    return this.listeners.size;
  }
}
