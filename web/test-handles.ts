// Handles the browser specs and benchmarks read on window (the map instance, a count of status restyles): only in
// the build made for them (VITE_TEST_HANDLES=1, dist/web-specs); the product's build leaves them out entirely.
export function exposeForSpecs(name: string, value: unknown): void {
  if (import.meta.env.VITE_TEST_HANDLES === '1') (window as unknown as Record<string, unknown>)[name] = value;
}

/** Adds one to a counter the specs wait on (how many times statuses were applied to the map). */
export function countForSpecs(name: string): void {
  if (import.meta.env.VITE_TEST_HANDLES === '1') {
    const w = window as unknown as Record<string, number | undefined>;
    w[name] = (w[name] ?? 0) + 1;
  }
}
