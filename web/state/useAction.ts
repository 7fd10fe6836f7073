// A write started from a button: run it, then what follows it; a refusal kept as text the user can read.
import { useState } from 'react';
import { errorText } from '../api/client';
import { useLang } from '../i18n/context';

export function useAction(after: () => void) {
  const lang = useLang();
  const [error, setError] = useState<string | null>(null);
  const act = async (run: () => Promise<unknown>) => {
    setError(null);
    try {
      await run();
      after();
    } catch (e) {
      setError(errorText(e, lang));
    }
  };
  return { error, act };
}
