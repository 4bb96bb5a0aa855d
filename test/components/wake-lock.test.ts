import { expect, fixture, html } from '@open-wc/testing';
import '../../src/elements.js';
import type { ThrumeActiveCall } from '../../src/elements.js';
import { ScriptedController, scene } from '../../src/testing/scripted-controller.js';
import { needs } from '../support/needs.js';

/** Records the real sentinels the browser hands out (or a refusal, when `refuse`). */
function watchRequests(refuse = false) {
  const wakeLock = navigator.wakeLock;
  // eslint-disable-next-line @typescript-eslint/unbound-method -- the browser's own method, called below with .call(wakeLock)
  const request = wakeLock.request;
  const sentinels: WakeLockSentinel[] = [];
  wakeLock.request = async (type) => {
    if (refuse) throw new DOMException('Refused by the test', 'NotAllowedError');
    const sentinel = await request.call(wakeLock, type);
    sentinels.push(sentinel);
    return sentinel;
  };
  return { sentinels, restore: () => void (wakeLock.request = request) };
}

async function call(patch = scene('active-video')) {
  const controller = new ScriptedController(patch);
  const el = await fixture<ThrumeActiveCall>(
    html`<thrume-active-call silent .controller=${controller}></thrume-active-call>`,
  );
  return { el, controller };
}

const until = async (condition: () => boolean) => {
  for (let i = 0; i < 100 && !condition(); i++) await new Promise((r) => setTimeout(r, 20));
};

describe('<thrume-active-call> screen wake lock', () => {
  needs('wakeLock').it('keeps the screen on during a video call, and lets it go when the call ends', async () => {
    const watch = watchRequests();
    try {
      const { el, controller } = await call(scene('calling'));
      expect(el.screenKeptOn).to.equal(false);
      controller.set(scene('active-video'));
      await until(() => el.screenKeptOn);
      expect(el.screenKeptOn).to.equal(true);
      expect(watch.sentinels).to.have.length(1);
      controller.set(scene('reconnecting'));
      await el.updateComplete;
      expect(el.screenKeptOn, 'held through a reconnect').to.equal(true);
      controller.set(scene('ended', { reason: 'remote-hangup' }));
      await el.updateComplete;
      expect(el.screenKeptOn).to.equal(false);
      expect(watch.sentinels[0].released).to.equal(true);
    } finally {
      watch.restore();
    }
  });

  needs('wakeLock').it(
    'lets it go when the element leaves the page mid-call, and asks for none in a voice call',
    async () => {
      const watch = watchRequests();
      try {
        const { el } = await call();
        await until(() => el.screenKeptOn);
        el.remove();
        expect(watch.sentinels[0].released).to.equal(true);
        const voice = await call(scene('active-voice'));
        await new Promise((r) => setTimeout(r, 100));
        expect(voice.el.screenKeptOn).to.equal(false);
        expect(watch.sentinels).to.have.length(1);
      } finally {
        watch.restore();
      }
    },
  );

  it('a refusal leaves the call going, with no error', async () => {
    const watch = watchRequests(true);
    try {
      const { el, controller } = await call();
      await new Promise((r) => setTimeout(r, 100));
      expect(el.screenKeptOn).to.equal(false);
      expect(el.shadowRoot!.querySelector('[part~="error"]')).to.equal(null);
      expect(el.shadowRoot!.querySelector('[part~="base"]')!.getAttribute('data-status')).to.equal('active');
      expect(controller.intents).to.deep.equal([]);
    } finally {
      watch.restore();
    }
  });
});
