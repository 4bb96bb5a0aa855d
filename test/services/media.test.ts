// The browser's own media, as BrowserMedia reaches it: the screen wants a gesture in real browsers
// (WebKit's mock screen, Firefox), while Chromium's fake picker here grants it without one.
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendMouse } from '@web/test-runner-commands';
import { BrowserMedia } from '../../src/services/media.js';
import type { CallError } from '../../src/services/errors.js';
import { needs } from '../support/needs.js';

describe('BrowserMedia', () => {
  const media = new BrowserMedia();

  needs('screenGesture').it('refuses the screen without a click or key press, saying it needs one', async () => {
    await waitUntil(() => !navigator.userActivation.isActive, 'an earlier gesture still counts', { timeout: 15_000 });
    const error: CallError = await media.captureScreen().then(
      () => expect.fail('should fail'),
      (e: CallError) => e,
    );
    expect(error.code).to.equal('INVALID_STATE');
    expect(error.message).to.equal('The screen can only be started from a click or a key press.');
  });

  needs('screenCapture').it('shares the screen from a click, as detail content, and stops it', async () => {
    let captured: Promise<MediaStreamTrack> | undefined;
    const button = await fixture<HTMLButtonElement>(
      html`<button @click=${() => (captured = media.captureScreen())}>Share</button>`,
    );
    const { x, y, width, height } = button.getBoundingClientRect();
    await sendMouse({ type: 'click', position: [Math.round(x + width / 2), Math.round(y + height / 2)] });
    await waitUntil(() => captured, 'the click did not reach the button');
    const track = await captured!;
    expect([track.kind, track.readyState, track.contentHint]).to.deep.equal(['video', 'live', 'detail']);
    expect(track.getSettings().displaySurface).to.equal('monitor');
    track.stop();
    expect(track.readyState).to.equal('ended');
  });

  it('lists microphones and cameras, named once the microphone is allowed', async () => {
    (await media.captureMicrophone()).stop();
    const devices = await media.listDevices();
    const inputs = devices.filter((d) => d.kind === 'audioinput' || d.kind === 'videoinput');
    expect(inputs.map((d) => d.kind)).to.include.members(['audioinput', 'videoinput']);
    expect(
      inputs.filter((d) => d.kind === 'audioinput').every((d) => d.label !== ''),
      'microphone labels',
    ).to.equal(true);
  });
});
