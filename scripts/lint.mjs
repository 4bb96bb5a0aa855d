// The lint leg: `eslint .` then `prettier --check .`, each one check. Prints what fails, then the
// line "lint: N passed, N failed"; exits non-zero when either fails.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);
const root = join(dirname(new URL(import.meta.url).pathname), '..');

const checks = [
  { label: 'eslint', bin: binOf('eslint'), args: ['.'] },
  { label: 'prettier', bin: binOf('prettier'), args: ['--check', '.'] },
];

let passed = 0;
let failed = 0;
for (const check of checks) {
  const started = performance.now();
  const { code, output } = await run(check.bin, check.args);
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  if (code === 0) {
    passed++;
    console.log(`lint: ${check.label} passed (${seconds} s)`);
  } else {
    failed++;
    process.stdout.write(output.endsWith('\n') || output === '' ? output : `${output}\n`);
    console.log(`lint: ${check.label} failed (exit code ${code}, ${seconds} s)`);
  }
}

console.log(`lint: ${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);

/** The path of a package's command-line script, from its package.json `bin`. */
function binOf(name) {
  const manifest = require.resolve(`${name}/package.json`);
  const { bin } = JSON.parse(readFileSync(manifest, 'utf8'));
  return join(dirname(manifest), typeof bin === 'string' ? bin : bin[name]);
}

function run(bin, args) {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [bin, ...args], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('error', (error) => resolve({ code: 1, output: `${error.message}\n` }));
    child.on('close', (code) => resolve({ code: code ?? 1, output }));
  });
}
