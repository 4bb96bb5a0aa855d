import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/elements.js';
import { loadLocale } from '../../src/locale.js';
import { ScriptedController, scene } from '../../src/testing/scripted-controller.js';
import { sceneMedia, stopSceneMedia } from '../support/scene-media.js';
import { needs } from '../support/needs.js';
import { chord } from '../support/keys.js';

const part = (el: HTMLElement, name: string) => el.shadowRoot!.querySelector<HTMLElement>(`[part~="${name}"]`);
afterEach(stopSceneMedia);

/** A page with a text field, a button and another dialog beside the call; focus on the body. */
async function page(patch = scene('active-video', { media: sceneMedia() })) {
  const controller = new ScriptedController(patch);
  const root = await fixture<HTMLDivElement>(html`<div>
    <input id="field" aria-label="Message" /><button id="before">Messages</button>
    <div role="dialog" aria-label="Settings"><button id="in-dialog">OK</button></div>
    <thrume-active-call silent .controller=${controller}></thrume-active-call>
  </div>`);
  const el = root.querySelector('thrume-active-call')!;
  await el.updateComplete; // the shortcuts load with the first call shown
  (document.activeElement as HTMLElement | null)?.blur();
  return { el, controller, root, focus: (id: string) => root.querySelector<HTMLElement>(`#${id}`)!.focus() };
}

describe('<thrume-active-call> keyboard shortcuts', () => {
  needs('keyChords').it('toggle the microphone, the camera, and hang up, from anywhere on the page', async () => {
    const { controller } = await page();
    await chord('Control', 'Shift', 'KeyM');
    await chord('Control', 'Shift', 'KeyO');
    await chord('Control', 'Shift', 'KeyH');
    expect(controller.intents).to.deep.equal(['toggleMute', 'toggleCamera', 'endCall']);
  });

  needs('keyChords').it(
    'are not taken while focus is in a text field or another dialog, nor by a key with other modifiers',
    async () => {
      const { controller, focus } = await page();
      focus('field');
      await chord('Control', 'Shift', 'KeyM');
      focus('in-dialog');
      await chord('Control', 'Shift', 'KeyM');
      focus('before');
      await chord('Control', 'KeyM');
      expect(controller.intents).to.deep.equal([]);
      await chord('Control', 'Shift', 'KeyM');
      expect(controller.intents).to.deep.equal(['toggleMute']);
    },
  );

  it('show in the tooltips and aria-keyshortcuts, in the element’s language', async () => {
    const { el } = await page();
    expect(part(el, 'microphone')!.getAttribute('aria-keyshortcuts')).to.equal('Control+Shift+M');
    expect(part(el, 'microphone')!.title).to.equal('Mute microphone (Ctrl+Shift+M)');
    expect(part(el, 'hang-up')!.title).to.equal('Hang up (Ctrl+Shift+H)');
    expect(part(el, 'screen-share')?.hasAttribute('aria-keyshortcuts') ?? false).to.equal(false);
    await loadLocale('de');
    el.lang = 'de'; // seen by a MutationObserver, then rendered
    await new Promise((r) => setTimeout(r));
    await el.updateComplete;
    expect(part(el, 'microphone')!.title).to.equal('Mikrofon stummschalten (Strg+Umschalt+M)');
    await expect(el).to.be.accessible();
  });

  needs('keyChords').it('are replaced by `shortcuts`, and all off with `no-shortcuts`', async () => {
    const { el, controller } = await page();
    el.shortcuts = { microphone: 'Alt+M', 'hang-up': '' };
    await el.updateComplete;
    expect(part(el, 'microphone')!.getAttribute('aria-keyshortcuts')).to.equal('Alt+M');
    expect(part(el, 'hang-up')!.hasAttribute('aria-keyshortcuts')).to.equal(false);
    await chord('Control', 'Shift', 'KeyM');
    await chord('Control', 'Shift', 'KeyH');
    await chord('Alt', 'KeyM');
    await chord('Control', 'Shift', 'KeyO');
    expect(controller.intents).to.deep.equal(['toggleMute', 'toggleCamera']);
    el.noShortcuts = true;
    await el.updateComplete;
    expect(part(el, 'camera')!.hasAttribute('aria-keyshortcuts')).to.equal(false);
    expect(part(el, 'camera')!.title).to.equal('Turn off camera');
    await chord('Control', 'Shift', 'KeyO');
    expect(controller.intents).to.deep.equal(['toggleMute', 'toggleCamera']);
  });

  needs('keyChords').it('hold Space while muted to talk, muted again when it is let go', async () => {
    const muted = { muted: true, cameraOn: true, screenSharing: false };
    const { controller } = await page({ ...scene('active-video', { media: sceneMedia() }), controls: muted });
    await sendKeys({ down: ' ' });
    expect(controller.intents).to.deep.equal(['toggleMute']);
    controller.set({ controls: { ...muted, muted: false } }); // what the controller does when asked
    await sendKeys({ up: ' ' });
    expect(controller.intents).to.deep.equal(['toggleMute', 'toggleMute']);
  });

  it('Space on a button presses it, and is not hold-to-talk; nor is Space while not muted', async () => {
    const muted = { muted: true, cameraOn: true, screenSharing: false };
    const { controller, focus } = await page({ ...scene('active-video', { media: sceneMedia() }), controls: muted });
    focus('before');
    await sendKeys({ press: ' ' });
    controller.set({ controls: { ...muted, muted: false } });
    (document.activeElement as HTMLElement).blur();
    await sendKeys({ press: ' ' });
    expect(controller.intents).to.deep.equal([]);
  });

  needs('keyChords').it('take nothing once the call has ended', async () => {
    const { controller } = await page(scene('ended'));
    await chord('Control', 'Shift', 'KeyH');
    expect(controller.intents).to.deep.equal([]);
  });
});
