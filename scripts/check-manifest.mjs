// Regenerates custom-elements.json into a temporary folder and compares it with the committed one.
// (The analyzer takes --outdir relative to the working folder.) Prints "manifest: 1 passed, 0 failed" when they match; otherwise says how to update and fails.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { isDeepStrictEqual } from 'node:util';

const dir = mkdtempSync(join(tmpdir(), 'thrume-cem-'));
try {
  const run = spawnSync('npx', ['cem', 'analyze', '--outdir', relative(process.cwd(), dir)], { encoding: 'utf8' });
  if (run.status !== 0) {
    console.error(run.stdout, run.stderr);
    console.log('manifest: 0 passed, 1 failed');
    process.exit(1);
  }
  const fresh = JSON.parse(readFileSync(join(dir, 'custom-elements.json'), 'utf8'));
  const committed = JSON.parse(readFileSync('custom-elements.json', 'utf8'));
  if (!isDeepStrictEqual(fresh, committed)) {
    console.error('custom-elements.json is out of date with the JSDoc: run `npm run manifest` and commit it.');
    console.log('manifest: 0 passed, 1 failed');
    process.exit(1);
  }
  console.log('manifest: 1 passed, 0 failed');
} finally {
  rmSync(dir, { recursive: true, force: true });
}
