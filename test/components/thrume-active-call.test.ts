import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { emulateMedia, sendKeys } from '@web/test-runner-commands';
import '../../src/elements.js';
import type { ThrumeSelectDeviceEvent, ThrumeToggleMicrophoneEvent } from '../../src/events.js';
import { endReasons, initialCallState } from '../../src/services/call-state.js';
import { callErrorCodes } from '../../src/services/errors.js';
import { CallController } from '../../src/services/call-controller.js';
import { LoopbackHub } from '../../src/services/signaling/loopback.js';
import { ScriptedController, scene, type SceneName } from '../../src/testing/scripted-controller.js';
import { canvasTrack, oscillatorTrack } from '../../src/testing/synthetic-media.js';
import { needs } from '../support/needs.js';

const part = (el: HTMLElement, name: string) => el.shadowRoot!.querySelector<HTMLElement>(`[part~="${name}"]`);
const made: MediaStreamTrack[] = [];
const keep = (...tracks: MediaStreamTrack[]) => (made.push(...tracks), new MediaStream(tracks));
const media = () => ({
  local: keep(oscillatorTrack(), canvasTrack('me')),
  remote: keep(oscillatorTrack(), canvasTrack('them')),
});
afterEach(() => made.splice(0).forEach((t) => t.stop()));

async function page(patch = scene('active-video', { media: media() })) {
  const controller = new ScriptedController(patch);
  const root = await fixture<HTMLDivElement>(html`<div>
    <button id="before">Messages</button>
    <thrume-active-call silent .controller=${controller}></thrume-active-call>
  </div>`);
  const el = root.querySelector('thrume-active-call')!;
  return { el, controller, before: root.querySelector<HTMLButtonElement>('#before')! };
}

function fakeDevice(kind: MediaDeviceKind, deviceId: string, label: string): MediaDeviceInfo {
  return { kind, deviceId, label, groupId: 'g', toJSON: () => ({}) };
}

