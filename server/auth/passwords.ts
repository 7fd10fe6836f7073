// Password hashing with argon2id (@node-rs/argon2) and the password policy.
import { hash, verify } from '@node-rs/argon2';

// Algorithm.Argon2id; the package exports it as an ambient const enum, which isolated modules cannot read.
const ARGON2ID = 2;

// OWASP's argon2id baseline (19 MiB, 2 passes): tens of milliseconds per check on this class of machine.
const OPTIONS = { algorithm: ARGON2ID, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export const MIN_PASSWORD_LENGTH = 10;

export function hashPassword(password: string): Promise<string> {
  return hash(password, OPTIONS);
}

export async function verifyPassword(stored: string, password: string): Promise<boolean> {
  try {
    return await verify(stored, password);
  } catch {
    return false;
  }
}

/** A hash of nothing anyone knows, checked when the username does not exist so that timing does not tell. */
let decoy: Promise<string> | null = null;
export function decoyHash(): Promise<string> {
  decoy ??= hashPassword(`decoy-${Math.random()}-${Date.now()}`);
  return decoy;
}

/** null when acceptable, else the reason in both languages. */
export function passwordProblem(password: string, username: string): { vi: string; en: string } | null {
  if ([...password].length < MIN_PASSWORD_LENGTH)
    return {
      vi: `Mật khẩu phải có ít nhất ${MIN_PASSWORD_LENGTH} ký tự`,
      en: `The password needs at least ${MIN_PASSWORD_LENGTH} characters`,
    };
  if (password.toLowerCase().includes(username.toLowerCase()))
    return { vi: 'Mật khẩu không được chứa tên đăng nhập', en: 'The password must not contain the username' };
  return null;
}
