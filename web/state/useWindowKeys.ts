// Keys heard anywhere on the page (Escape closes, the presentation's arrows and digits): one listener registered
// while `enabled`, always calling the latest handler.
import { useEffect } from 'react';
import { useLatest } from './useLatest';

export function useWindowKeys(onKey: (e: KeyboardEvent) => void, enabled = true): void {
  const latest = useLatest(onKey);
  useEffect(() => {
    if (!enabled) return;
    const listener = (e: KeyboardEvent) => latest.current(e);
    window.addEventListener('keydown', listener);
    return () => window.removeEventListener('keydown', listener);
  }, [enabled, latest]);
}

const tagOf = (e: KeyboardEvent) => (e.target instanceof HTMLElement ? e.target.tagName : '');

/** A key typed into a field belongs to it, not to the page. */
export function keyInField(e: KeyboardEvent): boolean {
  return /^(INPUT|SELECT|TEXTAREA)$/.test(tagOf(e));
}

/** Also a key pressed on a button or link (Space, Enter activate it), or with a modifier. */
export function keyForControl(e: KeyboardEvent): boolean {
  return keyInField(e) || /^(BUTTON|A)$/.test(tagOf(e)) || e.altKey || e.ctrlKey || e.metaKey;
}
