// zod validation for routes: a failure is a 400 naming each field, in Vietnamese and English.
import { zValidator } from '@hono/zod-validator';
import type { ValidationTargets } from 'hono';
import type { ZodType } from 'zod';
import { errorBody } from './errors';

export function validate<T extends ZodType, Target extends keyof ValidationTargets>(target: Target, schema: T) {
  return zValidator(target, schema, (result, c) => {
    if (result.success) return;
    const issues = result.error.issues.map((i) => ({
      path: [target, ...i.path.map(String)].join('.'),
      message: i.message,
    }));
    return c.json(errorBody('validation', 'Dữ liệu gửi lên không hợp lệ', 'Invalid request', issues), 400);
  });
}
