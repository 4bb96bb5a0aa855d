import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../src/elements.js';
import type { ThrumeActiveCall } from '../../src/elements.js';
import { ScriptedController, scene } from '../../src/testing/scripted-controller.js';
import { needs } from '../support/needs.js';
import { chord } from '../support/keys.js';

const part = (el: HTMLElement, name: string) => el.shadowRoot!.querySelector<HTMLElement>(`[part~="${name}"]`);

async function page(patch = scene('active-video')) {
  const controller = new ScriptedController(patch);
  const root = await fixture<HTMLDivElement>(html`<div>
    <button id="before">Messages</button>
    <thrume-active-call silent .controller=${controller}></thrume-active-call>
  </div>`);
  const el = root.querySelector<ThrumeActiveCall>('thrume-active-call')!;
  await el.updateComplete;
  return { el, controller, before: root.querySelector<HTMLButtonElement>('#before')! };
}

afterEach(async () => {
  if (document.fullscreenElement) await document.exitFullscreen();
});

describe('<thrume-active-call> full screen', () => {
  it('has a full-screen button where the browser allows full screen, with its shortcut', async () => {
    const { el } = await page();
    const button = part(el, 'full-screen');
    expect(!!button, 'a button exactly where full screen is enabled').to.equal(document.fullscreenEnabled);
    if (!button) return;
    expect(button.title).to.equal('Full screen (Ctrl+Shift+F)');
    expect(button.getAttribute('aria-keyshortcuts')).to.equal('Control+Shift+F');
    expect(button.getAttribute('aria-pressed')).to.equal('false');
    await expect(el).to.be.accessible();
  });

  needs('fullScreen', 'keyChords').it(
    'enters and leaves full screen by its shortcut, laid out alone, and gives focus back',
    async () => {
      const { el, before } = await page();
      before.focus();
      await chord('Control', 'Shift', 'KeyF');
      await waitUntil(() => document.fullscreenElement === el, 'not in full screen');
      await el.updateComplete;
      expect(part(el, 'base')!.dataset.layout).to.equal('overlay');
      expect(part(el, 'full-screen')!.title).to.equal('Exit full screen (Ctrl+Shift+F)');
      expect(part(el, 'full-screen')!.getAttribute('aria-pressed')).to.equal('true');
      expect(el.shadowRoot!.activeElement, 'focus is in the call').to.exist;
      await expect(el).to.be.accessible();
      await chord('Control', 'Shift', 'KeyF');
      await waitUntil(() => document.fullscreenElement === null, 'still in full screen');
      await el.updateComplete;
      expect(part(el, 'base')!.dataset.layout).to.equal('inline');
      expect(document.activeElement).to.equal(before);
    },
  );

  needs('fullScreen', 'keyChords').it('leaves full screen when the call ends', async () => {
    const { el, controller } = await page();
    await chord('Control', 'Shift', 'KeyF');
    await waitUntil(() => document.fullscreenElement === el, 'not in full screen');
    controller.set(scene('ended', { reason: 'remote-hangup' }));
    await waitUntil(() => document.fullscreenElement === null, 'still in full screen after the call ended');
  });

  needs('fullScreen').it('a refusal (no user gesture here) says so, dismissibly, and the call goes on', async () => {
    const { el, controller } = await page();
    part(el, 'full-screen')!.click(); // a script's click carries no user activation: the browser refuses
    await waitUntil(() => part(el, 'notice'), 'no notice');
    expect(part(el, 'notice')!.textContent).to.include('Full screen is not available here.');
    expect(part(el, 'base')!.dataset.status).to.equal('active');
    expect(controller.intents).to.deep.equal([]);
    await expect(el).to.be.accessible();
    part(el, 'dismiss')!.click();
    await el.updateComplete;
    expect(part(el, 'notice')).to.equal(null);
  });
});
