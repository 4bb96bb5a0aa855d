// Runs every hub/test/*.test.ts with Node's test runner (spec reporter, through tsx) and ends with one
// plain line "hub: N passed, N failed", which the root test script sums. Extra arguments are passed to
// node (for example --test-name-pattern=...). Exit code: the test runner's.
import { spawn } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const files = readdirSync(join(root, 'test'))
  .filter((name) => name.endsWith('.test.ts'))
  .sort()
  .map((name) => join('test', name));

if (files.length === 0) {
  console.log('hub: 0 passed, 0 failed');
  process.exit(0);
}

const args = ['--import', 'tsx', '--test', '--test-reporter=spec', ...process.argv.slice(2), ...files];
const child = spawn(process.execPath, args, { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
let output = '';
for (const [stream, sink] of [
  [child.stdout, process.stdout],
  [child.stderr, process.stderr],
]) {
  stream.on('data', (chunk) => {
    output += chunk;
    sink.write(chunk);
  });
}

child.on('close', (code, signal) => {
  const count = (label) => {
    const match = [...output.matchAll(new RegExp(`^\\S*\\s*${label} (\\d+)\\s*$`, 'gm'))].at(-1);
    return match ? Number(match[1]) : 0;
  };
  const passed = count('pass');
  let failed = count('fail') + count('cancelled');
  if ((code !== 0 || signal) && failed === 0) failed = 1; // the runner itself failed (crash, no summary)
  console.log(`hub: ${passed} passed, ${failed} failed`);
  process.exit(code ?? 1);
});
