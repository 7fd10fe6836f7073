// The only reader of process.env: parses configuration once and exits with a clear message when invalid.
import { z } from 'zod';

const envSchema = z.object({
  /** The operating-system account running a command-line tool, named in its audit rows. */
  USER: z.string().optional(),
  PORT: z.coerce.number().int().min(0).max(65535).default(8080),
  HOST: z.string().min(1).default('127.0.0.1'),
  DATA_DIR: z.string().min(1).default('.data/pglite'),
  /** The built web page served at /; the browser specs serve their own build (dist/web-specs). */
  WEB_ROOT: z.string().min(1).default('dist/web'),
  DATABASE_URL: z.string().url().optional(),
  /** Seed the fictional demo province into an empty database on start. */
  SEED_DEMO: z
    .enum(['true', 'false'])
    .default('true')
    .transform((v) => v === 'true'),
  /** Proposal attachments; default beside the data directory, never under the web root. */
  ATTACHMENTS_DIR: z.string().min(1).optional(),
  SESSION_IDLE_MINUTES: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 60)
    .default(30),
  SESSION_MAX_HOURS: z.coerce
    .number()
    .int()
    .min(1)
    .max(7 * 24)
    .default(12),
  /** true when users reach the site over HTTPS (directly or through a proxy). */
  COOKIE_SECURE: z
    .enum(['true', 'false'])
    .default('false')
    .transform((v) => v === 'true'),
  /** Socket address of a reverse proxy whose X-Forwarded-For may be believed. */
  TRUSTED_PROXY: z.string().min(1).optional(),
  /** The origin users type, when a proxy changes the Host header (e.g. https://bando.congan.local). */
  PUBLIC_ORIGIN: z.string().url().optional(),
  /** The audit trail's HMAC key (at least 32 characters), or a file holding it; default: <DATA_DIR>.audit.key,
   *  created on first start. Keep it where the database role cannot read it. */
  AUDIT_KEY: z.string().min(32).optional(),
  AUDIT_KEY_FILE: z.string().min(1).optional(),
  /** Append-only file of signed audit heads; default: <DATA_DIR>.audit-anchors.jsonl. */
  AUDIT_ANCHOR_FILE: z.string().min(1).optional(),
  AUDIT_ANCHOR_MINUTES: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 60)
    .default(10),
  /** Postgres server used by the test suite's second run; not used by the app. */
  TEST_DATABASE_URL: z.string().url().optional(),
  TEST_DB: z.enum(['pglite', 'postgres']).default('pglite'),
});

export type Env = z.infer<typeof envSchema>;

export function parseEnv(source: Record<string, string | undefined>): Env {
  // An empty variable (DATABASE_URL=) means "not set", as shells and service files often write it.
  const present = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = envSchema.safeParse(present);
  if (parsed.success) return parsed.data;
  const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
  throw new Error(`Invalid configuration / Cấu hình không hợp lệ:\n${lines.join('\n')}`);
}

export function readEnv(): Env {
  return parseEnv(process.env);
}
