// Safari keeps audio suspended until a gesture, and a gesture counts only for a few seconds: a call
// that rings long after the last click finds its AudioContext suspended. The ringtone then waits,
// silently and without an error, and sounds on the next click. In a file of its own, because the
// kit's AudioContext, once running, stays running for the page.
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendMouse } from '@web/test-runner-commands';
import '../../src/elements.js';
import type { ThrumeIncomingCall } from '../../src/elements.js';
import { ScriptedController, scene } from '../../src/testing/scripted-controller.js';
import { needs } from '../support/needs.js';
import { expectNoPageErrors, recordPageErrors } from '../support/page-errors.js';

const part = (el: HTMLElement, name: string) => el.shadowRoot!.querySelector<HTMLElement>(`[part~="${name}"]`)!;

async function click(el: HTMLElement) {
  const { x, y, width, height } = el.getBoundingClientRect();
  await sendMouse({ type: 'click', position: [Math.round(x + width / 2), Math.round(y + height / 2)] });
}

describe('The ringtone where the browser blocks audio', () => {
  recordPageErrors();

  needs('autoplayBlock').it(
    'rings silently, without an error, while audio stays suspended, and sounds on the next click',
    async function () {
      this.timeout(30_000);
      const controller = new ScriptedController();
      const el = await fixture<ThrumeIncomingCall>(
        html`<thrume-incoming-call .controller=${controller}></thrume-incoming-call>`,
      );
      await click(document.body); // the page has had a gesture, long before the call
      await waitUntil(() => !navigator.userActivation.isActive, 'the click still counts as a gesture', {
        timeout: 15_000,
      });
      const probe = new AudioContext();
      expect(probe.state, 'audio outside a gesture').to.equal('suspended');
      await probe.close();

      controller.set(scene('incoming-video'));
      await el.updateComplete;
      expect(el.ringtonePlaying).to.equal(true);
      expect(el.ringtoneAudible).to.equal(false);
      expect(part(el, 'announcer').textContent.trim()).to.equal('Incoming video call from Bob Marsh');
      await expect(el).to.be.accessible();

      await click(part(el, 'title'));
      await waitUntil(() => el.ringtoneAudible, 'the ringtone did not sound after the click');
      await expectNoPageErrors();
    },
  );
});
