// One file sent as multipart/form-data in the field "file": a body limit with our error shape, and the bytes.
import type { Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { HttpError } from './errors';

export const fileTooLarge = (maxBytes: number) => {
  const mb = maxBytes / 1024 / 1024;
  return new HttpError(413, 'too_large', `Tệp quá lớn (tối đa ${mb} MB)`, `File too large (at most ${mb} MB)`);
};

/** Refuses the request before reading past the limit (plus room for the multipart framing). */
export const uploadLimit = (maxBytes: number) =>
  bodyLimit({
    maxSize: maxBytes + 64 * 1024,
    onError: () => {
      throw fileTooLarge(maxBytes);
    },
  });

const unreadableForm = () =>
  new HttpError(
    400,
    'validation',
    'Nội dung gửi lên không phải biểu mẫu multipart/form-data đọc được',
    'The body is not a readable multipart/form-data form',
  );

/** The form's fields; an unreadable body (bad framing, wrong content type) is a 400, not a 500. */
export async function uploadedForm(c: Context): Promise<Record<string, string | File | (string | File)[]>> {
  try {
    return await c.req.parseBody();
  } catch {
    throw unreadableForm();
  }
}

export async function uploadedFile(c: Context): Promise<{ name: string; bytes: Uint8Array }> {
  const form = await uploadedForm(c).catch(() => null);
  const file = form?.file;
  if (!(file instanceof File))
    throw new HttpError(
      400,
      'validation',
      'Cần gửi một tệp trong trường "file" (multipart/form-data)',
      'Send one file in the "file" field (multipart/form-data)',
    );
  return { name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) };
}
