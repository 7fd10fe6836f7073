// Sign-in limits under parallel requests: each guess is counted before its password is checked, so twenty guesses
// fired at once are not all checked; the current password asked by the password change is limited and audited
// like a sign-in.
import { setImmediate as nextTurn } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import * as t from '../../server/db/schema';
import { defaultLoginLimits, Gate } from '../../server/auth/rate-limit';
import { miniProvince } from '../fixtures/mini-province';
import { createTestApp, type TestApp } from '../helpers/app';
import { loginRequest, signIn, TEST_PASSWORD } from '../helpers/auth';

let app: TestApp;
beforeAll(async () => {
  // The documented limits (5 failures per account, 20 per address, per 15 minutes) with a gate wide enough that
  // none of the parallel checks is turned away as busy.
  app = await createTestApp(miniProvince, undefined, {
    auth: { limits: { ...defaultLoginLimits(), gate: new Gate(32, 32) } },
  });
});
afterAll(() => app.close());

const login = (username: string, password: string, address: string) => loginRequest(app, username, password, address);

describe('guesses fired at once', () => {
  it('checks at most five of twenty for one account, and the right password is refused once the five are spent', async () => {
    await signIn(app, 'leader', [], 'doan.mo');
    const guesses = Array.from({ length: 20 }, (_, i) =>
      login('doan.mo', i === 19 ? TEST_PASSWORD : `sai-${i}-mat-khau`, `10.20.0.${i}`),
    );
    const statuses = (await Promise.all(guesses)).map((r) => r.status);
    // Before: all twenty were checked (19 × 401 and the right one 200).
    expect(statuses.filter((s) => s === 401 || s === 200).length).toBe(5);
    expect(statuses.filter((s) => s === 429).length).toBe(15);
    expect((await login('doan.mo', TEST_PASSWORD, '10.20.1.1')).status).toBe(429);
  });
});

describe('the current password in a password change', () => {
  it('allows five wrong guesses, each audited, then refuses with 429', async () => {
    const user = await signIn(app, 'leader', [], 'doi.mat.khau');
    const change = (current: string) => user.send('POST', '/api/auth/password', { current, next: 'Mat-khau-moi-2026' });
    for (let i = 0; i < 5; i++) expect((await change(`doan-${i}-sai-roi`)).status).toBe(400);
    expect((await change(TEST_PASSWORD)).status).toBe(429); // the account is locked, even for the right one
    const failed = await app.database.db
      .select()
      .from(t.auditLog)
      .where(eq(t.auditLog.action, 'password_change_failed'));
    expect(failed.map((r) => r.actorName)).toEqual(Array(5).fill('doi.mat.khau'));
  });
});

describe('a flood of sign-ins from one address', () => {
  it('leaves a share of the password checks to addresses and accounts that have not failed', async () => {
    // One check at a time, four waiting, at most two of them suspect: the flood's first guess is clean (nothing
    // failed yet), the others are suspect. Before: the flood filled the queue and the colleague got 429.
    const flooded = await createTestApp(miniProvince, undefined, {
      auth: { limits: { ...defaultLoginLimits(), gate: new Gate(1, 4, 2) } },
    });
    try {
      await signIn(flooded, 'leader', [], 'dong.nghiep');
      let answered = 0;
      const flood = Array.from({ length: 12 }, (_, i) =>
        Promise.resolve(loginRequest(flooded, `khong-co-${i % 3}`, 'doan-bua-doan-bua', '10.66.6.6')).finally(
          () => answered++,
        ),
      );
      // The colleague comes once the flood has filled what it may of the gate (seven answered: the gate is full).
      while (answered < 7) await nextTurn();
      const colleague = loginRequest(flooded, 'dong.nghiep', TEST_PASSWORD, '10.1.2.3');
      expect((await colleague).status).toBe(200);
      const statuses = (await Promise.all(flood)).map((r) => r.status);
      expect(statuses.filter((s) => s === 429).length).toBeGreaterThanOrEqual(8); // the flood itself is turned away
    } finally {
      await flooded.close();
    }
  });
});
