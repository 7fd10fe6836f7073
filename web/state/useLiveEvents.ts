// Listens to /api/events (Server-Sent Events): each event invalidates the reads it makes stale (LIVE_INVALIDATIONS),
// so an approval elsewhere restyles the map within a second without reloading.
import { useEffect } from 'react';
import { invalidateAfter, LIVE_INVALIDATIONS, type LiveKind } from '../api/queries';

export function useLiveEvents(enabled: boolean): void {
  useEffect(() => {
    if (!enabled) return;
    const source = new EventSource('/api/events');
    for (const kind of Object.keys(LIVE_INVALIDATIONS) as LiveKind[])
      source.addEventListener(kind, () => invalidateAfter(kind));
    // EventSource reconnects by itself after a network cut; a 401 (session over) closes it, and the next
    // ordinary request shows the sign-in page.
    return () => source.close();
  }, [enabled]);
}
