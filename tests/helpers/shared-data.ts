// The real boundary files of ../shared/data (test data only, never bundled). Specs that need them skip with a
// notice on a machine without that folder.
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const SHARED_DATA = resolve(process.env.SHARED_DATA_DIR ?? join(process.cwd(), '..', 'shared', 'data'));
export const sharedDataPresent = existsSync(join(SHARED_DATA, 'boundaries', 'MANIFEST.json'));
if (!sharedDataPresent) console.warn(`Real-data import specs skipped: ${SHARED_DATA} is absent (see the README, "Tests").`);

export const boundaryFile = (name: string) => join(SHARED_DATA, 'boundaries', name);
export const readShared = (...path: string[]) => readFileSync(join(SHARED_DATA, ...path));

export interface ManifestEntry {
  features: number;
  bbox: [number, number, number, number];
  holes: number;
  exterior_rings_clockwise: number;
  exterior_rings_counterclockwise: number;
  rings_with_repeated_consecutive_vertex: number;
}

export function manifest(): Record<string, ManifestEntry> {
  return JSON.parse(readShared('boundaries', 'MANIFEST.json').toString('utf8')) as Record<string, ManifestEntry>;
}
export const adminUnitsFile = (name: string) => join(SHARED_DATA, 'admin-units', name);
