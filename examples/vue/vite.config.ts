// The example imports the kit from the repository's sources by alias, as a page would import the
// package. Vue compiles every `thrume-*` tag as a native custom element.
import { defineConfig } from 'vite';
import vue from '@vitejs/plugin-vue';
import { fileURLToPath } from 'node:url';

const src = (file: string) => fileURLToPath(new URL(`../../src/${file}`, import.meta.url));

export default defineConfig({
  plugins: [vue({ template: { compilerOptions: { isCustomElement: (tag) => tag.startsWith('thrume-') } } })],
  resolve: {
    alias: [
      { find: /^@thrume\/calls\/elements$/, replacement: src('elements.ts') },
      { find: /^@thrume\/calls\/testing$/, replacement: src('testing.ts') },
      { find: /^@thrume\/calls$/, replacement: src('index.ts') },
    ],
  },
  build: { target: 'es2022' },
});
