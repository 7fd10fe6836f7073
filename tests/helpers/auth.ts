// Signed-in API clients for tests: a user of a role (and scopes) created directly, then a real login.
import type { Role } from '../../server/contracts/permissions';
import { createUser } from '../../server/services/users';
import type { TestApp } from './app';

export const TEST_PASSWORD = 'Mat-khau-thu-2024';
const ORIGIN = 'http://localhost';

export interface Client {
  username: string;
  cookie: string;
  csrf: string;
  get(path: string, headers?: Record<string, string>): Promise<Response>;
  send(method: string, path: string, body?: unknown, headers?: Record<string, string>): Promise<Response>;
  /** POST one file as multipart/form-data in the field "file", with other form fields (text or files). */
  upload(path: string, file: File, fields?: Record<string, string | File>): Promise<Response>;
}

let counter = 0;

/** Socket address as @hono/node-server would pass it. */
export const fromAddress = (address: string) => ({ incoming: { socket: { remoteAddress: address } } });

/** A sign-in request as a browser without a session sends it, from a socket address. */
export const loginRequest = (
  app: TestApp,
  username: string,
  password: string,
  address = '10.9.9.9',
  headers: Record<string, string> = {},
) =>
  app.app.request(
    '/api/auth/login',
    {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', ...headers },
      body: JSON.stringify({ username, password }),
    },
    fromAddress(address),
  );

export async function signIn(
  t: TestApp,
  role: Role,
  scopes: string[] = [],
  username = `${role}${++counter}`,
): Promise<Client> {
  await createUser(
    t.database.db,
    { username, displayName: `Người dùng ${username}`, role, password: TEST_PASSWORD, scopes },
    { actorId: null, actorName: 'test', address: null },
  );
  return login(t, username);
}

export async function login(t: TestApp, username: string, password = TEST_PASSWORD): Promise<Client> {
  const res = await t.app.request(
    '/api/auth/login',
    {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Origin: ORIGIN },
      body: JSON.stringify({ username, password }),
    },
    fromAddress(`10.0.${counter % 250}.${(counter * 7) % 250}`),
  );
  if (res.status !== 200) throw new Error(`login ${username}: ${res.status} ${await res.text()}`);
  const cookie = res.headers.get('set-cookie')!.split(';')[0]!;
  const { csrfToken } = (await res.json()) as { csrfToken: string };
  return clientFor(t, username, cookie, csrfToken);
}

export function clientFor(t: TestApp, username: string, cookie: string, csrf: string): Client {
  return {
    username,
    cookie,
    csrf,
    get: async (path, headers = {}) => t.app.request(path, { headers: { Cookie: cookie, ...headers } }),
    send: async (method, path, body, headers = {}) =>
      t.app.request(path, {
        method,
        headers: {
          Cookie: cookie,
          'X-CSRF-Token': csrf,
          Origin: ORIGIN,
          ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
          ...headers,
        },
        body: body === undefined ? undefined : JSON.stringify(body),
      }),
    upload: async (path, file, fields = {}) => {
      const form = new FormData();
      form.append('file', file);
      for (const [name, value] of Object.entries(fields)) form.append(name, value);
      return t.app.request(path, { method: 'POST', body: form, headers: { Cookie: cookie, 'X-CSRF-Token': csrf } });
    },
  };
}
