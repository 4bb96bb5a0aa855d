// The CDN build, in dist/cdn/ (after `vite build`, which empties dist/): thrume-calls.js, one minified
// self-contained module with its source map that defines every element, and autoloader.js with one
// module per element in components/ (and the chunks they share), loaded as tags appear. Each language
// is a module of its own, loaded when an element first speaks it: locales/ beside thrume-calls.js,
// chunks/ for the autoloader's.
import { build } from 'esbuild';
import { readdirSync } from 'node:fs';

const tags = ['thrume-call-provider', 'thrume-call-button', 'thrume-incoming-call', 'thrume-active-call'];
const common = {
  bundle: true,
  minify: true,
  sourcemap: true,
  format: 'esm',
  platform: 'browser',
  target: 'es2022',
  conditions: ['production'],
  tsconfig: 'tsconfig.json',
  outdir: 'dist/cdn',
  logLevel: 'warning',
};

const locales = readdirSync('src/locales').map((file) => file.replace(/\.ts$/, ''));
await build({
  ...common,
  entryPoints: {
    'thrume-calls': 'src/cdn/thrume-calls.ts',
    ...Object.fromEntries(locales.map((code) => [`locales/${code}`, `src/locales/${code}.ts`])),
  },
  external: ['./locales/*'], // the single module imports them from beside itself
});
await build({
  ...common,
  entryPoints: {
    autoloader: 'src/cdn/autoloader.ts',
    ...Object.fromEntries(tags.map((tag) => [`components/${tag}`, `src/components/${tag}/${tag}.ts`])),
  },
  splitting: true,
  chunkNames: 'chunks/[name]-[hash]',
});