describe('<thrume-active-call>', () => {
  it('renders nothing while idle', async () => {
    const { el } = await page(scene('idle'));
    expect(part(el, 'base')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  const visible: [SceneName, string][] = [
    ['calling', 'Calling Bob Marsh…'],
    ['active-voice', ''],
    ['active-video', ''],
    ['screen-sharing', ''],
    ['reconnecting', 'Reconnecting…'],
  ];
  for (const [name, status] of visible) {
    it(`shows the ${name} state accessibly`, async () => {
      const { el } = await page(scene(name, { media: media() }));
      expect(part(el, 'base')!.dataset.status).to.equal(scene(name).status);
      expect(part(el, 'status')!.textContent).to.equal(status);
      await expect(el).to.be.accessible();
    });
  }

  needs('mediaEmulation').it('is accessible in the dark colour scheme', async () => {
    await emulateMedia({ colorScheme: 'dark' });
    try {
      for (const name of ['active-video', 'calling'] as const) {
        const { el } = await page(scene(name, { media: media(), error: 'NETWORK_ERROR' }));
        expect(matchMedia('(prefers-color-scheme: dark)').matches).to.equal(true);
        await expect(el).to.be.accessible();
      }
      const { el } = await page(scene('ended', { reason: 'busy' }));
      await expect(el).to.be.accessible();
    } finally {
      await emulateMedia({ colorScheme: 'light' });
    }
  });

  it('shows remote video in a video call and the avatar in a voice call', async () => {
    const { el, controller } = await page();
    expect(part(el, 'remote-video')).to.exist;
    expect(part(el, 'local-video')).to.exist;
    controller.set(
      scene('active-voice', { media: { local: keep(oscillatorTrack()), remote: keep(oscillatorTrack()) } }),
    );
    await el.updateComplete;
    expect(part(el, 'remote-video')).to.equal(null);
    expect(part(el, 'avatar')!.textContent).to.equal('BM');
    const audio = part(el, 'remote-audio') as HTMLAudioElement;
    expect(audio.srcObject).to.equal(controller.state.remoteStream);
  });

  it('counts the duration from when media connected', async () => {
    const { el } = await page();
    expect(part(el, 'duration')!.querySelector('[aria-hidden="true"]')!.textContent).to.equal('00:42');
    expect(part(el, 'duration')!.querySelector('.visually-hidden')!.textContent).to.equal('Call duration: 42 seconds');
    expect(part(el, 'duration')!.getAttribute('datetime')).to.equal('PT42S');
  });

  it('shows the quality verdict and what the other side does', async () => {
    const { el, controller } = await page();
    expect(part(el, 'quality')!.textContent).to.equal('Connection: fair');
    controller.set({ remoteControls: { muted: true, cameraOn: true, screenSharing: true } });
    await el.updateComplete;
    const notes = [...el.shadowRoot!.querySelectorAll('[part~="remote-state"]')].map((n) => n.textContent);
    expect(notes).to.deep.equal(['Bob Marsh is muted', 'Bob Marsh is sharing their screen']);
  });

  for (const reason of endReasons) {
    it(`says how the call ended: ${reason}`, async () => {
      const { el } = await page(scene('ended', { reason }));
      expect(part(el, 'status')!.textContent).to.not.equal('');
      expect(part(el, 'controls')).to.equal(null);
      await expect(el).to.be.accessible();
    });
  }

  for (const code of callErrorCodes) {
    it(`shows the ${code} error as an alert`, async () => {
      const { el } = await page(scene('ended', { reason: 'failed', error: code }));
      expect(part(el, 'error')!.getAttribute('role')).to.equal('alert');
      expect(part(el, 'error')!.textContent).to.not.equal('');
      await expect(el).to.be.accessible();
    });
  }

  it('shows pressed states for mute, camera off and screen sharing', async () => {
    const { el, controller } = await page();
    expect(part(el, 'microphone')!.getAttribute('aria-pressed')).to.equal('false');
    controller.set({ controls: { muted: true, cameraOn: false, screenSharing: true } });
    await el.updateComplete;
    for (const name of ['microphone', 'camera', 'screen-share'])
      expect(part(el, name)!.getAttribute('aria-pressed')).to.equal('true');
  });

  const controls = [
    ['microphone', 'thrume-toggle-microphone', 'toggleMute'],
    ['camera', 'thrume-toggle-camera', 'toggleCamera'],
    ['screen-share', 'thrume-toggle-screen-share', 'toggleScreenShare'],
    ['hang-up', 'thrume-hang-up', 'endCall'],
  ] as const;
  for (const [name, type, intent] of controls) {
    it(`fires ${type} and calls ${intent}; preventDefault() stops it`, async () => {
      const { el, controller } = await page();
      setTimeout(() => part(el, name)!.click());
      await oneEvent(el, type);
      expect(controller.intents).to.deep.equal([intent]);
      el.addEventListener(type, (e) => e.preventDefault());
      part(el, name)!.click();
      expect(controller.intents).to.deep.equal([intent]);
    });
  }

  it('says what the mute button asks for', async () => {
    const { el } = await page();
    setTimeout(() => part(el, 'microphone')!.click());
    expect((await oneEvent<ThrumeToggleMicrophoneEvent>(el, 'thrume-toggle-microphone')).muted).to.equal(true);
  });

  it('names the hang-up button Cancel call while ringing', async () => {
    const { el } = await page(scene('calling'));
    expect(part(el, 'hang-up')!.textContent.trim()).to.equal('Cancel call');
  });

  it('is operated with the keyboard', async () => {
    const { el, controller, before } = await page(scene('active-voice'));
    before.focus();
    await sendKeys({ press: 'Tab' });
    expect(el.shadowRoot!.activeElement).to.equal(part(el, 'microphone'));
    await sendKeys({ press: 'Enter' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: ' ' });
    expect(controller.intents).to.deep.equal(['toggleMute', 'toggleCamera']);
  });

  it('picks devices, with the speaker only where the browser can choose it', async () => {
    const devices = {
      ...initialCallState.devices,
      microphones: [fakeDevice('audioinput', 'mic-2', 'USB microphone')],
      cameras: [fakeDevice('videoinput', 'cam-2', 'USB camera')],
      speakers: [fakeDevice('audiooutput', 'spk-2', 'Headphones')],
    };
    const { el, controller } = await page({
      ...scene('active-video', { media: media() }),
      devices: { ...devices, canChooseSpeaker: false },
    });
    expect(el.shadowRoot!.querySelector('select[name="speaker"]')).to.equal(null);
    const select = el.shadowRoot!.querySelector<HTMLSelectElement>('select[name="microphone"]')!;
    select.value = 'mic-2';
    setTimeout(() => select.dispatchEvent(new Event('change')));
    const event = await oneEvent<ThrumeSelectDeviceEvent>(el, 'thrume-select-device');
    expect([event.kind, event.deviceId]).to.deep.equal(['microphone', 'mic-2']);
    expect(controller.intents).to.deep.equal(['selectMicrophone mic-2']);
    controller.set({ devices: { ...devices, canChooseSpeaker: true } });
    await el.updateComplete;
    const speaker = el.shadowRoot!.querySelector<HTMLSelectElement>('select[name="speaker"]')!;
    speaker.value = 'spk-2';
    speaker.dispatchEvent(new Event('change'));
    expect(controller.intents.at(-1)).to.equal('selectSpeaker spk-2');
    await expect(el).to.be.accessible();
  });

  it('offers the speaker picker only where the browser can route audio (setSinkId; WebKit has none)', async () => {
    const canRoute = 'setSinkId' in HTMLMediaElement.prototype;
    const controller = new CallController({
      signaling: new LoopbackHub().connect({ id: 'a11ce000-0000-4000-8000-000000000001', name: 'Ann' }),
    });
    expect(controller.state.devices.canChooseSpeaker).to.equal(canRoute);
    if (!canRoute) expect(() => controller.selectSpeaker('spk-2')).to.throw('This browser cannot choose the speaker.');
    await controller.dispose();
    const speakers = [fakeDevice('audiooutput', 'spk-2', 'Headphones')];
    const { el } = await page({
      ...scene('active-video', { media: media() }),
      devices: { ...controller.state.devices, speakers, speakerId: 'spk-2' },
    });
    expect(!!el.shadowRoot!.querySelector('select[name="speaker"]')).to.equal(canRoute);
    await expect(el).to.be.accessible();
  });

  it('moves focus to Close when the call ends, and gives it back on Close', async () => {
    const { el, controller, before } = await page(scene('idle'));
    before.focus();
    controller.set(scene('active-video', { media: media() }));
    await el.updateComplete;
    part(el, 'hang-up')!.focus();
    controller.set(scene('ended', { reason: 'hangup' }));
    await el.updateComplete;
    expect(el.shadowRoot!.activeElement).to.equal(part(el, 'close'));
    setTimeout(() => part(el, 'close')!.click());
    await oneEvent(el, 'thrume-dismiss');
    await el.updateComplete;
    expect(part(el, 'base')).to.equal(null);
    expect(document.activeElement).to.equal(before);
  });

  it('keeps the summary when thrume-dismiss is prevented', async () => {
    const { el } = await page(scene('ended', { reason: 'busy' }));
    el.addEventListener('thrume-dismiss', (e) => e.preventDefault());
    part(el, 'close')!.click();
    await el.updateComplete;
    expect(part(el, 'status')!.textContent).to.equal('Busy');
  });

  it('plays the ringback while calling, unless silent', async () => {
    const { el, controller } = await page(scene('calling'));
    expect(el.ringbackPlaying).to.equal(false);
    el.silent = false;
    await el.updateComplete;
    expect(el.ringbackPlaying).to.equal(true);
    controller.set(scene('active-video', { media: media() }));
    await el.updateComplete;
    expect(el.ringbackPlaying).to.equal(false);
  });
});
