// Configuration parsing: defaults, empty values, and a clear error naming the bad variable.
import { describe, expect, it } from 'vitest';
import { parseEnv } from '../../server/env';

describe('parseEnv', () => {
  it('defaults to the embedded database on port 8080', () => {
    const env = parseEnv({});
    expect(env).toMatchObject({ PORT: 8080, DATA_DIR: '.data/pglite', SEED_DEMO: true });
    expect(env.DATABASE_URL).toBeUndefined();
  });

  it('treats an empty variable as unset', () => {
    const env = parseEnv({ DATABASE_URL: '', PORT: '' });
    expect(env.PORT).toBe(8080);
    expect(env.DATABASE_URL).toBeUndefined();
  });

  it.each([
    [{ PORT: 'eighty' }, /PORT: /],
    [{ PORT: '70000' }, /PORT: /],
    [{ DATABASE_URL: 'not a url' }, /DATABASE_URL: /],
    [{ SEED_DEMO: 'yes' }, /SEED_DEMO: /],
  ])('%j is refused with a message naming it', (env, message) => {
    expect(() => parseEnv(env)).toThrow(message);
  });
});
