// View state mirrored in the URL (replaceState), so a shared link reopens the same view.
import { useCallback, useEffect, useState } from 'react';
import { parseView, serializeView, type ViewState } from './view';

export function useViewState(): [ViewState, (patch: Partial<ViewState>) => void] {
  const [view, setView] = useState<ViewState>(() => parseView(window.location.search));
  useEffect(() => {
    const url = `${window.location.pathname}${serializeView(view)}`;
    if (url !== `${window.location.pathname}${window.location.search}`) window.history.replaceState(null, '', url);
    document.documentElement.lang = view.lang;
  }, [view]);
  const update = useCallback((patch: Partial<ViewState>) => setView((v) => ({ ...v, ...patch })), []);
  return [view, update];
}
