// Runs every <dir>/*<suffix> with Node's test runner (spec reporter, through tsx) and ends with one
// plain line "<label>: N passed, N failed", which the root test script sums. Extra arguments are passed
// to node (for example --test-name-pattern=...). Exit code: the test runner's.
// Usage: node scripts/node-tests.mjs <label> <dir> <suffix> [node args...]   (paths from the cwd)
import { runEchoing } from './run-echoing.mjs';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';

const [label, dir, suffix, ...nodeArgs] = process.argv.slice(2);
const files = readdirSync(dir)
  .filter((name) => name.endsWith(suffix))
  .sort()
  .map((name) => join(dir, name));

if (files.length === 0) {
  console.log(`${label}: 0 passed, 0 failed`);
  process.exit(0);
}

const args = ['--import', 'tsx', '--test', '--test-reporter=spec', ...nodeArgs, ...files];
const { code, signal, output } = await runEchoing(process.execPath, args);
const count = (label) => {
  const match = [...output.matchAll(new RegExp(`^\\S*\\s*${label} (\\d+)\\s*$`, 'gm'))].at(-1);
  return match ? Number(match[1]) : 0;
};
const passed = count('pass');
let failed = count('fail') + count('cancelled');
if ((code !== 0 || signal) && failed === 0) failed = 1; // the runner itself failed (crash, no summary)
console.log(`${label}: ${passed} passed, ${failed} failed`);
process.exit(code ?? 1);
