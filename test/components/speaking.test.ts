import { expect, fixture, html } from '@open-wc/testing';
import '../../src/elements.js';
import type { ThrumeActiveCall } from '../../src/elements.js';
import { loadLocale } from '../../src/index.js';
import type { Speaking } from '../../src/services/call-state.js';
import { ScriptedController, scene } from '../../src/testing/scripted-controller.js';
import { sceneMedia, stopSceneMedia } from '../support/scene-media.js';

const part = (el: HTMLElement, name: string) => el.shadowRoot!.querySelector<HTMLElement>(`[part~="${name}"]`);
afterEach(stopSceneMedia);

async function call(
  name: 'active-video' | 'active-voice',
  speaking: Partial<Speaking>,
  { muted = false, lang = 'en' } = {},
) {
  const controller = new ScriptedController(scene(name, { media: sceneMedia(), speaking, muted }));
  const place = await fixture(
    html`<div lang=${lang}><thrume-active-call silent .controller=${controller}></thrume-active-call></div>`,
  );
  const el = place.querySelector<ThrumeActiveCall>('thrume-active-call')!;
  await el.updateComplete;
  return { el, controller };
}

describe('<thrume-active-call> speaking indicators', () => {
  it('rings the other side’s video while they speak, in the page’s colour', async () => {
    const { el, controller } = await call('active-video', { remote: true });
    el.style.setProperty('--thrume-active-call-speaking-color', 'rgb(1, 2, 3)');
    expect(part(el, 'base')!.dataset.speaking).to.equal('remote');
    const ring = getComputedStyle(part(el, 'remote-video')!);
    expect([ring.outlineStyle, ring.outlineWidth, ring.outlineColor]).to.deep.equal(['solid', '3px', 'rgb(1, 2, 3)']);
    expect(getComputedStyle(part(el, 'local-video')!).outlineStyle).to.equal('none');
    controller.set({ speaking: { local: false, remote: false } });
    await el.updateComplete;
    expect(part(el, 'base')!.hasAttribute('data-speaking')).to.equal(false);
    expect(getComputedStyle(part(el, 'remote-video')!).outlineStyle).to.equal('none');
  });

  it('rings this side’s video and mute button while it speaks, and the avatar in a voice call', async () => {
    const video = await call('active-video', { local: true, remote: true });
    expect(video.el.shadowRoot!.querySelector('[part="base"]')!.getAttribute('data-speaking')).to.equal('remote local');
    expect(getComputedStyle(part(video.el, 'local-video')!).outlineStyle).to.equal('solid');
    expect(getComputedStyle(part(video.el, 'microphone')!).boxShadow).to.not.equal('none');
    expect(part(video.el, 'muted-hint')).to.equal(null);
    const voice = await call('active-voice', { remote: true });
    expect(getComputedStyle(part(voice.el, 'avatar')!).outlineStyle).to.equal('solid');
    await expect(voice.el).to.be.accessible();
  });

  it('says "you are muted" while this side speaks muted, in its language, and not once the call ends', async () => {
    const { el, controller } = await call('active-video', { local: true }, { muted: true });
    expect(part(el, 'base')!.hasAttribute('data-speaking'), 'no ring while muted').to.equal(false);
    const hint = part(el, 'muted-hint')!;
    expect(hint.getAttribute('role')).to.equal('status');
    expect(hint.textContent).to.equal('You are muted: nobody hears you');
    await expect(el).to.be.accessible();
    controller.set({ speaking: { local: false, remote: false } });
    await el.updateComplete;
    expect(part(el, 'muted-hint')).to.equal(null);
    controller.set({ speaking: { local: true, remote: false } });
    await el.updateComplete;
    expect(part(el, 'muted-hint')).to.exist;
    controller.set(scene('ended', { reason: 'hangup' }));
    await el.updateComplete;
    expect(part(el, 'muted-hint')).to.equal(null);

    await loadLocale('de');
    const german = await call('active-voice', { local: true }, { muted: true, lang: 'de' });
    expect(part(german.el, 'muted-hint')!.textContent).to.equal('Sie sind stummgeschaltet: niemand hört Sie');
  });
});
