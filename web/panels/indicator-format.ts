// How each indicator's value, target and bar are shown: shares and changes as %, counts as numbers.
import type { Indicator } from '../api/client';
import { isShare } from '../../geo/indicator-text';

export { formatTarget, formatValue, isShare } from '../../geo/indicator-text';

/** Progress toward the target for shares (0..1 of the bar); null where a bar would mislead. */
export function progress(i: Indicator): number | null {
  if (!isShare(i.id) || i.value === null) return null;
  return Math.max(0, Math.min(1, i.value));
}
