// Runs a request whenever its key changes and keeps only the latest answer (no flashing back to old dates).
import { useEffect, useRef, useState } from 'react';

export interface RequestState<T> {
  data: T | null;
  error: Error | null;
  loading: boolean;
}

export function useRequest<T>(key: string | null, run: () => Promise<T>): RequestState<T> {
  const [state, setState] = useState<RequestState<T>>({ data: null, error: null, loading: key !== null });
  const latest = useRef(0);
  const runRef = useRef(run);
  runRef.current = run;
  useEffect(() => {
    if (key === null) {
      setState({ data: null, error: null, loading: false });
      return;
    }
    const id = ++latest.current;
    setState((s) => ({ ...s, loading: true }));
    runRef.current().then(
      (data) => id === latest.current && setState({ data, error: null, loading: false }),
      (error: unknown) => id === latest.current && setState((s) => ({ data: s.data, error: error instanceof Error ? error : new Error(String(error)), loading: false })),
    );
  }, [key]);
  return state;
}
