// Sign-in security: cookie flags, expiry, logout, password change, login limits (per account, per socket address,
// forged X-Forwarded-For, concurrent checks), cross-site and CSRF refusal for every content type, attachment limits,
// and error bodies without stack traces.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Gate, FailureWindow } from '../../server/auth/rate-limit';
import { miniProvince } from '../fixtures/mini-province';
import { createTestApp, type TestApp } from '../helpers/app';
import { clientFor, login, signIn, TEST_PASSWORD, type Client, loginRequest } from '../helpers/auth';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp(miniProvince);
});
afterAll(() => t.close());

describe('session cookie', () => {
  it('is HttpOnly, SameSite=Strict, path-wide, and Secure when the site is served over HTTPS', async () => {
    await signIn(t, 'leader', [], 'cookie1');
    const res = await loginRequest(t, 'cookie1', TEST_PASSWORD);
    const cookie = res.headers.get('set-cookie')!;
    expect(cookie).toMatch(/^pcmt_sid=[A-Za-z0-9_-]{22};/);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Strict/);
    expect(cookie).toMatch(/Path=\//);
    expect(cookie).not.toMatch(/Secure/);
    const https = await createTestApp(miniProvince, undefined, { auth: { cookieSecure: true } });
    try {
      await signIn(https, 'leader', [], 'cookie2');
      expect((await loginRequest(https, 'cookie2', TEST_PASSWORD)).headers.get('set-cookie')).toMatch(/; Secure/);
    } finally {
      await https.close();
    }
  });

  it('stores only a digest of the token', async () => {
    const c = await signIn(t, 'leader');
    const token = c.cookie.split('=')[1]!;
    const rows = (await t.database.db.execute(`select token_hash from sessions` as never)) as unknown as {
      rows: { token_hash: string }[];
    };
    expect(rows.rows.some((r) => r.token_hash === token)).toBe(false);
    expect(rows.rows.every((r) => /^[0-9a-f]{64}$/.test(r.token_hash))).toBe(true);
  });
});

describe('expiry, logout and password change', () => {
  it('ends a session after 30 idle minutes, and after 12 hours even when active', async () => {
    const app = await createTestApp(miniProvince, '2024-06-30T01:00:00Z');
    try {
      const c = await signIn(app, 'leader');
      app.setNow('2024-06-30T01:29:00Z');
      expect((await c.get('/api/statuses')).status).toBe(200);
      app.setNow('2024-06-30T02:00:00Z'); // 31 minutes after the last request
      expect((await c.get('/api/statuses')).status).toBe(401);
      const d = await login(app, c.username);
      for (let m = 20; m <= 12 * 60; m += 20) {
        app.setNow(new Date(Date.parse('2024-06-30T02:00:00Z') + m * 60_000).toISOString());
        const status = (await d.get('/api/statuses')).status;
        if (m < 12 * 60) expect(status, `after ${m} min`).toBe(200);
        else expect(status).toBe(401);
      }
    } finally {
      await app.close();
    }
  });

  it('logs out: the cookie is cleared and the token no longer works', async () => {
    const c = await signIn(t, 'leader');
    const res = await c.send('POST', '/api/auth/logout');
    expect(res.status).toBe(200);
    expect(res.headers.get('set-cookie')).toMatch(/pcmt_sid=;.*Max-Age=0/);
    expect((await c.get('/api/statuses')).status).toBe(401);
    expect(await (await c.get('/api/auth/me')).json()).toEqual({ user: null, csrfToken: null });
  });

  it('changes a password: the current one is checked, the policy applies, other sessions end', async () => {
    const a = await signIn(t, 'editor', ['981'], 'doimk');
    const b = await login(t, 'doimk');
    expect((await a.send('POST', '/api/auth/password', { current: 'sai', next: 'Mat-khau-moi-2024' })).status).toBe(
      400,
    );
    const weak = await a.send('POST', '/api/auth/password', { current: TEST_PASSWORD, next: 'ngan' });
    expect(weak.status).toBe(400);
    expect(((await weak.json()) as any).error.message.vi).toMatch(/ít nhất 10 ký tự/);
    expect(
      (await a.send('POST', '/api/auth/password', { current: TEST_PASSWORD, next: 'Mat-khau-moi-2024' })).status,
    ).toBe(200);
    expect((await a.get('/api/statuses')).status).toBe(200);
    expect((await b.get('/api/statuses')).status).toBe(401);
    await expect(login(t, 'doimk')).rejects.toThrow(/401/);
    await login(t, 'doimk', 'Mat-khau-moi-2024');
  });
});

