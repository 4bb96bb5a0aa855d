// Vue compiles every `thrume-*` tag as a native custom element.
import { defineConfig } from 'vite';
import vue from '@vitejs/plugin-vue';
import { kitAliases } from '../shared/kit-aliases.js';

export default defineConfig({
  plugins: [vue({ template: { compilerOptions: { isCustomElement: (tag) => tag.startsWith('thrume-') } } })],
  resolve: { alias: kitAliases },
  build: { target: 'es2022' },
});
