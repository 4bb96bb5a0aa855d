// Runs every test leg, then prints one plain line "N passed, N failed" summed over all of them.
// Each leg prints its own "<label>: N passed, N failed[, N skipped]" line, which is what is summed.
import { runEchoing } from './run-echoing.mjs';

const legs = [
  { label: 'typecheck', cmd: 'npm', args: ['run', 'typecheck'], counts: false },
  { label: 'lint', cmd: 'node', args: ['scripts/lint.mjs'] },
  { label: 'hub', cmd: 'npm', args: ['test', '--workspace', 'hub'] },
  { label: 'chromium', cmd: 'npx', args: ['web-test-runner'] },
  { label: 'firefox', cmd: 'npx', args: ['web-test-runner', '--config', 'web-test-runner.firefox.config.mjs'] },
  // WebKitGTK's MiniBrowser now and then crashes mid-run and takes the runner with it (WebDriver's
  // "session deleted because of page crash or hang"): such a run, and only such, is run once more.
  {
    label: 'webkit',
    cmd: 'npx',
    args: ['web-test-runner', '--config', 'web-test-runner.webkit.config.mjs'],
    rerunWhen: /page crash or hang/,
  },
  { label: 'e2e', cmd: 'npm', args: ['run', 'test:e2e'] },
  { label: 'aspnet', cmd: 'node', args: ['scripts/aspnet-test.mjs'] },
  { label: 'manifest', cmd: 'node', args: ['scripts/check-manifest.mjs'] },
  { label: 'storybook', cmd: 'node', args: ['scripts/storybook-test.mjs'] },
  { label: 'vue', cmd: 'node', args: ['scripts/example-test.mjs', 'vue'] },
  { label: 'react', cmd: 'node', args: ['scripts/example-test.mjs', 'react'] },
  { label: 'package', cmd: 'node', args: ['scripts/package-test.mjs'] },
  { label: 'cdn', cmd: 'node', args: ['scripts/cdn-test.mjs'] },
  { label: 'size', cmd: 'node', args: ['bench/size.mjs', '--budget-kb', '33'], counts: false },
];

const only = process.argv.slice(2);
let passed = 0;
let failed = 0;

for (const leg of legs.filter((l) => only.length === 0 || only.includes(l.label))) {
  console.log(`\n=== ${leg.label} ===`);
  let { code, output } = await runEchoing(leg.cmd, leg.args, { CI: 'true' });
  if (leg.rerunWhen && !summaryOf(leg, output) && leg.rerunWhen.test(output)) {
    console.log(`\n${leg.label}: the browser crashed and stopped the runner; running the leg once more`);
    ({ code, output } = await runEchoing(leg.cmd, leg.args, { CI: 'true' }));
  }
  if (leg.counts === false) {
    code === 0 ? passed++ : failed++;
    console.log(`${leg.label}: ${code === 0 ? 1 : 0} passed, ${code === 0 ? 0 : 1} failed`);
    continue;
  }
  const match = summaryOf(leg, output);
  if (!match) {
    failed++;
    console.log(`${leg.label}: no summary line (exit code ${code}); counted as 1 failure`);
    continue;
  }
  passed += Number(match[1]);
  failed += Number(match[2]) + (code !== 0 && Number(match[2]) === 0 ? 1 : 0);
}

console.log(`\n${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);

/** The leg's last "<label>: N passed, N failed" line, as a match. */
function summaryOf(leg, output) {
  return [...output.matchAll(new RegExp(`^(?:# )?${leg.label}: (\\d+) passed, (\\d+) failed`, 'gm'))].at(-1);
}
