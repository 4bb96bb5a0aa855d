import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendMouse } from '@web/test-runner-commands';
import '../../src/elements.js';
import type { ThrumeActiveCall } from '../../src/elements.js';
import { loadLocale } from '../../src/index.js';
import { ScriptedController, scene } from '../../src/testing/scripted-controller.js';
import { sceneMedia, stopSceneMedia } from '../support/scene-media.js';
import { needs } from '../support/needs.js';

const part = (el: HTMLElement, name: string) => el.shadowRoot!.querySelector<HTMLElement>(`[part~="${name}"]`);
const windowOf = (el: HTMLElement) => el.ownerDocument.defaultView!;
afterEach(async () => {
  if (document.pictureInPictureElement) await document.exitPictureInPicture();
  stopSceneMedia();
});

async function call(name: 'active-video' | 'active-voice' = 'active-video', { playing = true, lang = 'en' } = {}) {
  const controller = new ScriptedController(scene(name, { media: sceneMedia() }));
  const place = await fixture<HTMLElement>(
    html`<div lang=${lang}><p>Before</p><thrume-active-call silent .controller=${controller}></thrume-active-call><p>After</p></div>`,
  );
  const el = place.querySelector('thrume-active-call')!;
  await el.updateComplete;
  const video = el.shadowRoot!.querySelector<HTMLVideoElement>('video[part~="remote-video"]');
  if (video && playing) await waitUntil(() => video.readyState >= 2, 'the remote video does not play');
  return { el, place, controller, video };
}

/** A click as a person makes it: the browser lets only such a gesture open picture-in-picture. */
async function press(button: HTMLElement) {
  button.scrollIntoView({ block: 'center' });
  const r = button.getBoundingClientRect();
  await sendMouse({ type: 'click', position: [Math.round(r.left + r.width / 2), Math.round(r.top + r.height / 2)] });
}

async function openWindow(el: ThrumeActiveCall): Promise<Window> {
  await press(part(el, 'picture-in-picture')!);
  await waitUntil(() => el.ownerDocument !== document, 'the call did not move into a picture-in-picture window');
  await el.updateComplete;
  return windowOf(el);
}

async function closeWindow(el: ThrumeActiveCall, win: Window) {
  win.close(); // as the window's own close button does
  await waitUntil(() => el.ownerDocument === document, 'the call did not come back from the window');
  await el.updateComplete;
}

/** Safari's case in Chromium: the video's own picture-in-picture, with Document Picture-in-Picture out of sight. */
function withoutDocumentPictureInPicture() {
  let own: PropertyDescriptor | undefined;
  beforeEach(() => {
    own = Object.getOwnPropertyDescriptor(window, 'documentPictureInPicture');
    Object.defineProperty(window, 'documentPictureInPicture', { value: undefined, configurable: true });
  });
  afterEach(() => {
    if (own) Object.defineProperty(window, 'documentPictureInPicture', own);
    else delete (window as { documentPictureInPicture?: unknown }).documentPictureInPicture;
  });
}

