// A file answered as a download: its type by format, its name in Content-Disposition.
import type { Context } from 'hono';

const TYPES = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  geojson: 'application/geo+json; charset=utf-8',
  pdf: 'application/pdf',
} as const;
export type DownloadFormat = keyof typeof TYPES;

/** `name` without extension: ASCII, so every browser keeps it. */
export function download(c: Context, body: string | Uint8Array, name: string, format: DownloadFormat) {
  // Our writers return buffers of their own (never shared memory): the cast only narrows the buffer type.
  return c.body(body as string | Uint8Array<ArrayBuffer>, 200, {
    'Content-Type': TYPES[format],
    'Content-Disposition': `attachment; filename="${name}.${format}"`,
  });
}
