import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import '@thrume/calls/elements'; // registers the elements before React renders, so it sets their properties
import { App } from './App.js';

createRoot(document.getElementById('app')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
