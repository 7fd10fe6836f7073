// Browser entry point.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
// Noto Sans (SIL OFL) served from our own origin: Vietnamese diacritics render the same on every machine.
import '@fontsource/noto-sans/vietnamese-400.css';
import '@fontsource/noto-sans/latin-400.css';
import '@fontsource/noto-sans/vietnamese-700.css';
import '@fontsource/noto-sans/latin-700.css';
import './styles.css';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
