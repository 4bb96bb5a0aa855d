// Regenerates custom-elements.json and the framework typings made from it (scripts/integrations.mjs)
// into a temporary folder and compares them with the committed ones, then type-checks a page of each
// framework (test/integrations/) against the committed typings and the built declarations.
// (The analyzer takes --outdir relative to the working folder.) Prints "manifest: N passed, N failed".
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { isDeepStrictEqual } from 'node:util';

const run = (cmd, args) => spawnSync(cmd, args, { encoding: 'utf8' });
const results = [];
const check = (name, ok, why) => {
  results.push(ok);
  if (!ok) console.error(`manifest: ${name}: ${why}`);
};

// Each page as its framework's compiler sees it: one program each, as their JSX namespaces differ.
const pages = [
  { file: 'test/integrations/jsx.tsx', jsx: ['--jsx', 'react-jsx', '--jsxImportSource', 'react'] },
  { file: 'test/integrations/jsx.tsx', jsx: ['--jsx', 'react-jsx', '--jsxImportSource', 'preact'] },
  { file: 'test/integrations/vue.ts', jsx: [] },
  { file: 'test/integrations/solid.tsx', jsx: ['--jsx', 'preserve', '--jsxImportSource', 'solid-js'] },
];
const compilerOptions = [
  '--ignoreConfig',
  '--noEmit',
  '--strict',
  '--skipLibCheck',
  'false',
  '--target',
  'es2022',
  '--module',
  'esnext',
  '--moduleResolution',
  'bundler',
  '--lib',
  'es2022,dom,dom.iterable',
  '--types',
  '',
  '--experimentalDecorators',
  '--useDefineForClassFields',
  'false',
];

const dir = mkdtempSync(join(tmpdir(), 'thrume-cem-'));
try {
  const analyzed = run('npx', ['cem', 'analyze', '--outdir', relative(process.cwd(), dir)]);
  const fresh = analyzed.status === 0 ? JSON.parse(readFileSync(join(dir, 'custom-elements.json'), 'utf8')) : null;
  check(
    'custom-elements.json',
    isDeepStrictEqual(fresh, JSON.parse(readFileSync('custom-elements.json', 'utf8'))),
    fresh ? 'out of date with the JSDoc: run `npm run manifest` and commit it' : `${analyzed.stdout}${analyzed.stderr}`,
  );

  const generated = run('node', [
    'scripts/integrations.mjs',
    join(dir, 'custom-elements.json'),
    join(dir, 'integrations'),
  ]);
  const files = generated.status === 0 ? readdirSync(join(dir, 'integrations')).sort() : [];
  const same =
    files.length > 0 &&
    isDeepStrictEqual(files, readdirSync('integrations').sort()) &&
    files.every(
      (f) => readFileSync(join(dir, 'integrations', f), 'utf8') === readFileSync(join('integrations', f), 'utf8'),
    );
  check(
    'integrations/',
    same,
    generated.status === 0 ? 'out of date with the manifest: run `npm run manifest` and commit it' : generated.stderr,
  );

  const built = run('npx', ['tsc', '-p', 'tsconfig.build.json']); // the declarations the typings import
  for (const page of pages) {
    const typed = built.status === 0 ? run('npx', ['tsc', ...compilerOptions, ...page.jsx, page.file]) : built;
    check(`${page.file} (${page.jsx.at(-1) ?? 'vue'})`, typed.status === 0, `${typed.stdout}${typed.stderr}`);
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
const failed = results.filter((ok) => !ok).length;
console.log(`manifest: ${results.length - failed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
