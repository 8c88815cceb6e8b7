import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app.tsx';
import './i18n/i18n.ts';

const root = document.getElementById('root');
if (root === null) throw new Error('index.html lacks <div id="root">');

createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
