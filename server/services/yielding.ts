// Long loops on the event loop give way every few milliseconds so health checks and other requests stay answered.
import { setImmediate as nextTurn } from 'node:timers/promises';

/** A function to await inside a loop: returns at once, or after other work has run once `sliceMs` has passed. */
export function yieldingEvery(sliceMs = 15): () => Promise<void> | void {
  let since = performance.now();
  return () => {
    if (performance.now() - since < sliceMs) return;
    return nextTurn().then(() => {
      since = performance.now();
    });
  };
}
