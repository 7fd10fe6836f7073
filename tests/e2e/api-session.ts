// A signed-in HTTP client for a running server (browser specs and benchmarks compare what they see with the API).
import { DEMO_PASSWORD } from '../../data/seed';

export async function signInOverHttp(
  origin: string,
  username = 'congan',
  password = DEMO_PASSWORD,
): Promise<{ cookie: string; csrf: string }> {
  const res = await fetch(`${origin}/api/auth/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Origin: origin },
    body: JSON.stringify({ username, password }),
  });
  if (!res.ok) throw new Error(`sign-in as ${username}: HTTP ${res.status} ${await res.text()}`);
  const cookie = res.headers.get('set-cookie')!.split(';')[0]!;
  const { csrfToken } = (await res.json()) as { csrfToken: string };
  return { cookie, csrf: csrfToken };
}

export async function apiReader(origin: string, username?: string) {
  const { cookie } = await signInOverHttp(origin, username);
  return async (path: string) => {
    const res = await fetch(origin + path, { headers: { Cookie: cookie } });
    if (!res.ok) throw new Error(`GET ${path}: HTTP ${res.status}`);
    return res.json() as Promise<any>;
  };
}
