// Runs every story in Chromium through Storybook's Vitest addon (project "storybook" in
// vitest.config.ts) and prints "storybook: N passed, N failed" from Vitest's JSON report.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const dir = mkdtempSync(join(tmpdir(), 'thrume-stories-'));
const report = join(dir, 'report.json');
const child = spawn(
  'npx',
  ['vitest', 'run', '--project', 'storybook', '--reporter=default', '--reporter=json', `--outputFile.json=${report}`],
  { stdio: 'inherit', env: { ...process.env, STORYBOOK_DISABLE_TELEMETRY: '1' } },
);
const code = await new Promise((resolve) => child.on('close', (c) => resolve(c ?? 1)));
let passed = 0;
let failed = 0;
try {
  const json = JSON.parse(readFileSync(report, 'utf8'));
  passed = json.numPassedTests;
  failed = json.numFailedTests + (json.numTotalTestSuites === 0 ? 1 : 0);
} catch {
  failed = 1; // no report: Vitest did not run
}
if (code !== 0 && failed === 0) failed = 1;
rmSync(dir, { recursive: true, force: true });
console.log(`storybook: ${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
