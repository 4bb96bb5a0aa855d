// A framework example (examples/<name>/): it typechecks, it builds, and a call placed and answered by
// clicks runs in it in Chromium (vite preview on 127.0.0.1, a free port, stopped by its handle).
// Usage: node scripts/example-test.mjs vue|react. Prints "<name>: N passed, N failed".
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { build, preview } from 'vite';
import { chromium } from 'playwright-core';
import { chromiumArgs, chromiumPath } from './browser-flags.mjs';
import { renderedFrames } from './frames.mjs';

/** What each example checks before its typecheck. */
const examples = {
  vue: [
    [
      'its element types are generated from the current custom-elements.json',
      'node',
      ['examples/vue/scripts/element-types.mjs', '--check'],
    ],
  ],
  // It type-checks against the package's built declarations, as an app that installed it does.
  react: [["the kit's declarations build", 'npx', ['tsc', '-p', 'tsconfig.build.json']]],
};
const name = process.argv[2];
if (!examples[name]) throw new Error(`usage: node scripts/example-test.mjs ${Object.keys(examples).join('|')}`);

const root = fileURLToPath(new URL(`../examples/${name}/`, import.meta.url));
const configFile = `${root}vite.config.ts`;
let passed = 0;
let failed = 0;

async function check(what, fn) {
  try {
    await fn();
    passed++;
    console.log(`  ✓ ${what}`);
  } catch (error) {
    failed++;
    console.log(
      `  ✗ ${what}\n    ${String(error?.stack ?? error)
        .split('\n')
        .slice(0, 6)
        .join('\n    ')}`,
    );
  }
}

function run(cmd, args) {
  const result = spawnSync(cmd, args, { encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`${cmd} ${args.join(' ')}\n${result.stdout}${result.stderr}`);
}

console.log(`${name} example`);
for (const [what, cmd, args] of examples[name]) await check(what, () => run(cmd, args));
await check('it typechecks against the kit', () => run('npx', ['tsc', '-p', `${root}tsconfig.json`]));
let built = false;
await check('it builds with Vite', async () => {
  await build({ root, configFile, logLevel: 'warn' });
  built = true;
});

if (built) {
  const server = await preview({
    root,
    configFile,
    logLevel: 'warn',
    preview: { host: '127.0.0.1', port: 0, strictPort: true, open: false },
  });
  const browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs });
  try {
    const url = server.resolvedUrls.local[0];
    const page = await browser.newPage();
    const problems = [];
    page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
    page.on('console', (m) => m.type() === 'error' && problems.push(`console: ${m.text()}`));
    await page.goto(url);
    const alice = (css, options) => page.locator(`[data-party="alice"] ${css}`, options);
    const bob = (css, options) => page.locator(`[data-party="bob"] ${css}`, options);

    await check('it renders both conversation views with their call buttons', async () => {
      await alice('thrume-call-button [part~="video"][aria-disabled="false"]').waitFor({ timeout: 10_000 });
      await bob('thrume-call-button [part~="video"][aria-disabled="false"]').waitFor({ timeout: 10_000 });
      const title = await alice('h1').textContent();
      if (title !== 'Bob Okafor') throw new Error(`header says ${title}`);
    });

    await check('a video call placed and answered by clicks has frames on both sides, and hangs up', async () => {
      await alice('thrume-call-button [part~="video"]').click();
      const caller = await bob('thrume-incoming-call [part~="name"]').textContent({ timeout: 10_000 });
      if (caller !== 'Alice Moreau')
        throw new Error(`bob's dialog names the caller ${caller}, not the app's name for her`);
      await bob('thrume-incoming-call [part~="accept"]').click({ timeout: 10_000 });
      await alice('thrume-active-call [part~="base"][data-status="active"]').waitFor({ timeout: 15_000 });
      await bob('thrume-active-call [part~="base"][data-status="active"]').waitFor({ timeout: 15_000 });
      for (const side of [alice, bob]) {
        const video = side('thrume-active-call [part~="remote-video"]');
        await video.waitFor({ timeout: 10_000 });
        const width = await renderedFrames(video);
        if (!(width > 0)) throw new Error('no frames');
      }
      const log = await alice('.messages').textContent();
      if (!log.includes('Alice Moreau started a video call'))
        throw new Error(`the app did not hear thrume-call: ${log}`);
      await alice('thrume-active-call [part~="hang-up"]').click();
      await bob('thrume-active-call [part~="status"]', { hasText: 'Call ended' }).waitFor({ timeout: 10_000 });
      await bob('thrume-active-call [part~="close"]').click();
      await alice('thrume-active-call [part~="close"]').click();
      if (problems.length) throw new Error(problems.join('\n'));
    });
  } finally {
    await browser.close();
    await server.close();
  }
}

console.log(`${name}: ${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