needs('documentPictureInPicture').describe('<thrume-active-call> in a Document Picture-in-Picture window', () => {
  it('moves the whole call there, controls and keys working, in its language, and back to its place with focus', async () => {
    await loadLocale('de');
    const { el, place, controller, video } = await call('active-video', { lang: 'de' });
    const button = part(el, 'picture-in-picture')!;
    expect(button.title).to.equal('Bild im Bild');
    const win = await openWindow(el);
    expect(el.parentElement).to.equal(win.document.body);
    expect(win.document.documentElement.lang).to.equal('de');
    expect(part(el, 'picture-in-picture')!.title).to.equal('Bild im Bild beenden');
    expect(part(el, 'picture-in-picture')!.getAttribute('aria-pressed')).to.equal('true');
    expect(part(el, 'full-screen'), 'no full screen from inside the window').to.equal(null);
    // The call's own styles apply there, laid out to fill the window.
    expect(part(el, 'base')!.dataset.layout).to.equal('overlay');
    const hangUp = part(el, 'hang-up')!.getBoundingClientRect();
    expect(hangUp.width).to.be.at.least(44);
    expect(hangUp.bottom).to.be.at.most(win.innerHeight);
    expect(win.getComputedStyle(part(el, 'base')!).position).to.equal('fixed');
    await waitUntil(
      () => !video!.paused && el.shadowRoot!.querySelector('audio')!.paused === false,
      'the video and audio do not play on in the window',
    );
    part(el, 'microphone')!.click();
    win.document.body.dispatchEvent(
      new KeyboardEvent('keydown', { code: 'KeyO', key: 'O', ctrlKey: true, shiftKey: true, bubbles: true }),
    );
    expect(controller.intents).to.deep.equal(['toggleMute', 'toggleCamera']);

    await closeWindow(el, win);
    expect(el.parentElement).to.equal(place);
    expect(el.previousElementSibling!.textContent).to.equal('Before');
    expect(part(el, 'base')!.dataset.layout).to.equal('inline');
    expect(getComputedStyle(part(el, 'hang-up')!).width, 'its styles are back').to.equal(
      getComputedStyle(part(el, 'microphone')!).width,
    );
    expect(part(el, 'picture-in-picture')!.getAttribute('aria-pressed')).to.equal('false');
    expect(el.shadowRoot!.activeElement).to.equal(part(el, 'picture-in-picture'));
    await waitUntil(() => !video!.paused, 'the video does not play on back in the page');
    document.body.dispatchEvent(
      new KeyboardEvent('keydown', { code: 'KeyM', key: 'M', ctrlKey: true, shiftKey: true, bubbles: true }),
    );
    expect(controller.intents.at(-1), 'the keys are the page’s again').to.equal('toggleMute');
    await expect(el).to.be.accessible();
  });

  it('takes a voice call too, and brings the call back with its summary when it ends', async () => {
    const { el, place, controller } = await call('active-voice');
    await openWindow(el);
    expect(part(el, 'avatar'), 'the avatar shows in the window').to.exist;
    controller.set(scene('ended', { reason: 'remote-hangup' }));
    await waitUntil(() => el.ownerDocument === document, 'the window stays open after the call');
    await el.updateComplete;
    expect(el.parentElement).to.equal(place);
    expect(part(el, 'close'), 'the summary’s Close button').to.exist;
  });
});

needs('pictureInPictureWindow').describe(
  '<thrume-active-call> video picture-in-picture (Document Picture-in-Picture hidden, as in Safari)',
  () => {
    withoutDocumentPictureInPicture();

    it('puts the other side’s video in a window and back, giving focus back', async () => {
      const { el, video } = await call();
      const button = part(el, 'picture-in-picture')!;
      expect(button.title).to.equal('Picture in picture');
      expect(button.getAttribute('aria-pressed')).to.equal('false');
      await press(button);
      await waitUntil(() => el.shadowRoot!.pictureInPictureElement === video, 'the video is not in picture-in-picture');
      await el.updateComplete;
      expect(el.ownerDocument, 'the call itself stays in the page').to.equal(document);
      expect(part(el, 'picture-in-picture')!.title).to.equal('Exit picture in picture');
      expect(part(el, 'picture-in-picture')!.getAttribute('aria-pressed')).to.equal('true');
      await expect(el).to.be.accessible();
      await document.exitPictureInPicture(); // as the window's own close button does
      await waitUntil(() => part(el, 'picture-in-picture')!.getAttribute('aria-pressed') === 'false', 'still pressed');
      expect(el.shadowRoot!.activeElement).to.equal(part(el, 'picture-in-picture'));
    });

    it('closes the window when the call ends; a voice call has no button', async () => {
      const { el, controller, video } = await call();
      await press(part(el, 'picture-in-picture')!);
      await waitUntil(() => el.shadowRoot!.pictureInPictureElement === video, 'the video is not in picture-in-picture');
      controller.set(scene('ended', { reason: 'remote-hangup' }));
      await waitUntil(() => document.pictureInPictureElement === null, 'the window stays open after the call');
      const voice = await call('active-voice');
      expect(part(voice.el, 'picture-in-picture')).to.equal(null);
    });
  },
);

describe('<thrume-active-call> picture-in-picture refused or missing', () => {
  needs('pictureInPictureWindow').it(
    'a refusal (no user gesture here) says so, dismissibly, and the call goes on',
    async () => {
      const { el, controller } = await call();
      part(el, 'picture-in-picture')!.click(); // a script's click: the browser refuses
      await waitUntil(() => part(el, 'notice'), 'no notice');
      expect(part(el, 'notice')!.textContent).to.include('Picture in picture is not available here.');
      expect(el.ownerDocument).to.equal(document);
      expect(part(el, 'base')!.dataset.status).to.equal('active');
      expect(controller.intents).to.deep.equal([]);
      part(el, 'dismiss')!.click();
      await el.updateComplete;
      expect(part(el, 'notice')).to.equal(null);
    },
  );

  it('has a picture-in-picture button only where the browser has one', async () => {
    const { el, video } = await call('active-video', { playing: false });
    expect(video, 'the other side has video').to.exist;
    expect(!!part(el, 'picture-in-picture')).to.equal(
      'documentPictureInPicture' in window || document.pictureInPictureEnabled === true,
    );
  });
});
