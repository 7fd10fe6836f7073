// The fields of the import forms, read and validated: each refusal names its field.
import { codeListForm, previewOptions, type PreviewOptions } from '../contracts/imports';
import { fieldError, HttpError } from '../http/errors';
import { parseCrosswalk, type Crosswalk } from './crosswalk';

type Form = Record<string, string | File | (string | File)[]>;

async function jsonFile(value: unknown, field: string): Promise<unknown> {
  if (!(value instanceof File)) return undefined;
  try {
    return JSON.parse(await value.text());
  } catch {
    throw fieldError(field, `Tệp ${field} không phải JSON hợp lệ`, `The ${field} file is not valid JSON`);
  }
}

/** A code list upload: its date, its name and the JSON file. */
export async function codeListUpload(form: Form) {
  const fields = codeListForm.safeParse({ asOf: form.asOf, name: form.name });
  if (!fields.success)
    throw fieldError(
      String(fields.error.issues[0]!.path[0]),
      'Cần ngày (YYYY-MM-DD) và tên danh mục',
      'The list needs a date (YYYY-MM-DD) and a name',
    );
  const json = await jsonFile(form.file, 'file');
  if (json === undefined)
    throw fieldError('file', 'Cần gửi tệp danh mục trong trường "file"', 'Send the list in the "file" field');
  return { ...fields.data, json };
}

/** The "options" field of a boundary preview: JSON, then the contract; a refusal names options.<path>. */
export function previewOptionsOf(form: Form): PreviewOptions {
  let raw: unknown;
  try {
    raw = JSON.parse(typeof form.options === 'string' ? form.options : '{}');
  } catch {
    throw fieldError('options', 'Trường "options" không phải JSON', 'The "options" field is not JSON');
  }
  const parsed = previewOptions.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw fieldError(['options', ...issue.path.map(String)].join('.'), issue.message, issue.message);
  }
  return parsed.data;
}

export function boundaryFileOf(form: Form): File {
  if (form.file instanceof File) return form.file;
  throw fieldError('file', 'Cần gửi tệp ranh giới trong trường "file"', 'Send the boundary file in the "file" field');
}

/** The optional crosswalk file (merges.json or splits.json). */
export async function crosswalkOf(form: Form): Promise<Crosswalk | null> {
  const json = await jsonFile(form.crosswalk, 'crosswalk');
  if (json === undefined) return null;
  try {
    return parseCrosswalk(json);
  } catch {
    throw fieldError(
      'crosswalk',
      'Tệp chuyển đổi không có dạng merges.json hoặc splits.json',
      'The crosswalk is neither merges.json nor splits.json shaped',
    );
  }
}

/** A file the readers cannot follow (arcs that are not arrays, numbers that are not numbers) is the user's: 422. */
export function unreadableFile(e: unknown): never {
  if (e instanceof HttpError) throw e;
  const why = e instanceof Error ? e.message : String(e);
  throw new HttpError(
    422,
    'unreadable_file',
    `Không đọc được tệp ranh giới: ${why}`,
    `The boundary file cannot be read: ${why}`,
    { field: 'file' },
  );
}
