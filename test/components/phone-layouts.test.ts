import { needs } from '../support/needs.js';
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { resetMouse, sendKeys, sendMouse, setViewport } from '@web/test-runner-commands';
import '../../src/elements.js';
import type { ThrumeActiveCall, ThrumeIncomingCall } from '../../src/elements.js';
import { ScriptedController, scene, type SceneName } from '../../src/testing/scripted-controller.js';
import { canvasTrack, oscillatorTrack } from '../../src/testing/synthetic-media.js';

const part = (el: HTMLElement, name: string) => el.shadowRoot!.querySelector<HTMLElement>(`[part~="${name}"]`);
const made: MediaStreamTrack[] = [];
const keep = (...tracks: MediaStreamTrack[]) => (made.push(...tracks), new MediaStream(tracks));
const media = () => ({
  local: keep(oscillatorTrack(), canvasTrack('me')),
  remote: keep(oscillatorTrack(), canvasTrack('them')),
});

const phone = { width: 390, height: 844 };
const desktop = { width: 1280, height: 800 };
const centre = (el: Element) => {
  const r = el.getBoundingClientRect();
  return [Math.round(r.left + r.width / 2), Math.round(r.top + r.height / 2)] as [number, number];
};
const covers = (el: Element) => {
  const r = el.getBoundingClientRect();
  return r.left === 0 && r.top === 0 && r.width === innerWidth && r.height === innerHeight;
};

async function activeCall(name: SceneName = 'active-video', scheme = 'light') {
  const controller = new ScriptedController(scene(name, { media: media() }));
  const root = await fixture<HTMLDivElement>(html`<div style="--thrume-color-scheme: ${scheme}">
    <button id="before">Messages</button>
    <thrume-active-call silent .controller=${controller}></thrume-active-call>
  </div>`);
  const el = root.querySelector<ThrumeActiveCall>('thrume-active-call')!;
  return { el, controller, before: root.querySelector<HTMLButtonElement>('#before')! };
}

/** Waits until the call covers the viewport with its phone styles, loaded on demand. */
const coveringViewport = (el: ThrumeActiveCall) =>
  waitUntil(() => part(el, 'base') && covers(part(el, 'base')!), 'the call does not cover the viewport', {
    timeout: 5000,
  });

afterEach(async () => {
  made.splice(0).forEach((t) => t.stop());
  await resetMouse();
  await setViewport({ width: 800, height: 600 });
});

