// Phones and desktops, end to end: a video call placed and answered by tapping the elements' own
// buttons, on the demo page and on a page with only the elements, in Chromium's mobile emulation
// (portrait, a small phone, landscape) and at desktop size. At every step the page must not scroll
// sideways, every button of the ringing and active call must be on the screen without scrolling, and
// every touch target must be at least 44x44 CSS px.
import { after, afterEach, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { BrowserContextOptions, Locator, Page } from 'playwright-core';
import { closeBrowser, remoteVideoShows, startStack, stateOf, users, waitForState, type Stack } from './stack.ts';

const phone = { isMobile: true, hasTouch: true };
const devices: Record<string, BrowserContextOptions> = {
  'a phone (390x844)': { ...phone, viewport: { width: 390, height: 844 } },
  'a small phone (320x568)': { ...phone, viewport: { width: 320, height: 568 } },
  'a phone in landscape (844x390)': { ...phone, viewport: { width: 844, height: 390 } },
  'a desktop (1280x800)': { viewport: { width: 1280, height: 800 } },
};
const pages = { 'the demo page': '', 'a page with only the elements': 'bare.html' };

const minTarget = 44;

/** What the layout checks read from a page: its widths, and every visible button, picker and link. */
interface Layout {
  innerWidth: number;
  scrollWidth: number;
  targets: {
    name: string;
    inCall: boolean;
    left: number;
    top: number;
    right: number;
    bottom: number;
    width: number;
    height: number;
  }[];
}

/** The one layout check of every step (see the file's header). */
async function expectFits(page: Page, step: string): Promise<void> {
  const { width, height } = page.viewportSize()!;
  const layout = await page.evaluate((): Layout => {
    const roots: (Document | ShadowRoot)[] = [document];
    const targets: Layout['targets'] = [];
    for (let i = 0; i < roots.length; i++) {
      for (const el of roots[i].querySelectorAll<HTMLElement>('*')) {
        if (el.shadowRoot) roots.push(el.shadowRoot);
        if (!el.matches('button, select, a[href]') || el.getClientRects().length === 0) continue;
        const host = (el.getRootNode() as ShadowRoot).host?.localName ?? '';
        const r = el.getBoundingClientRect();
        const name = `${host} ${el.localName} "${el.getAttribute('aria-label') ?? el.textContent.trim()}"`;
        const inCall = host === 'thrume-incoming-call' || host === 'thrume-active-call';
        targets.push({
          name,
          inCall,
          left: r.left,
          top: r.top,
          right: r.right,
          bottom: r.bottom,
          width: r.width,
          height: r.height,
        });
      }
    }
    return { innerWidth, scrollWidth: document.documentElement.scrollWidth, targets };
  });
  assert.equal(layout.innerWidth, width, `${step}: the page is laid out wider than the screen`);
  assert.ok(
    layout.scrollWidth <= width,
    `${step}: the page scrolls sideways (${layout.scrollWidth} px wide on a ${width} px screen)`,
  );
  assert.ok(layout.targets.length > 0, `${step}: no buttons found`);
  for (const t of layout.targets) {
    const size = `${t.width.toFixed(1)}x${t.height.toFixed(1)}`;
    assert.ok(
      t.width >= minTarget - 0.01 && t.height >= minTarget - 0.01,
      `${step}: ${t.name} is ${size}, under ${minTarget}x${minTarget}`,
    );
    const onScreen = t.left >= 0 && t.top >= 0 && t.right <= width + 0.01 && t.bottom <= height + 0.01;
    if (t.inCall)
      assert.ok(onScreen, `${step}: ${t.name} is off the screen (${t.left},${t.top} to ${t.right},${t.bottom})`);
  }
}

/** Whether the active call covers the whole viewport, as it does on a phone. */
async function coversViewport(page: Page): Promise<boolean> {
  return page.evaluate(() => {
    const base = document
      .querySelector('thrume-active-call')!
      .shadowRoot!.querySelector('[part~="base"]')!
      .getBoundingClientRect();
    return base.left === 0 && base.top === 0 && base.width === innerWidth && base.height === innerHeight;
  });
}

/** Drags the caller's inset with a finger to near the top-left corner, through Chromium's touch input. */
async function dragInsetByTouch(page: Page): Promise<void> {
  await page.bringToFront(); // input reaches the page in front
  const box = (await page.locator('thrume-active-call [part~="inset"]').boundingBox())!;
  const cdp = await page.context().newCDPSession(page);
  // Timestamps as a finger's (50 ms apart), ending held still: a flick would start a fling, and Chromium
  // swallows the next tap to stop a fling.
  const start = Date.now() / 1000;
  let at = 0;
  const touch = (type: 'touchStart' | 'touchMove' | 'touchEnd', x: number, y: number) =>
    cdp.send('Input.dispatchTouchEvent', {
      type,
      timestamp: start + 0.05 * at++,
      touchPoints: type === 'touchEnd' ? [] : [{ x, y }],
    });
  const [x0, y0] = [box.x + box.width / 2, box.y + box.height / 2];
  await touch('touchStart', x0, y0);
  for (let step = 1; step <= 5; step++)
    await touch('touchMove', x0 + ((60 - x0) * step) / 5, y0 + ((120 - y0) * step) / 5);
  for (let still = 0; still < 5; still++) await touch('touchMove', 60, 120);
  await touch('touchEnd', 60, 120);
  await cdp.detach();
}

/** Which corner the inset is in, and which video it shows (runs in the page). */
function insetOfPage() {
  const inset = document
    .querySelector('thrume-active-call')!
    .shadowRoot!.querySelector<HTMLElement>('[part~="inset"]')!;
  return { corner: inset.dataset.corner, video: inset.querySelector('video')!.getAttribute('part') };
}
const insetOf = (page: Page) => page.evaluate(insetOfPage);

after(closeBrowser);

describe('calls on phones and desktops', () => {
  let stack: Stack;
  before(async () => {
    stack = await startStack('extended');
  });
  after(() => stack.close());
  afterEach(() => stack.closePages());

  for (const [pageName, path] of Object.entries(pages)) {
    for (const [deviceName, device] of Object.entries(devices)) {
      it(`places, answers and ends a video call on ${pageName} on ${deviceName}`, async () => {
        const press = (target: Locator) => (device.hasTouch ? target.tap() : target.click());
        const onPhone = device.isMobile === true;
        const alice = await stack.open('alice', 'bob', { page: path, device });
        const bob = await stack.open('bob', 'alice', { page: path, device });
        await expectFits(alice, 'before the call');

        await press(alice.getByRole('button', { name: `Video call with ${users.bob.displayName}` }));
        const dialog = bob.getByRole('alertdialog');
        await dialog.waitFor();
        await waitForState(alice, (s) => s.status === 'calling');
        await expectFits(alice, 'ringing');
        await expectFits(bob, 'incoming');

        await press(dialog.getByRole('button', { name: 'Accept', exact: true }));
        await Promise.all([
          waitForState(alice, (s) => s.status === 'active'),
          waitForState(bob, (s) => s.status === 'active'),
        ]);
        await Promise.all([remoteVideoShows(alice, 'camera'), remoteVideoShows(bob, 'camera')]);
        await expectFits(alice, 'connected (caller)');
        await expectFits(bob, 'connected (callee)');
        assert.equal(await coversViewport(alice), onPhone, 'the call covers the screen on a phone only');
        if (onPhone) {
          await press(alice.getByRole('button', { name: 'Swap videos' }));
          // Polled on a timer: animation frames may not come to a page in the background.
          await alice.waitForFunction(`(${String(insetOfPage)})().video === 'remote-video'`, null, { polling: 100 });
          await expectFits(alice, 'connected, videos swapped');
          await dragInsetByTouch(alice);
          await alice.waitForFunction(`(${String(insetOfPage)})().corner === 'top-start'`, null, { polling: 100 });
          assert.equal((await insetOf(alice)).video, 'remote-video', 'a drag moves the inset and swaps nothing');
          await expectFits(alice, 'connected, inset dragged');
        }

        await press(alice.getByRole('button', { name: 'Hang up' }));
        await Promise.all([
          waitForState(alice, (s) => s.status === 'ended'),
          waitForState(bob, (s) => s.status === 'ended'),
        ]);
        await expectFits(alice, 'ended (caller)');
        await expectFits(bob, 'ended (callee)');

        for (const [party, reason] of [
          [alice, 'hangup'],
          [bob, 'remote-hangup'],
        ] as const) {
          assert.equal((await stateOf(party)).liveLocalTracks, 0);
          await press(party.getByRole('button', { name: 'Close' }));
          assert.deepEqual((await waitForState(party, (s) => s.status === 'idle')).historyReasons, [reason]);
        }
      });
    }
  }
});