describe('login limits', () => {
  it('locks an account after five failures, even for the right password and from new addresses', async () => {
    await signIn(t, 'leader', [], 'khoa1');
    for (let i = 0; i < 5; i++)
      expect((await loginRequest(t, 'khoa1', 'sai-mat-khau', `10.1.1.${i}`)).status).toBe(401);
    const locked = await loginRequest(t, 'khoa1', TEST_PASSWORD, '10.1.2.1');
    expect(locked.status).toBe(429);
    expect(Number(locked.headers.get('retry-after'))).toBeGreaterThan(0);
  });

  it('locks an address after twenty failures across accounts; a forged X-Forwarded-For does not help', async () => {
    for (let i = 0; i < 20; i++)
      expect(
        (await loginRequest(t, `khongco${i}`, 'x', '10.2.2.2', { 'X-Forwarded-For': `203.0.113.${i}` })).status,
      ).toBe(401);
    await signIn(t, 'leader', [], 'khoa2');
    expect(
      (await loginRequest(t, 'khoa2', TEST_PASSWORD, '10.2.2.2', { 'X-Forwarded-For': '198.51.100.7' })).status,
    ).toBe(429);
    expect((await loginRequest(t, 'khoa2', TEST_PASSWORD, '10.2.2.3')).status).toBe(200);
  });

  it('believes X-Forwarded-For only from the configured proxy', async () => {
    const app = await createTestApp(miniProvince, undefined, { auth: { trustedProxy: '10.0.0.1' } });
    try {
      for (let i = 0; i < 20; i++)
        await loginRequest(app, `u${i}`, 'x', '10.0.0.1', { 'X-Forwarded-For': '192.0.2.50' });
      await signIn(app, 'leader', [], 'quaproxy');
      expect(
        (await loginRequest(app, 'quaproxy', TEST_PASSWORD, '10.0.0.1', { 'X-Forwarded-For': '192.0.2.50' })).status,
      ).toBe(429);
      expect(
        (await loginRequest(app, 'quaproxy', TEST_PASSWORD, '10.0.0.1', { 'X-Forwarded-For': '192.0.2.51' })).status,
      ).toBe(200);
    } finally {
      await app.close();
    }
  });

  it('refuses password checks beyond the gate instead of queueing them, while reads keep answering', async () => {
    // The gate's one slot and two queue places are held by the test itself (no race with the machine's speed): every
    // sign-in arriving meanwhile is refused at once with 429, reads answer; once released, sign-ins are checked again.
    const gate = new Gate(1, 2);
    const app = await createTestApp(miniProvince, undefined, {
      auth: {
        limits: { perAccount: new FailureWindow(1000, 60_000), perAddress: new FailureWindow(1000, 60_000), gate },
      },
    });
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    try {
      const reader = await signIn(app, 'leader');
      const holders = Array.from({ length: 3 }, () => gate.run(() => held));
      const flood = await Promise.all(
        Array.from({ length: 12 }, (_, i) => loginRequest(app, reader.username, 'sai-mat-khau', `10.3.3.${i}`)),
      );
      expect(flood.map((r) => r.status)).toEqual(Array(12).fill(429));
      expect((await reader.get('/api/statuses')).status).toBe(200);
      release();
      expect(await Promise.all(holders)).toEqual([undefined, undefined, undefined]); // none was turned away
      expect((await loginRequest(app, reader.username, 'sai-mat-khau', '10.3.3.99')).status).toBe(401);
    } finally {
      release();
      await app.close();
    }
  });

  it('writes a login_failed audit row naming the attempted account and address', async () => {
    await loginRequest(t, 'ai-do', 'x', '10.4.4.4');
    const admin = await signIn(t, 'admin');
    const { rows } = (await (await admin.get('/api/audit?action=login_failed&limit=5')).json()) as any;
    expect(rows[0]).toMatchObject({
      actor: 'ai-do',
      address: '10.4.4.4',
      action: 'login_failed',
      after: { reason: 'unknown_user' },
    });
  });
});

