// The latest value of a prop, for handlers registered once (map events, window keys): written after each render,
// read when the event fires, so the handler never calls a stale callback and is not re-registered.
import { useLayoutEffect, useRef, type RefObject } from 'react';

export function useLatest<T>(value: T): RefObject<T> {
  const ref = useRef(value);
  useLayoutEffect(() => {
    ref.current = value;
  });
  return ref;
}
