// The real boundary files of ../shared/data (test data only, never bundled). Specs that need them are declared with
// describeWithSharedData: they skip with a notice on a machine without that folder, and fail under PCMT_REQUIRE_ALL=1.
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describeNeeding } from './requirements';

export const SHARED_DATA = resolve(process.env.SHARED_DATA_DIR ?? join(process.cwd(), '..', 'shared', 'data'));
export const sharedDataPresent = existsSync(join(SHARED_DATA, 'boundaries', 'MANIFEST.json'));

/** `describe` for specs over the real files: skipped with a notice without them, failing under PCMT_REQUIRE_ALL=1. */
export function describeWithSharedData(name: string, body: () => void): void {
  const missing = sharedDataPresent
    ? null
    : `the shared data folder ${SHARED_DATA} (boundaries/MANIFEST.json) is missing; set SHARED_DATA_DIR`;
  describeNeeding('shared-data', missing, name, body);
}

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