describe('cross-site writes and CSRF', () => {
  let editor: Client;
  const proposal = {
    commune: '98102',
    status: 'complex',
    effectiveDate: '2024-06-01',
    documentNumber: '1/QĐ-UBND',
    documentDate: '2024-06-01',
    baseChangeId: null,
  };
  const pendingCount = async () => ((await (await editor.get('/api/proposals')).json()) as any).proposals.length;
  beforeAll(async () => {
    editor = await signIn(t, 'editor', ['981']);
  });

  it.each([
    ['application/json', JSON.stringify(proposal)],
    ['application/x-www-form-urlencoded', 'commune=98102&status=complex'],
    [
      'multipart/form-data; boundary=x',
      '--x\r\nContent-Disposition: form-data; name="commune"\r\n\r\n98102\r\n--x--\r\n',
    ],
    ['text/plain', JSON.stringify(proposal)],
    [null, JSON.stringify(proposal)],
  ])('refuses a %s write from another origin, without the token, or with a wrong one', async (type, body) => {
    const before = await pendingCount();
    const base: Record<string, string> = { Cookie: editor.cookie, ...(type ? { 'Content-Type': type } : {}) };
    const attempts: Record<string, string>[] = [
      { ...base, Origin: 'http://evil.example', 'X-CSRF-Token': editor.csrf },
      { ...base, 'Sec-Fetch-Site': 'cross-site', 'X-CSRF-Token': editor.csrf },
      { ...base, 'Sec-Fetch-Site': 'same-site', 'X-CSRF-Token': editor.csrf },
      { ...base, Origin: 'http://localhost' },
      { ...base, Origin: 'http://localhost', 'X-CSRF-Token': 'wrong-token-wrong-token' },
    ];
    for (const headers of attempts) {
      const res = await t.app.request('/api/proposals', { method: 'POST', headers, body });
      expect(res.status, JSON.stringify(headers)).toBe(403);
      expect(['cross_site', 'csrf']).toContain(((await res.json()) as any).error.code);
    }
    expect(await pendingCount()).toBe(before);
  });

  it('accepts the same write from our origin with the token', async () => {
    const res = await editor.send('POST', '/api/proposals', { ...proposal, baseChangeId: await baseOf('98102') });
    expect(res.status, await res.clone().text()).toBe(201);
  });

  async function baseOf(code: string) {
    const area = (await (await editor.get('/api/my-area')).json()) as any;
    return area.communes.find((c: any) => c.code === code).baseChangeId;
  }
});

describe('attachments', () => {
  let editor: Client;
  beforeAll(async () => {
    editor = await signIn(t, 'editor', ['981']);
  });
  const upload = (bytes: Uint8Array<ArrayBuffer>, name: string, type = 'application/pdf', who = editor) =>
    who.upload('/api/attachments', new File([bytes], name, { type }));
  const pdf = new TextEncoder().encode('%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n');

  it('accepts a real PDF and serves it back only to those who may see it', async () => {
    const res = await upload(pdf, 'Quyết định 15.pdf');
    expect(res.status).toBe(201);
    const { id, mime } = (await res.json()) as any;
    expect(mime).toBe('application/pdf');
    const back = await editor.get(`/api/attachments/${id}`);
    expect(back.status).toBe(200);
    expect(back.headers.get('content-type')).toBe('application/pdf');
    expect(back.headers.get('x-content-type-options')).toBe('nosniff');
    expect(new Uint8Array(await back.arrayBuffer())).toEqual(pdf);
    const other = await signIn(t, 'editor', ['982']);
    expect((await other.get(`/api/attachments/${id}`)).status).toBe(404);
  });

  it('decides the type from the content: a script named .pdf is refused', async () => {
    const res = await upload(new TextEncoder().encode('<script>alert(1)</script>'), 'quyet-dinh.pdf');
    expect(res.status).toBe(415);
    expect(((await res.json()) as any).error.message.vi).toMatch(/PDF hoặc ảnh/);
  });

  it('refuses files over 5 MB and empty files', async () => {
    const big = new Uint8Array(5 * 1024 * 1024 + 1);
    big.set(pdf);
    expect((await upload(big, 'lon.pdf')).status).toBe(413);
    expect((await upload(new Uint8Array(0), 'rong.pdf')).status).toBe(400);
  });

  it('lets only roles that propose upload', async () => {
    const leader = await signIn(t, 'leader');
    expect((await upload(pdf, 'a.pdf', 'application/pdf', leader)).status).toBe(403);
  });
});

describe('errors', () => {
  it('answers broken JSON with 400, and an internal failure with 500 without a stack trace', async () => {
    const editor = await signIn(t, 'editor', ['981']);
    const broken = await t.app.request('/api/proposals', {
      method: 'POST',
      headers: { Cookie: editor.cookie, 'X-CSRF-Token': editor.csrf, 'Content-Type': 'application/json' },
      body: '{"commune":',
    });
    expect(broken.status).toBe(400);
    const app = await createTestApp(miniProvince);
    const c = await signIn(app, 'leader');
    await app.database.close();
    const res = await clientFor(app, c.username, c.cookie, c.csrf).get('/api/indicators');
    expect(res.status).toBe(500);
    const text = await res.text();
    expect(text).not.toMatch(/\bat \S+ \(|\.ts:\d+|node_modules/);
    expect(JSON.parse(text).error.message.vi).toBe('Lỗi máy chủ, vui lòng thử lại');
  });
});
