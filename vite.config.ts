// Library build: ESM, one file per entry, the runtime dependencies left to the page's bundler.
import { defineConfig } from 'vite';
import { existsSync } from 'node:fs';

const entries = Object.fromEntries(
  Object.entries({ index: 'src/index.ts', elements: 'src/elements.ts', testing: 'src/testing.ts' }).filter(([, file]) => existsSync(file)),
);

export default defineConfig({
  build: {
    target: 'es2022',
    lib: { entry: entries, formats: ['es'] },
    rollupOptions: { external: [/^lit/, /^@lit\//, '@microsoft/signalr'] },
    sourcemap: true,
  },
});
