// Call setup benchmark: from the callee's "accept" to the first decoded remote frame on both sides,
// through the reference hub with the kit's controllers, beside the in-page peer-connection floor
// (same media, zero-latency signaling) measured in the same browser in the same run, interleaved.
// Usage: node bench/call-setup.mjs [runs=15]
import { build } from 'esbuild';
import { createServer } from 'node:http';
import { chromium } from 'playwright-core';
import { startHubProcess } from '../scripts/hub-process.mjs';
import { chromiumArgs, chromiumPath } from '../scripts/browser-flags.mjs';

const runs = Number(process.argv[2] ?? 15);
const alice = 'a11ce000-0000-4000-8000-000000000001';
const bob = 'b0b00000-0000-4000-8000-000000000002';
const conversation = 'c0000000-0000-4000-8000-0000000000ab';

const bundle = await build({
  entryPoints: ['bench/pages/call-setup.ts'],
  bundle: true,
  format: 'esm',
  write: false,
  minify: true,
  conditions: ['production'],
  tsconfig: 'tsconfig.json',
  logLevel: 'error',
});
const page = createServer((req, res) => {
  if (req.url === '/bench.js')
    return res.writeHead(200, { 'content-type': 'text/javascript' }).end(bundle.outputFiles[0].contents);
  res
    .writeHead(200, { 'content-type': 'text/html' })
    .end('<!doctype html><script type="module" src="/bench.js"></script>');
});
await new Promise((resolve) => page.listen(0, '127.0.0.1', resolve));
const hub = await startHubProcess({ THRUME_CALL_RATE_PER_MINUTE: '10000' });
const browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs, headless: true });

try {
  const tab = await browser.newPage();
  await tab.goto(`http://127.0.0.1:${page.address().port}/`);
  await tab.waitForFunction(() => 'kitCall' in window);
  const token = async (userId) => {
    const response = await fetch(`${hub.url}/api/auth/dev-token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ userId }),
    });
    return (await response.json()).accessToken;
  };
  const tokens = [await token(alice), await token(bob)];
  const kit = [];
  const floor = [];
  await tab.evaluate(() => window.floorCall()); // warm-up: codecs, fake devices
  for (let i = 0; i < runs; i++) {
    floor.push(await tab.evaluate(() => window.floorCall()));
    kit.push(
      await tab.evaluate(([url, t, id, c]) => window.kitCall(url, t, id, c), [hub.url, tokens, bob, conversation]),
    );
  }
  const pct = (xs, p) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))];
  const line = (label, xs) =>
    `${label.padEnd(34)} p50 ${pct(xs, 50).toFixed(0).padStart(4)} ms   p90 ${pct(xs, 90).toFixed(0).padStart(4)} ms`;
  console.log(
    `call setup, accept -> first remote frame on both sides, ${runs} runs each, Chromium ${browser.version()}`,
  );
  console.log(line('in-page peer connection floor', floor));
  console.log(line('kit through the hub (SignalR)', kit));
  console.log(`ratio of p50s: ${(pct(kit, 50) / pct(floor, 50)).toFixed(2)} (target <= 1.3)`);
} finally {
  await browser.close();
  await hub.stop();
  page.close();
}
