// The current language for components: useT() returns its dictionary, useLang() its code.
import { createContext, useContext } from 'react';
import { MESSAGES, type Lang, type Messages } from './messages';

export const LangContext = createContext<Lang>('vi');

export function useLang(): Lang {
  return useContext(LangContext);
}

export function useT(): Messages {
  return MESSAGES[useContext(LangContext)];
}
