import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { emulateMedia, sendKeys } from '@web/test-runner-commands';
import '../../src/elements.js';
import type { ThrumeCallButton } from '../../src/elements.js';
import type { ThrumeCallEvent } from '../../src/events.js';
import { ScriptedController, scene } from '../../src/testing/scripted-controller.js';
import { needs } from '../support/needs.js';

const part = (el: HTMLElement, name: string) => el.shadowRoot!.querySelector<HTMLElement>(`[part~="${name}"]`)!;

async function callButton(controller = new ScriptedController()) {
  const el = await fixture<ThrumeCallButton>(
    html`<thrume-call-button callee-id="bob" callee-name="Bob Marsh" conversation-id="c1" .controller=${controller}></thrume-call-button>`,
  );
  return { el, controller };
}

describe('<thrume-call-button>', () => {
  it('renders voice, video and screen-share buttons named for the callee', async () => {
    const { el } = await callButton();
    expect(part(el, 'voice').textContent.trim()).to.equal('Voice call with Bob Marsh');
    expect(part(el, 'video').textContent.trim()).to.equal('Video call with Bob Marsh');
    expect(part(el, 'video').getAttribute('aria-disabled')).to.equal('false');
    expect(el.shadowRoot!.querySelector('svg')).to.exist;
    await expect(el).to.be.accessible();
  });

  it('takes its colour scheme from --thrume-color-scheme, and is accessible in the dark one', async () => {
    const { el } = await callButton();
    const background = () => getComputedStyle(part(el, 'voice')).backgroundColor;
    el.style.setProperty('--thrume-color-scheme', 'light');
    expect(background()).to.equal('rgb(255, 255, 255)');
    el.style.setProperty('--thrume-color-scheme', 'dark');
    expect(background()).to.equal('rgb(28, 30, 36)');
    el.showLabels = true;
    await el.updateComplete;
    await expect(el).to.be.accessible();
  });

  needs('mediaEmulation').it('is accessible in the dark colour scheme', async () => {
    await emulateMedia({ colorScheme: 'dark' });
    try {
      const { el } = await callButton();
      el.showLabels = true;
      await el.updateComplete;
      await expect(el).to.be.accessible();
    } finally {
      await emulateMedia({ colorScheme: 'light' });
    }
  });

  it('shows only the actions asked for', async () => {
    const { el } = await callButton();
    el.actions = 'voice';
    await el.updateComplete;
    expect(el.shadowRoot!.querySelectorAll('button')).to.have.length(1);
  });

  it('places a call on click, with the callee and conversation', async () => {
    const { el, controller } = await callButton();
    setTimeout(() => part(el, 'video').click());
    const event = await oneEvent<ThrumeCallEvent>(el, 'thrume-call');
    expect([event.calleeId, event.callType, event.calleeName, event.conversationId, event.screenShare]).to.deep.equal([
      'bob',
      'video',
      'Bob Marsh',
      'c1',
      false,
    ]);
    expect(controller.intents).to.deep.equal(['initiateCall bob video Bob Marsh c1']);
  });

  it('does not call when a listener prevents thrume-call', async () => {
    const { el, controller } = await callButton();
    el.addEventListener('thrume-call', (e) => e.preventDefault());
    part(el, 'voice').click();
    await el.updateComplete;
    expect(controller.intents).to.deep.equal([]);
  });

  it('places a video call that shares the screen from the start, from the screen-share button', async () => {
    const controller = new ScriptedController();
    controller.initiateCall = async function (this: ScriptedController, id, type, details = {}) {
      this.intents.push(`initiateCall ${id} ${type}${details.shareScreen ? ' shareScreen' : ''}`);
    };
    const { el } = await callButton(controller);
    part(el, 'screen-share')?.click();
    await new Promise((r) => setTimeout(r, 0));
    expect(controller.intents).to.deep.equal(['initiateCall bob video shareScreen']);
  });

  it('is operated with the keyboard', async () => {
    const { el, controller } = await callButton();
    part(el, 'voice').focus();
    await sendKeys({ press: 'Enter' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: ' ' });
    expect(controller.intents).to.deep.equal([
      'initiateCall bob voice Bob Marsh c1',
      'initiateCall bob video Bob Marsh c1',
    ]);
  });

  for (const [name, reason] of [
    ['calling', 'You are already in a call.'],
    ['incoming-video', 'A call is ringing.'],
    ['active-voice', 'You are already in a call.'],
  ] as const) {
    it(`is disabled with a reason while ${name}`, async () => {
      const { el, controller } = await callButton(new ScriptedController(scene(name)));
      const video = part(el, 'video');
      expect(video.getAttribute('aria-disabled')).to.equal('true');
      expect(el.shadowRoot!.getElementById(video.getAttribute('aria-describedby')!)!.textContent).to.equal(reason);
      video.click();
      expect(controller.intents).to.deep.equal([]);
      await expect(el).to.be.accessible();
    });
  }

  it('is disabled while the hub is not connected', async () => {
    const { el } = await callButton(new ScriptedController({ signaling: 'reconnecting' }));
    expect(el.disabledReason).to.equal('Not connected to the call service.');
  });

  it('follows the controller: enabled again when the call ends', async () => {
    const { el, controller } = await callButton(new ScriptedController(scene('active-video')));
    controller.set(scene('ended', { reason: 'remote-hangup' }));
    await el.updateComplete;
    expect(part(el, 'voice').getAttribute('aria-disabled')).to.equal('false');
  });

  it('takes replacement strings', async () => {
    const { el } = await callButton();
    el.strings = { voiceCall: (name) => `Appeler ${name}` };
    el.showLabels = true;
    await el.updateComplete;
    expect(part(el, 'voice').textContent.trim()).to.equal('Appeler Bob Marsh');
    expect(part(el, 'label').className).to.equal('');
  });
});
