// The example imports the kit from the repository's sources by alias, as a page would import the
// package. React 19 sets the elements' properties and listens to their events natively.
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';

const src = (file: string) => fileURLToPath(new URL(`../../src/${file}`, import.meta.url));

export default defineConfig({
  plugins: [react()],
  resolve: {
    alias: [
      { find: /^@thrume\/calls\/elements$/, replacement: src('elements.ts') },
      { find: /^@thrume\/calls\/testing$/, replacement: src('testing.ts') },
      { find: /^@thrume\/calls$/, replacement: src('index.ts') },
    ],
  },
  build: { target: 'es2022' },
});
