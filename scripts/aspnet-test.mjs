// The aspnet leg: the kit against Microsoft's SignalR server, the ASP.NET app that hosts Thrume's ChatHub
// as it is deployed (interop/aspnet). It builds the app once, then runs the differential check (the same
// scripted session against the reference hub's baseline mode and the app), the browser tests of
// test/aspnet/ in Chromium and in Firefox, and the demo's end-to-end calls, and sums them in one plain
// line "aspnet: N passed, N failed".
import { buildAspnetApp } from './aspnet-app.mjs';
import { runEchoing } from './run-echoing.mjs';

const parts = [
  { label: 'differential', cmd: 'node', args: ['interop/differential.mjs'] },
  ...['chromium', 'firefox'].map((browser) => ({
    label: `aspnet ${browser}`,
    cmd: 'npx',
    args: ['web-test-runner', '--config', 'web-test-runner.aspnet.config.mjs'],
    env: { THRUME_BROWSER: browser },
  })),
  {
    label: 'aspnet-e2e',
    cmd: 'node',
    args: ['scripts/node-tests.mjs', 'aspnet-e2e', 'test/e2e', 'calls.e2e.ts'],
    env: { THRUME_E2E_TARGETS: 'aspnet' },
  },
];

try {
  await buildAspnetApp();
} catch (error) {
  console.log(error.message);
  console.log('aspnet: 0 passed, 1 failed');
  process.exit(1);
}

let passed = 0;
let failed = 0;
for (const part of parts) {
  const { output } = await runEchoing(part.cmd, part.args, part.env);
  const summary = [...output.matchAll(new RegExp(`^${part.label}: (\\d+) passed, (\\d+) failed`, 'gm'))].at(-1);
  if (!summary) console.log(`${part.label}: no summary line; counted as 1 failure`);
  passed += summary ? Number(summary[1]) : 0;
  failed += summary ? Number(summary[2]) : 1;
}
console.log(`aspnet: ${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
