// Who is signed in: asked once at start, updated at sign-in and sign-out, and dropped when any request gets 401.
import { useCallback, useEffect, useState } from 'react';
import { ApiError, fetchMe, setCsrfToken, signOut, whenSignedOut, type Me } from '../api/client';
import { queryClient } from '../api/queries';

export type SignedInMe = Extract<Me, { user: object }> & { user: NonNullable<Me['user']> };

export type SessionState =
  | { status: 'loading' }
  | { status: 'signed-out'; expired: boolean }
  | { status: 'signed-in'; me: SignedInMe }
  | { status: 'error'; error: Error };

/** Who the server says is signed in (and the CSRF token of that session). */
async function askSession(): Promise<SessionState> {
  try {
    const me = await fetchMe();
    setCsrfToken(me.csrfToken);
    return me.user ? { status: 'signed-in', me: me as SignedInMe } : { status: 'signed-out', expired: false };
  } catch (e) {
    setCsrfToken(null);
    if (e instanceof ApiError && e.status === 401) return { status: 'signed-out', expired: false };
    return { status: 'error', error: e instanceof Error ? e : new Error(String(e)) };
  }
}

export function useSession() {
  const [state, setState] = useState<SessionState>({ status: 'loading' });

  const refresh = useCallback(async () => setState(await askSession()), []);

  useEffect(() => {
    whenSignedOut(() => {
      setCsrfToken(null);
      setState((s) => (s.status === 'signed-in' ? { status: 'signed-out', expired: true } : s));
    });
    let live = true;
    void askSession().then((next) => live && setState(next));
    return () => {
      live = false;
    };
  }, []);

  const logout = useCallback(async () => {
    await signOut().catch(() => undefined);
    setCsrfToken(null);
    queryClient.clear(); // nothing read under this session stays in memory
    setState({ status: 'signed-out', expired: false });
  }, []);

  return { state, refresh, logout };
}
