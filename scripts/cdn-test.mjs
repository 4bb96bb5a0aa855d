// The CDN build as a page with no build step uses it: a plain HTML page with one script tag (the
// single module, or the autoloader) and the elements' tags, served beside dist/cdn/, makes a video
// call through the reference hub in Chromium. Each person is a browser context whose requests carry
// their token, as a page signed in by cookie would; the page itself has no script of its own.
// Prints "cdn: N passed, N failed".
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';
import { execSync } from 'node:child_process';
import { chromium } from 'playwright-core';
import { chromiumArgs, chromiumPath } from './browser-flags.mjs';
import { startHubProcess } from './hub-process.mjs';
import { renderedFrames } from './frames.mjs';

execSync('node scripts/cdn-build.mjs', { stdio: 'inherit' });
const directory = JSON.parse(await readFile('hub/fixtures/demo-directory.json', 'utf8'));
const user = (name) => directory.users.find((u) => u.userName === name);
const [alice, bob] = [user('alice'), user('bob')];
const types = { '.js': 'text/javascript', '.map': 'application/json', '.html': 'text/html' };

const hub = await startHubProcess({ THRUME_HUB_MODE: 'extended', THRUME_STUN_URLS: '' });
/** The page: the script tag and the elements, nothing else. */
const page = (script, other, lang) => `<!doctype html>
<html lang="${lang}" dir="${lang === 'ar' ? 'rtl' : 'ltr'}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="icon" href="data:,"><script type="module" src="/cdn/${script}"></script></head>
<body><thrume-call-provider hub-url="${hub.url}/chathub">
<thrume-call-button callee-id="${other.id}" callee-name="${other.displayName}"></thrume-call-button>
<thrume-incoming-call></thrume-incoming-call><thrume-active-call></thrume-active-call>
</thrume-call-provider></body></html>`;
const server = createServer(async (req, res) => {
  const url = new URL(req.url, 'http://127.0.0.1');
  const match = /^\/(thrume-calls|autoloader)\/(alice|bob)\.html$/.exec(url.pathname);
  if (match) {
    const lang = url.searchParams.get('lang') ?? 'en';
    return res
      .writeHead(200, { 'content-type': 'text/html' })
      .end(page(`${match[1]}.js`, match[2] === 'alice' ? bob : alice, lang));
  }
  const file = normalize(join('dist', url.pathname));
  if (!url.pathname.startsWith('/cdn/') || !file.startsWith('dist/cdn/')) return res.writeHead(404).end();
  readFile(file).then(
    (body) => res.writeHead(200, { 'content-type': types[extname(file)] ?? 'application/octet-stream' }).end(body),
    () => res.writeHead(404).end(),
  );
});
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const origin = `http://127.0.0.1:${server.address().port}`;

async function token(userId) {
  const response = await fetch(`${hub.url}/api/auth/dev-token`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ userId }),
  });
  return (await response.json()).accessToken;
}

let passed = 0;
let failed = 0;
const browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs });
try {
  // English, and Arabic, whose strings the page loads from beside the module (locales/ or chunks/).
  const words = { en: { accept: 'Accept', ended: 'Call ended' }, ar: { accept: 'قبول', ended: 'انتهت المكالمة' } };
  for (const [entry, lang] of ['thrume-calls', 'autoloader'].flatMap((entry) => [
    [entry, 'en'],
    [entry, 'ar'],
  ])) {
    const title = `a plain page with ${entry}.js and the tags makes a video call through the hub${lang === 'en' ? '' : `, in ${lang}`}`;
    const problems = [];
    const open = async (who, name) => {
      const context = await browser.newContext({
        extraHTTPHeaders: { Authorization: `Bearer ${await token(who.id)}` },
      });
      const tab = await context.newPage();
      tab.on('pageerror', (e) => problems.push(`${name}: ${e.message}`));
      tab.on('console', (m) => m.type() === 'error' && problems.push(`${name}: ${m.text()}`));
      tab.on('response', (r) => r.status() >= 400 && problems.push(`${name}: HTTP ${r.status()} for ${r.url()}`));
      await tab.goto(`${origin}/${entry}/${name}.html?lang=${lang}`);
      return tab;
    };
    try {
      const [atAlice, atBob] = [await open(alice, 'alice'), await open(bob, 'bob')];
      // Both are online before Alice calls: Bob's page may still be loading its elements.
      const ready = (tab) => tab.locator('thrume-call-button [part~="video"][aria-disabled="false"]');
      await ready(atBob).waitFor({ timeout: 15_000 });
      await ready(atAlice).click({ timeout: 15_000 });
      await atBob
        .locator('thrume-incoming-call [part~="accept"]', { hasText: words[lang].accept })
        .click({ timeout: 15_000 });
      for (const tab of [atAlice, atBob]) {
        await tab.locator('thrume-active-call [part~="base"][data-status="active"]').waitFor({ timeout: 15_000 });
        const width = await renderedFrames(tab.locator('thrume-active-call [part~="remote-video"]'));
        if (!(width > 0)) throw new Error('frames with no width');
      }
      await atAlice.locator('thrume-active-call [part~="hang-up"]').click();
      await atBob
        .locator('thrume-active-call [part~="status"]', { hasText: words[lang].ended })
        .waitFor({ timeout: 10_000 });
      if (problems.length) throw new Error(problems.join('\n'));
      passed++;
      console.log(`  ✓ ${title}`);
    } catch (error) {
      failed++;
      console.log(
        `  ✗ ${title}\n    ${String(error?.message ?? error)
          .split('\n')
          .slice(0, 6)
          .join('\n    ')}`,
      );
    } finally {
      for (const context of browser.contexts()) await context.close();
    }
  }
} finally {
  await browser.close();
  server.close();
  await hub.stop();
}
console.log(`cdn: ${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
