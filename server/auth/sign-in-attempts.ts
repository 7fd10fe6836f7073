// How a password attempt is counted, limited and checked: shared by sign-in and password change.
import type { Context } from 'hono';
import { verifyPassword } from './passwords';
import { Gate, type GateClass, type LoginLimits } from './rate-limit';
import { HttpError } from '../http/errors';

export interface Attempt {
  kind: GateClass;
  takeBack(): void;
  succeeded(): void;
}

function tooMany(c: Context, ms: number) {
  c.header('Retry-After', String(Math.ceil(ms / 1000)));
  return new HttpError(
    429,
    'rate_limited',
    `Đăng nhập sai quá nhiều lần, thử lại sau ${Math.ceil(ms / 60_000)} phút`,
    `Too many failed sign-ins, try again in ${Math.ceil(ms / 60_000)} min`,
  );
}

/**
 * Counts a password attempt before the password is checked, in the same tick as the limit check: parallel guesses
 * are each counted, so the sixth of twenty fired at once is refused instead of checked. A success takes it back
 * (and clears the account's failures); so does a refusal by the busy gate (not a guess). An account or address
 * with other attempts in the window waits behind the others at the gate (Gate, suspect).
 */
export function countAttempt(
  limits: LoginLimits,
  c: Context,
  accountKey: string,
  address: string,
  at: number,
): Attempt {
  const wait = Math.max(limits.perAccount.blockedFor(accountKey, at), limits.perAddress.blockedFor(address, at));
  if (wait > 0) throw tooMany(c, wait);
  const kind: GateClass =
    limits.perAccount.count(accountKey, at) || limits.perAddress.count(address, at) ? 'suspect' : 'clean';
  limits.perAccount.record(accountKey, at);
  limits.perAddress.record(address, at);
  const takeBack = () => {
    limits.perAccount.forget(accountKey, at);
    limits.perAddress.forget(address, at);
  };
  return { kind, takeBack, succeeded: () => (takeBack(), limits.perAccount.reset(accountKey)) };
}

/** Checks the password through the gate; a full gate is "busy" (429), not a failed guess. */
export async function checkThroughGate(
  limits: LoginLimits,
  c: Context,
  attempt: Attempt,
  stored: string,
  password: string,
): Promise<boolean> {
  const checked = await limits.gate.run(() => verifyPassword(stored, password), attempt.kind);
  if (checked !== Gate.BUSY) return checked;
  attempt.takeBack();
  c.header('Retry-After', '2');
  throw new HttpError(
    429,
    'busy',
    'Máy chủ đang bận xử lý đăng nhập, thử lại sau giây lát',
    'The server is busy with sign-ins, retry in a moment',
  );
}
