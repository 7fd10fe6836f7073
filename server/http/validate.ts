// zod validation for routes: a failure is a 400 naming each field, in Vietnamese and English. Text the database
// cannot store (a NUL character, half of a UTF-16 surrogate pair) is refused here too, wherever it sits in the
// input, instead of failing at the database as a 500.
import { zValidator } from '@hono/zod-validator';
import type { ValidationTargets } from 'hono';
import type { ZodType } from 'zod';
import { errorBody } from './errors';

// eslint-disable-next-line no-control-regex
const UNSTORABLE = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Paths of the strings (keys too) holding text PostgreSQL cannot store. */
export function unstorableText(value: unknown, path: string[] = []): string[][] {
  if (typeof value === 'string') return UNSTORABLE.test(value) ? [path] : [];
  if (Array.isArray(value)) return value.flatMap((v, i) => unstorableText(v, [...path, String(i)]));
  if (value && typeof value === 'object')
    return Object.entries(value).flatMap(([k, v]) =>
      UNSTORABLE.test(k) ? [[...path, k]] : unstorableText(v, [...path, k]),
    );
  return [];
}

const UNSTORABLE_MESSAGE =
  'contains a NUL character or a broken surrogate pair / chứa ký tự NUL hoặc ký tự Unicode hỏng';

export function validate<T extends ZodType, Target extends keyof ValidationTargets>(target: Target, schema: T) {
  return zValidator(target, schema, (result, c) => {
    const issues = result.success
      ? unstorableText(result.data).map((p) => ({ path: [target, ...p].join('.'), message: UNSTORABLE_MESSAGE }))
      : result.error.issues.map((i) => ({ path: [target, ...i.path.map(String)].join('.'), message: i.message }));
    if (!issues.length) return;
    return c.json(errorBody('validation', 'Dữ liệu gửi lên không hợp lệ', 'Invalid request', issues), 400);
  });
}
