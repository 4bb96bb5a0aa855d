// Screenshots of the phone layouts (and the call at a desktop size, to compare) for docs/screenshots/: starts the hub and the demo pages on free
// ports, places a video call between two phones (Chromium's mobile emulation), captures each step, and
// stops everything. Usage: npm run screenshots [-- --out <dir>]
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { closeBrowser, remoteVideoShows, startStack, users, waitForState } from '../test/e2e/stack.ts';

const outIndex = process.argv.indexOf('--out');
const outDir = outIndex > 0 ? process.argv[outIndex + 1]! : 'docs/screenshots';
mkdirSync(outDir, { recursive: true });

const phone = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 1 };
const landscape = { width: 844, height: 390 };

/** Waits until each of the call's videos has presented a few new frames (or 3 s), so the shot shows them. */
// A string, as tsx would wrap named functions in a helper that the page does not have.
const framesPainted = (page: Page) =>
  page.evaluate(`Promise.race([
    Promise.all([...(document.querySelector('thrume-active-call')?.shadowRoot?.querySelectorAll('video') ?? [])].map(
      (video) => new Promise((resolve) => {
        let seen = 0;
        const next = () => (++seen >= 3 ? resolve() : video.requestVideoFrameCallback(next));
        video.requestVideoFrameCallback(next);
      }))),
    new Promise((resolve) => setTimeout(resolve, 3000)),
  ])`);

const shoot = async (page: Page, name: string) => {
  await framesPainted(page);
  await page.screenshot({ path: join(outDir, `${name}.png`) });
};

const stack = await startStack('extended');
try {
  const alice = await stack.open('alice', 'bob', { device: phone });
  const bob = await stack.open('bob', 'alice', { device: phone });
  await shoot(alice, 'phone-conversation');
  await alice.getByRole('button', { name: `Video call with ${users.bob!.displayName}` }).tap();
  const dialog = bob.getByRole('alertdialog');
  await dialog.waitFor();
  await shoot(bob, 'phone-incoming');
  await dialog.getByRole('button', { name: 'Accept', exact: true }).tap();
  await Promise.all([
    waitForState(alice, (s) => s.status === 'active'),
    waitForState(bob, (s) => s.status === 'active'),
  ]);
  await bob.setViewportSize(landscape);
  await Promise.all([remoteVideoShows(alice, 'camera'), remoteVideoShows(bob, 'camera')]);
  await shoot(alice, 'phone-call');
  await shoot(bob, 'phone-call-landscape');
  // Muted, and speaking (the fake microphone beeps): "You are muted".
  await alice.locator('thrume-active-call [part~="microphone"]').tap();
  await alice.locator('thrume-active-call [part~="muted-hint"]').waitFor();
  await shoot(alice, 'phone-call-muted');
  await alice.locator('thrume-active-call [part~="microphone"]').tap();
  await alice.setViewportSize({ width: 1280, height: 800 });
  await alice.waitForTimeout(1000); // the videos paint again at their new size
  await shoot(alice, 'desktop-call');
  // The same call in Arabic, right to left: the controls and the self view's corner mirror.
  await alice.evaluate(() => Object.assign(document.documentElement, { lang: 'ar', dir: 'rtl' }));
  await alice.locator('thrume-active-call [part~="hang-up"][title^="إنهاء المكالمة"]').waitFor();
  await framesPainted(alice);
  await alice.locator('thrume-active-call').screenshot({ path: join(outDir, 'desktop-call-rtl.png') });
  await alice.setViewportSize(phone.viewport);
  await alice.waitForTimeout(1000); // the videos paint again at their new size
  await shoot(alice, 'phone-call-rtl');
  console.log(`screenshots in ${outDir}`);
} finally {
  await stack.close();
  await closeBrowser();
}
