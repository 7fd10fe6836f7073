// One JSON error shape for every 4xx/5xx: a code, a message in Vietnamese and English, and field issues.
import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';

export interface FieldIssue {
  path: string;
  message: string;
}

export interface ApiErrorBody {
  error: {
    code: string;
    message: { vi: string; en: string };
    issues?: FieldIssue[];
    details?: Record<string, unknown>;
  };
}

export function errorBody(code: string, vi: string, en: string, issues?: FieldIssue[]): ApiErrorBody {
  return { error: { code, message: { vi, en }, ...(issues ? { issues } : {}) } };
}

export class HttpError extends Error {
  /** The fields at fault, when the error is about a field. */
  issues?: FieldIssue[];

  constructor(
    readonly status: ContentfulStatusCode,
    readonly code: string,
    readonly vi: string,
    readonly en: string,
    /** Facts the client needs to act on the refusal (e.g. the likely duplicates). */
    readonly details?: Record<string, unknown>,
  ) {
    super(en);
  }
}

/** A 400 naming the field, for inputs read by hand (multipart forms) rather than by `validate`. */
export function fieldError(path: string, vi: string, en: string): HttpError {
  const e = new HttpError(400, 'validation', vi, en);
  e.issues = [{ path, message: `${vi} / ${en}` }];
  return e;
}

export const notFound = (what: { vi: string; en: string }) => new HttpError(404, 'not_found', what.vi, what.en);

export function sendError(c: Context, e: HttpError) {
  const body = errorBody(e.code, e.vi, e.en, e.issues);
  if (e.details) body.error.details = e.details;
  return c.json(body, e.status);
}
