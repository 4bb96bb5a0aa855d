// React 19 sets the elements' properties and listens to their events natively.
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { kitAliases } from '../shared/kit-aliases.js';

export default defineConfig({
  plugins: [react()],
  resolve: { alias: kitAliases },
  build: { target: 'es2022' },
});
