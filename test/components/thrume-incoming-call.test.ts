import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { emulateMedia, sendKeys } from '@web/test-runner-commands';
import '../../src/elements.js';
import type { ThrumeIncomingCall } from '../../src/elements.js';
import type { ThrumeAnswerEvent } from '../../src/events.js';
import { ScriptedController, scene } from '../../src/testing/scripted-controller.js';
import { needs } from '../support/needs.js';

const part = (el: HTMLElement, name: string) => el.shadowRoot!.querySelector<HTMLElement>(`[part~="${name}"]`);
const focused = (el: HTMLElement) => el.shadowRoot!.activeElement as HTMLElement | null;

/** A page with a button that has focus, and the dialog, silent unless told otherwise. */
async function page(controller = new ScriptedController(), silent = true) {
  const root = await fixture<HTMLDivElement>(html`<div>
    <button id="before">Messages</button>
    <thrume-incoming-call ?silent=${silent} .controller=${controller}></thrume-incoming-call>
  </div>`);
  const el = root.querySelector('thrume-incoming-call')!;
  const before = root.querySelector<HTMLButtonElement>('#before')!;
  before.focus();
  return { el, before, controller };
}

async function ring(
  el: ThrumeIncomingCall,
  controller: ScriptedController,
  name: 'incoming-voice' | 'incoming-video' = 'incoming-video',
) {
  controller.set(scene(name));
  await el.updateComplete;
}

