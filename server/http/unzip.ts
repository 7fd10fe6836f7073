// Unzipping what users upload (zipped Shapefiles, XLSX place lists) without letting a small archive expand without
// bound (a 3 MB zip can declare gigabytes). Entry sizes are checked against the limit from the archive's directory
// before anything is inflated, and each entry inflates into a buffer of its declared size, so a lying directory
// cannot exceed it either.
import { unzipSync, zipSync, type Unzipped } from 'fflate';
import { HttpError } from './errors';

const MB = 1024 * 1024;

export function tooMuchUnzipped(maxBytes: number): HttpError {
  return new HttpError(
    413,
    'too_large_unzipped',
    `Tệp nén giải ra quá lớn (tối đa ${maxBytes / MB} MB sau khi giải nén)`,
    `The archive expands too much (at most ${maxBytes / MB} MB uncompressed)`,
  );
}

/** The archive's files, refusing (413) before inflating when their declared sizes add up to more than `maxBytes`. */
export function unzipWithin(bytes: Uint8Array, maxBytes: number): Unzipped {
  let total = 0;
  let over = false;
  const files = unzipSync(bytes, {
    filter: (f) => {
      total += f.originalSize;
      over ||= total > maxBytes;
      return !over;
    },
  });
  if (over) throw tooMuchUnzipped(maxBytes);
  return files;
}

/** The same archive, rebuilt from what unzipWithin let out: a library that unzips on its own (exceljs) then reads
 *  only bounded content. */
export function boundedZip(bytes: Uint8Array, maxBytes: number): Uint8Array {
  return zipSync(unzipWithin(bytes, maxBytes), { level: 0 });
}
