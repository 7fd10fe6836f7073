// Browser entry point.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
// Noto Sans (SIL OFL) served from our own origin: Vietnamese diacritics render the same on every machine.
import './font-faces.css';
import './styles.css';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