describe('<thrume-incoming-call>', () => {
  it('renders nothing but an empty live region while no call rings', async () => {
    const { el } = await page();
    expect(part(el, 'base')).to.equal(null);
    expect(part(el, 'announcer')!.textContent.trim()).to.equal('');
    await expect(el).to.be.accessible();
  });

  it('shows the caller as an alert dialog and announces them', async () => {
    const { el, controller } = await page();
    await ring(el, controller);
    const dialog = part(el, 'base')!;
    expect(dialog.getAttribute('role')).to.equal('alertdialog');
    expect(part(el, 'name')!.textContent).to.equal('Bob Marsh');
    expect(part(el, 'type')!.textContent.trim()).to.equal('Video call');
    expect(part(el, 'avatar')!.textContent).to.equal('BM');
    expect(part(el, 'announcer')!.textContent.trim()).to.equal('Incoming video call from Bob Marsh');
    await expect(el).to.be.accessible();
  });

  needs('mediaEmulation').it('is accessible in the dark colour scheme', async () => {
    await emulateMedia({ colorScheme: 'dark' });
    try {
      const { el, controller } = await page();
      await ring(el, controller);
      expect(matchMedia('(prefers-color-scheme: dark)').matches).to.equal(true);
      await expect(el).to.be.accessible();
    } finally {
      await emulateMedia({ colorScheme: 'light' });
    }
  });

  it('offers accept with audio only for video calls alone', async () => {
    const { el, controller } = await page();
    await ring(el, controller, 'incoming-voice');
    expect(part(el, 'accept-audio')).to.equal(null);
    await expect(el).to.be.accessible();
    await ring(el, controller, 'incoming-video');
    expect(part(el, 'accept-audio')).to.exist;
  });

  it("shows the call's picture, as decoration beside the name", async () => {
    const { el, controller } = await page();
    const picture = 'data:image/gif;base64,R0lGODlhAQABAAAAACw=';
    controller.set(scene('incoming-video', { avatarUrl: picture }));
    await el.updateComplete;
    expect(part(el, 'avatar')!.tagName).to.equal('IMG');
    expect(part(el, 'avatar')!.getAttribute('src')).to.equal(picture);
    expect(part(el, 'avatar')!.getAttribute('alt')).to.equal('');
    await expect(el).to.be.accessible();
  });

  it('moves focus to Accept, and gives it back when the call goes away', async () => {
    const { el, before, controller } = await page();
    await ring(el, controller);
    expect(focused(el)).to.equal(part(el, 'accept'));
    controller.set({ status: 'idle', incomingCall: null }); // cancelled by the caller, or answered elsewhere
    await el.updateComplete;
    expect(part(el, 'base')).to.equal(null);
    expect(document.activeElement).to.equal(before);
  });

  it('answers on Accept', async () => {
    const { el, controller } = await page();
    await ring(el, controller);
    setTimeout(() => part(el, 'accept')!.click());
    const event = await oneEvent<ThrumeAnswerEvent>(el, 'thrume-answer');
    expect(event.audioOnly).to.equal(false);
    expect(controller.intents).to.deep.equal(['acceptCall']);
  });

  it('answers a video call with audio only', async () => {
    const { el, controller } = await page();
    await ring(el, controller);
    setTimeout(() => part(el, 'accept-audio')!.click());
    expect((await oneEvent<ThrumeAnswerEvent>(el, 'thrume-answer')).audioOnly).to.equal(true);
    expect(controller.intents).to.deep.equal(['acceptCall audioOnly']);
  });

  it('declines on Decline', async () => {
    const { el, controller } = await page();
    await ring(el, controller);
    setTimeout(() => part(el, 'decline')!.click());
    await oneEvent(el, 'thrume-decline');
    expect(controller.intents).to.deep.equal(['rejectCall']);
  });

  it('declines on Escape', async () => {
    const { el, controller } = await page();
    await ring(el, controller);
    await sendKeys({ press: 'Escape' });
    expect(controller.intents).to.deep.equal(['rejectCall']);
  });

  it('is operated with the keyboard: Tab to Decline, Enter', async () => {
    const { el, controller } = await page();
    await ring(el, controller);
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Tab' });
    expect(focused(el)).to.equal(part(el, 'decline'));
    await sendKeys({ press: 'Enter' });
    expect(controller.intents).to.deep.equal(['rejectCall']);
  });

  it('does not answer or decline when a listener prevents the event', async () => {
    const { el, controller } = await page();
    await ring(el, controller);
    el.addEventListener('thrume-answer', (e) => e.preventDefault());
    el.addEventListener('thrume-decline', (e) => e.preventDefault());
    part(el, 'accept')!.click();
    part(el, 'accept-audio')!.click();
    part(el, 'decline')!.click();
    await sendKeys({ press: 'Escape' });
    expect(controller.intents).to.deep.equal([]);
  });

  it('rings while the call rings, and stops when it goes away', async () => {
    const { el, controller } = await page(new ScriptedController(), false);
    await ring(el, controller);
    expect(el.ringtonePlaying).to.equal(true);
    controller.set({ status: 'idle', incomingCall: null });
    await el.updateComplete;
    expect(el.ringtonePlaying).to.equal(false);
  });

  it('shows and announces the call whether or not sound can play', async () => {
    const { el, controller } = await page(new ScriptedController(), false);
    await ring(el, controller);
    expect(el.ringtonePlaying).to.equal(true);
    expect(part(el, 'base')).to.exist;
    expect(part(el, 'announcer')!.textContent.trim()).to.equal('Incoming video call from Bob Marsh');
  });

  // Headless Firefox's AudioContext stays suspended even after a real key press (userActivation.hasBeenActive
  // is true, resume() never settles to 'running').
  needs('audioOutput').it('sounds the ringtone after the first key press', async () => {
    const { el, controller } = await page(new ScriptedController(), false);
    await ring(el, controller);
    await sendKeys({ press: 'x' }); // a real key press gives user activation (modifier keys do not)
    for (let i = 0; i < 50 && !el.ringtoneAudible; i++) await new Promise((r) => setTimeout(r, 20));
    expect(el.ringtoneAudible).to.equal(true);
    el.silent = true;
    await el.updateComplete;
    expect(el.ringtonePlaying).to.equal(false);
  });

  it('takes replacement strings', async () => {
    const { el, controller } = await page();
    el.strings = { accept: 'Annehmen', incomingAnnouncement: (name) => `Anruf von ${name}` };
    await ring(el, controller);
    expect(part(el, 'accept')!.textContent.trim()).to.equal('Annehmen');
    expect(part(el, 'announcer')!.textContent.trim()).to.equal('Anruf von Bob Marsh');
  });
});
