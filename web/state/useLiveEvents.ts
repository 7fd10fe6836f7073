// Listens to /api/events (Server-Sent Events): a counter per kind of event, which the requests that depend on it
// put in their keys, so an approval elsewhere restyles the map within a second without reloading.
import { useEffect, useState } from 'react';
import { clearStatusCache } from '../api/client';

export interface LiveRevisions {
  status: number;
  proposal: number;
  flag: number;
  hotspot: number;
}

export function useLiveEvents(enabled: boolean): LiveRevisions {
  const [rev, setRev] = useState<LiveRevisions>({ status: 0, proposal: 0, flag: 0, hotspot: 0 });
  useEffect(() => {
    if (!enabled) return;
    const source = new EventSource('/api/events');
    source.addEventListener('status', () => {
      clearStatusCache();
      setRev((r) => ({ ...r, status: r.status + 1 }));
    });
    source.addEventListener('proposal', () => setRev((r) => ({ ...r, proposal: r.proposal + 1 })));
    source.addEventListener('flag', () => setRev((r) => ({ ...r, flag: r.flag + 1 })));
    source.addEventListener('hotspot', () => setRev((r) => ({ ...r, hotspot: r.hotspot + 1 })));
    // EventSource reconnects by itself after a network cut; a 401 (session over) closes it, and the next
    // ordinary request shows the sign-in page.
    return () => source.close();
  }, [enabled]);
  return rev;
}
