// Specs that need something the repository does not hold (the shared boundary files; Chromium and a build) are
// declared through here. Without it they skip on a developer's machine, with a loud notice; under PCMT_REQUIRE_ALL=1
// (.ci/run sets it) they fail instead, naming what is missing, so CI can never pass by skipping them. Their tests
// carry `meta.needs`, which scripts/test.ts counts in vitest's JSON report (ran, passed, skipped per database run).
import { describe, it } from 'vitest';

export type Need = 'shared-data' | 'browser';

declare module 'vitest' {
  interface TaskMeta {
    /** What the test needs beyond the repository (set by describeNeeding). */
    needs?: Need;
  }
}

/** True when every spec must run: a missing requirement is then a failure, not a skip. */
export const requireAll = process.env.PCMT_REQUIRE_ALL === '1';

/** These specs start servers and browsers and read real files: the limit only catches a hang, however busy the
 *  machine (the suite's 60 s default would fail a loaded one). */
export const HEAVY_TIMEOUT = 15 * 60_000;

const noticed = new Set<string>();

/**
 * `describe` for specs that need `need`; `missing` says what is absent (null when all is there). Under
 * PCMT_REQUIRE_ALL=1 a missing requirement registers one failing test naming it instead of the specs.
 */
export function describeNeeding(need: Need, missing: string | null, name: string, body: () => void): void {
  const meta = { needs: need };
  if (missing === null) {
    describe(name, { meta, timeout: HEAVY_TIMEOUT }, body);
    return;
  }
  if (requireAll) {
    describe(name, { meta }, () => {
      it(`cannot run: ${missing}`, () => {
        throw new Error(`PCMT_REQUIRE_ALL=1: "${name}" must run, but ${missing}`);
      });
    });
    return;
  }
  if (!noticed.has(missing)) {
    noticed.add(missing);
    const line = `SKIPPED (${need} specs): ${missing}`;
    console.warn(`\n${'!'.repeat(line.length + 4)}\n! ${line} !\n${'!'.repeat(line.length + 4)}\n`);
  }
  console.warn(`  skipped: ${name}`);
  describe(name, { meta, skip: true }, body);
}
