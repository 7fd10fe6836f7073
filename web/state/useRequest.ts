// Runs a request whenever its key changes and keeps only the latest answer (no flashing back to old dates).
import { useEffect, useRef, useState } from 'react';
import { useLatest } from './useLatest';
import { ApiError } from '../api/client';

export interface RequestState<T> {
  data: T | null;
  error: Error | null;
  loading: boolean;
}

export const RETRY_MS = 5000;

/** On failure the last answer stays shown with the error beside it; unless the server refused the request itself (4xx),
 *  it is tried again every RETRY_MS. */
export function useRequest<T>(key: string | null, run: () => Promise<T>): RequestState<T> {
  const [state, setState] = useState<RequestState<T>>({ data: null, error: null, loading: key !== null });
  const latest = useRef(0);
  const runRef = useLatest(run);
  const [shownKey, setShownKey] = useState(key);
  if (shownKey !== key) {
    setShownKey(key);
    if (key === null) setState({ data: null, error: null, loading: false }); // nothing asked: nothing shown
  }
  useEffect(() => {
    if (key === null) return;
    const id = ++latest.current;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const attempt = () => {
      setState((s) => ({ ...s, loading: true }));
      runRef.current().then(
        (data) => id === latest.current && setState({ data, error: null, loading: false }),
        (error: unknown) => {
          if (id !== latest.current) return;
          setState((s) => ({
            data: s.data,
            error: error instanceof Error ? error : new Error(String(error)),
            loading: false,
          }));
          if (!(error instanceof ApiError && error.final)) timer = setTimeout(attempt, RETRY_MS);
        },
      );
    };
    attempt();
    return () => clearTimeout(timer);
  }, [key, runRef]);
  return state;
}
