// Server state in TanStack Query: one client, keys by resource, retries that stop on a refusal (4xx), and the live
// events of /api/events invalidating what they change (see LIVE_INVALIDATIONS) instead of counters in string keys.
import { keepPreviousData, QueryClient, useQuery, type QueryKey } from '@tanstack/react-query';
import { ApiError } from './client';

/** How long a failed read waits before it is asked again (a 4xx is not asked again). */
export const RETRY_MS = 5000;

export const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      retry: (_count, error) => !(error instanceof ApiError && error.final),
      retryDelay: RETRY_MS,
      // Server state changes through writes, which reach every dashboard as live events: those invalidate.
      staleTime: Infinity,
      refetchOnWindowFocus: false,
      // The last answer stays shown while the next key loads (no flashing back to an empty map or panel).
      placeholderData: keepPreviousData,
    },
  },
});

export interface ServerState<T> {
  data: T | null;
  /** The last failure, shown while retrying (the answer before it stays shown). */
  error: Error | null;
  loading: boolean;
}

const IDLE: ServerState<never> = { data: null, error: null, loading: false };

/** A read keyed by `key`; null means nothing is asked (nothing shown). */
export function useServerQuery<T>(key: QueryKey | null, read: () => Promise<T>): ServerState<T> {
  const q = useQuery({ queryKey: key ?? ['idle'], queryFn: read, enabled: key !== null });
  if (key === null) return IDLE;
  const failure = q.error ?? q.failureReason;
  return { data: q.data ?? null, error: failure instanceof Error ? failure : null, loading: q.isFetching };
}

export type LiveKind = 'status' | 'proposal' | 'flag' | 'hotspot';

/** What each kind of live event makes stale, by the first element of the query keys. */
export const LIVE_INVALIDATIONS: Record<LiveKind, readonly string[]> = {
  status: [
    'statuses',
    'indicators',
    'trend',
    'ranking',
    'reported',
    'compare',
    'accountability',
    'commune',
    'proposals',
    'my-area',
  ],
  proposal: ['commune', 'proposals', 'my-area'],
  flag: ['flags', 'my-area'],
  hotspot: [
    'hotspots',
    'hotspot',
    'commune',
    'indicators',
    'trend',
    'ranking',
    'compare',
    'operation',
    'operations',
    'flags',
  ],
};

/** After this user's own write: what the live event of that kind will invalidate, at once, not when it comes back. */
export function invalidateAfter(kind: LiveKind): void {
  invalidate(...LIVE_INVALIDATIONS[kind]);
}

/** Marks the resources stale; those on screen are read again at once. */
export function invalidate(...resources: readonly string[]): void {
  for (const r of resources) void queryClient.invalidateQueries({ queryKey: [r] });
}
