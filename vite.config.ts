// Library build: ESM, one file per source file (entries index, elements, testing); Lit, SignalR and the
// contract package are left to the page's bundler, Lucide's few icons are inlined.
import { defineConfig } from 'vite';
const entries = { index: 'src/index.ts', elements: 'src/elements.ts', testing: 'src/testing.ts' };

export default defineConfig({
  build: {
    target: 'es2022',
    lib: { entry: entries, formats: ['es'] },
    rollupOptions: {
      external: [/^lit/, /^@lit\//, /^@microsoft\/signalr/, /^@thrume\/calls-contract/],
      // One output file per source file, so `sideEffects` can name the element files exactly.
      output: { preserveModules: true, preserveModulesRoot: 'src', entryFileNames: '[name].js' },
    },
    sourcemap: true,
  },
});
