// The one typed API client (Hono RPC over AppType); same origin only.
import { hc } from 'hono/client';
import type { AppType } from '../../server/app';

export const api = hc<AppType>(window.location.origin);

export async function getJson<T>(res: Response): Promise<T> {
  if (!res.ok) throw new Error(`${res.status} ${res.statusText}`);
  return (await res.json()) as T;
}