needs('viewport').describe('phone layouts', () => {
  describe('<thrume-active-call>', () => {
    it('covers the viewport on a phone, takes focus, and stays in place on a desktop', async () => {
      await setViewport(phone);
      const { el, controller, before } = await activeCall('idle');
      before.focus();
      controller.set(scene('calling', { media: media() }));
      await coveringViewport(el);
      expect(el.overlaid).to.equal(true);
      expect(part(el, 'base')!.getAttribute('aria-modal')).to.equal('true');
      expect(el.shadowRoot!.activeElement).to.equal(part(el, 'hang-up'));

      await setViewport(desktop);
      await waitUntil(() => !el.overlaid, 'still overlaid on a desktop');
      // The in-place layout lands a frame after the property: wait for it, not for a fixed time.
      await waitUntil(() => !covers(part(el, 'base')!), 'still covering the viewport on a desktop');
      expect(part(el, 'base')!.hasAttribute('aria-modal')).to.equal(false);
    });

    it('stays in place on a phone with overlay="never", and covers a desktop with overlay="always"', async () => {
      await setViewport(phone);
      const { el } = await activeCall();
      el.overlay = 'never';
      await el.updateComplete;
      expect(covers(part(el, 'base')!)).to.equal(false);
      await setViewport(desktop);
      el.overlay = 'always';
      await coveringViewport(el);
    });

    it('keeps Tab within the call while it covers the viewport', async () => {
      await setViewport(phone);
      const { el } = await activeCall();
      await coveringViewport(el);
      const stops = [...el.shadowRoot!.querySelectorAll<HTMLElement>('button, select')];
      stops.at(-1)!.focus();
      await sendKeys({ press: 'Tab' });
      expect(el.shadowRoot!.activeElement).to.equal(stops[0]);
      await sendKeys({ down: 'Shift' });
      await sendKeys({ press: 'Tab' });
      await sendKeys({ up: 'Shift' });
      expect(el.shadowRoot!.activeElement).to.equal(stops.at(-1));
    });

    it('swaps the inset and the large video on a tap of the inset', async () => {
      await setViewport(phone);
      const { el } = await activeCall();
      await coveringViewport(el);
      expect(part(el, 'inset')!.contains(part(el, 'local-video'))).to.equal(true);
      await sendMouse({ type: 'click', position: centre(part(el, 'inset')!) });
      await el.updateComplete;
      expect(part(el, 'inset')!.contains(part(el, 'remote-video'))).to.equal(true);
      expect(part(el, 'stage')!.contains(part(el, 'local-video'))).to.equal(true);
      expect(part(el, 'swap')!.getAttribute('aria-pressed')).to.equal('true');
    });

    it('swaps from the keyboard with the swap button, at a desktop width too', async () => {
      await setViewport(desktop);
      const { el } = await activeCall();
      const swap = part(el, 'swap')!;
      expect(swap.textContent.trim()).to.equal('Swap videos');
      swap.focus();
      await sendKeys({ press: 'Enter' });
      await el.updateComplete;
      expect(part(el, 'inset')!.contains(part(el, 'remote-video'))).to.equal(true);
      part(el, 'swap')!.focus();
      await sendKeys({ press: ' ' });
      await el.updateComplete;
      expect(part(el, 'inset')!.contains(part(el, 'local-video'))).to.equal(true);
      expect(part(el, 'swap')!.getAttribute('aria-pressed')).to.equal('false');
    });

    it('offers no swap while only one video shows', async () => {
      const { el } = await activeCall('calling');
      expect(part(el, 'inset')!.contains(part(el, 'local-video'))).to.equal(true);
      expect(part(el, 'swap')).to.equal(null);
    });

    it('drags the inset to the corner nearest where it is let go, without swapping, on a phone', async () => {
      await setViewport(phone);
      const { el } = await activeCall();
      await coveringViewport(el);
      const inset = part(el, 'inset')!;
      expect(inset.dataset.corner).to.equal('bottom-end');
      await sendMouse({ type: 'move', position: centre(inset) });
      await sendMouse({ type: 'down' });
      await sendMouse({ type: 'move', position: [80, 150] });
      await waitUntil(() => inset.style.translate !== '', 'the inset does not follow the pointer');
      await sendMouse({ type: 'up' });
      await el.updateComplete;
      const moved = part(el, 'inset')!;
      expect(moved.dataset.corner).to.equal('top-start');
      expect(moved.style.translate).to.equal('');
      const [x, y] = centre(moved);
      expect(x < innerWidth / 2 && y < innerHeight / 2, `inset at ${x},${y}`).to.equal(true);
      expect(moved.contains(part(el, 'local-video')), 'a drag is no tap').to.equal(true);
    });

    it('fits six controls at 320 px wide, each at least 44x44 and on the screen', async () => {
      await setViewport({ width: 320, height: 568 });
      const { el } = await activeCall();
      await coveringViewport(el);
      // Picture-in-picture and full screen are there where the browser has them; clones make up six everywhere.
      const controls = part(el, 'controls')!;
      const shown = controls.querySelectorAll('button').length;
      expect(shown).to.equal(
        4 + Number(document.fullscreenEnabled) + Number(document.pictureInPictureEnabled === true),
      );
      for (const source of [...controls.querySelectorAll('button')].slice(0, 6 - shown))
        controls.append(source.cloneNode(true));
      const buttons = [...el.shadowRoot!.querySelectorAll('button, select')].map((b) => b.getBoundingClientRect());
      expect(controls.querySelectorAll('button').length).to.equal(6);
      for (const r of buttons) {
        expect(r.width >= 44 && r.height >= 44, `${r.width}x${r.height}`).to.equal(true);
        expect(
          r.left >= 0 && r.right <= 320 && r.top >= 0 && r.bottom <= 568,
          `${r.left},${r.top} to ${r.right},${r.bottom}`,
        ).to.equal(true);
      }
      expect(document.documentElement.scrollWidth).to.equal(320);
    });

    for (const [size, viewport] of Object.entries({ 'a phone': phone, 'a desktop': desktop })) {
      for (const scheme of ['light', 'dark']) {
        it(`is accessible in every state on ${size}, ${scheme}`, async () => {
          await setViewport(viewport);
          for (const name of [
            'calling',
            'active-voice',
            'active-video',
            'screen-sharing',
            'reconnecting',
            'ended',
          ] as const) {
            const { el } = await activeCall(name, scheme);
            if (viewport === phone) await coveringViewport(el);
            await expect(el, name).to.be.accessible();
            if (name !== 'active-video') continue;
            part(el, 'swap')!.click();
            await el.updateComplete;
            await expect(el, 'swapped').to.be.accessible();
          }
        });
      }
    }
  });

  describe('<thrume-incoming-call>', () => {
    async function ringing(scheme = 'light') {
      const controller = new ScriptedController(scene('incoming-video'));
      const root = await fixture(html`<div style="--thrume-color-scheme: ${scheme}">
        <thrume-incoming-call silent .controller=${controller}></thrume-incoming-call>
      </div>`);
      return root.querySelector<ThrumeIncomingCall>('thrume-incoming-call')!;
    }

    it('is a sheet along the bottom edge with large buttons on a phone, and a card on a desktop', async () => {
      await setViewport({ width: 320, height: 568 });
      const el = await ringing();
      const sheet = part(el, 'base')!;
      await waitUntil(() => sheet.getBoundingClientRect().bottom === innerHeight, 'not along the bottom edge');
      const r = sheet.getBoundingClientRect();
      expect([r.left, r.width]).to.deep.equal([0, 320]);
      for (const button of el.shadowRoot!.querySelectorAll('button')) {
        const b = button.getBoundingClientRect();
        expect(
          b.height >= 56 && b.left >= 0 && b.right <= 320 && b.top >= 0,
          `${button.textContent.trim()}: ${b.width}x${b.height}`,
        ).to.equal(true);
      }

      await setViewport(desktop);
      await waitUntil(() => sheet.getBoundingClientRect().bottom < innerHeight, 'still a sheet on a desktop');
      for (const button of el.shadowRoot!.querySelectorAll('button'))
        expect(button.getBoundingClientRect().height).to.be.at.least(44);
    });

    for (const [size, viewport] of Object.entries({ 'a phone': phone, 'a desktop': desktop })) {
      for (const scheme of ['light', 'dark']) {
        it(`is accessible on ${size}, ${scheme}`, async () => {
          await setViewport(viewport);
          const el = await ringing(scheme);
          await expect(el).to.be.accessible();
        });
      }
    }
  });
});
