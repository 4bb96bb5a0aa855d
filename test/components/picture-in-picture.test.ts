import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendMouse } from '@web/test-runner-commands';
import '../../src/elements.js';
import type { ThrumeActiveCall } from '../../src/elements.js';
import { ScriptedController, scene } from '../../src/testing/scripted-controller.js';
import { sceneMedia, stopSceneMedia } from '../support/scene-media.js';
import { needs } from '../support/needs.js';

const part = (el: HTMLElement, name: string) => el.shadowRoot!.querySelector<HTMLElement>(`[part~="${name}"]`);
afterEach(async () => {
  if (document.pictureInPictureElement) await document.exitPictureInPicture();
  stopSceneMedia();
});

async function call(name: 'active-video' | 'active-voice' = 'active-video', { playing = true } = {}) {
  const controller = new ScriptedController(scene(name, { media: sceneMedia() }));
  const el = await fixture<ThrumeActiveCall>(html`<thrume-active-call silent .controller=${controller}></thrume-active-call>`);
  await el.updateComplete;
  const video = el.shadowRoot!.querySelector<HTMLVideoElement>('video[part~="remote-video"]');
  if (video && playing) await waitUntil(() => video.readyState >= 2, 'the remote video does not play');
  return { el, controller, video };
}

/** A click as a person makes it: the browser lets only such a gesture open picture-in-picture. */
async function press(button: HTMLElement) {
  button.scrollIntoView({ block: 'center' });
  const r = button.getBoundingClientRect();
  await sendMouse({ type: 'click', position: [Math.round(r.left + r.width / 2), Math.round(r.top + r.height / 2)] });
}

describe('<thrume-active-call> picture-in-picture', () => {
  needs('pictureInPictureWindow').it('puts the other side’s video in a window and back, giving focus back', async () => {
    const { el, video } = await call();
    const button = part(el, 'picture-in-picture')!;
    expect(button.title).to.equal('Picture in picture');
    expect(button.getAttribute('aria-pressed')).to.equal('false');
    await press(button);
    await waitUntil(() => el.shadowRoot!.pictureInPictureElement === video, 'the video is not in picture-in-picture');
    await el.updateComplete;
    expect(part(el, 'picture-in-picture')!.title).to.equal('Exit picture in picture');
    expect(part(el, 'picture-in-picture')!.getAttribute('aria-pressed')).to.equal('true');
    await expect(el).to.be.accessible();
    await document.exitPictureInPicture(); // as the window's own close button does
    await waitUntil(() => part(el, 'picture-in-picture')!.getAttribute('aria-pressed') === 'false', 'still pressed');
    expect(el.shadowRoot!.activeElement).to.equal(part(el, 'picture-in-picture'));
  });

  needs('pictureInPictureWindow').it('closes the window when the call ends; a voice call has no button', async () => {
    const { el, controller, video } = await call();
    await press(part(el, 'picture-in-picture')!);
    await waitUntil(() => el.shadowRoot!.pictureInPictureElement === video, 'the video is not in picture-in-picture');
    controller.set(scene('ended', { reason: 'remote-hangup' }));
    await waitUntil(() => document.pictureInPictureElement === null, 'the window stays open after the call');
    const voice = await call('active-voice');
    expect(part(voice.el, 'picture-in-picture')).to.equal(null);
  });

  needs('pictureInPictureWindow').it('a refusal (no user gesture here) says so, dismissibly, and the call goes on', async () => {
    const { el, controller } = await call();
    part(el, 'picture-in-picture')!.click(); // a script's click: the browser refuses
    await waitUntil(() => part(el, 'notice'), 'no notice');
    expect(part(el, 'notice')!.textContent).to.include('Picture in picture is not available here.');
    expect(part(el, 'base')!.dataset.status).to.equal('active');
    expect(controller.intents).to.deep.equal([]);
    part(el, 'dismiss')!.click();
    await el.updateComplete;
    expect(part(el, 'notice')).to.equal(null);
  });

  it('has no picture-in-picture button where the browser has none', async () => {
    const { el, video } = await call('active-video', { playing: false });
    expect(video, 'the other side has video').to.exist;
    expect(!!part(el, 'picture-in-picture')).to.equal(document.pictureInPictureEnabled === true);
  });
});
