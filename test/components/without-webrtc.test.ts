// A browser without WebRTC (Debian's WebKitGTK, some embedded web views) cannot call, and must say so
// clearly, with nothing left running. In the WebKit leg RTCPeerConnection is really absent; Chromium
// and Firefox have it hidden for these tests, the one corner they cannot reach otherwise.
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../src/elements.js';
import type { ThrumeActiveCall, ThrumeCallButton, ThrumeCallProvider, ThrumeIncomingCall } from '../../src/elements.js';
import { CallError } from '../../src/services/errors.js';
import { defaultStrings } from '../../src/strings.js';
import { conversationOf } from '../support/directory.js';
import { expectReleased, loopbackParties, until, type Parties, type Party } from '../support/parties.js';
import { expectNoPageErrors, recordPageErrors } from '../support/page-errors.js';

const part = (el: HTMLElement, name: string) => el.shadowRoot!.querySelector<HTMLElement>(`[part~="${name}"]`);
const webrtcError = defaultStrings.errors.WEBRTC_ERROR;

describe('A browser without WebRTC', () => {
  const own = Object.getOwnPropertyDescriptor(globalThis, 'RTCPeerConnection');
  let parties: Parties;
  let alice: Party;
  let bob: Party;
  /** Every reason the hub gave alice's side for a call refused. */
  let refusals: string[];

  recordPageErrors();
  beforeEach(async () => {
    if (own) Reflect.deleteProperty(globalThis, 'RTCPeerConnection');
    expect(typeof RTCPeerConnection).to.equal('undefined');
    parties = loopbackParties('extended');
    [alice, bob] = await Promise.all([parties.party('alice'), parties.party('bob')]);
    refusals = [];
    alice.signaling.events.on('callRejected', ({ reason }) => refusals.push(String(reason)));
  });
  afterEach(async () => {
    await parties.close();
    if (own) Object.defineProperty(globalThis, 'RTCPeerConnection', own);
  });

  /** Alice's side rings bob through the hub alone: without WebRTC her controller could not place the call. */
  const ring = async () => {
    await alice.signaling.initiateCall(bob.id, 'video', conversationOf(alice.id, bob.id));
    await until(bob.controller, (s) => s.status === 'incoming');
  };

  it('refuses to place a call with WEBRTC_ERROR, asking for no camera, microphone or screen and ringing nobody', async () => {
    const error = await alice.controller.initiateCall(bob.id, 'video', { shareScreen: true }).then(
      () => expect.fail('should fail'),
      (e: unknown) => e,
    );
    expect(error).to.be.instanceOf(CallError);
    expect((error as CallError).code).to.equal('WEBRTC_ERROR');
    expect(alice.controller.state).to.deep.include({ status: 'ended', error });
    expect(alice.controller.state.activeCall!.endReason).to.equal('failed');
    expect(alice.media.tracks).to.deep.equal([]);
    expect(bob.controller.state.status).to.equal('idle');
    expect(bob.controller.state.callHistory).to.deep.equal([]);
    alice.controller.dismiss();
    const again = await alice.controller.initiateCall(bob.id, 'voice').catch((e: CallError) => e.code);
    expect(again).to.equal('WEBRTC_ERROR');
    expectReleased(alice, bob);
    await expectNoPageErrors();
  });

  it('declines an incoming call; accepting one rejects with WEBRTC_ERROR and tells the caller', async () => {
    await ring();
    await bob.controller.rejectCall();
    await waitUntil(() => refusals.length === 1, 'alice was not told of the decline');
    expect(refusals).to.deep.equal(['declined']);
    await ring();
    const error = await bob.controller.acceptCall().then(
      () => expect.fail('should fail'),
      (e: CallError) => e,
    );
    expect(error.code).to.equal('WEBRTC_ERROR');
    expect(bob.controller.state).to.deep.include({ status: 'ended', error, incomingCall: null });
    expect(bob.controller.state.activeCall!.endReason).to.equal('failed');
    await waitUntil(() => refusals.length === 2, 'alice was not told the call failed');
    expect(refusals[1]).to.equal('failed');
    expect(bob.media.tracks).to.deep.equal([]);
    expectReleased(alice, bob);
    await expectNoPageErrors();
  });

  describe('in the elements', () => {
    async function page(party: Party) {
      const provider = await fixture<ThrumeCallProvider>(html`
        <thrume-call-provider .controller=${party.controller}>
          <thrume-call-button callee-id=${alice.id} callee-name="Alice Moreau" conversation-id="c1"></thrume-call-button>
          <thrume-incoming-call silent></thrume-incoming-call>
          <thrume-active-call silent></thrume-active-call>
        </thrume-call-provider>
      `);
      const q = <T extends Element>(tag: string) => provider.querySelector(tag) as unknown as T;
      return {
        button: q<ThrumeCallButton>('thrume-call-button'),
        incoming: q<ThrumeIncomingCall>('thrume-incoming-call'),
        active: q<ThrumeActiveCall>('thrume-active-call'),
      };
    }

    it('show the incoming call and let the person decline it; Accept shows the clear error', async () => {
      const { incoming, active } = await page(bob);
      await ring();
      await incoming.updateComplete;
      expect(part(incoming, 'name')!.textContent).to.equal('Alice Moreau');
      await expect(incoming).to.be.accessible();
      part(incoming, 'decline')!.click();
      await waitUntil(() => refusals.length === 1 && !part(incoming, 'base'), 'the decline did not reach alice');
      await ring();
      await incoming.updateComplete;
      part(incoming, 'accept')!.click();
      await waitUntil(() => part(active, 'error'), 'no error shown');
      expect(part(active, 'error')!.textContent).to.equal(webrtcError);
      expect(part(active, 'status')!.textContent).to.equal(defaultStrings.ended.failed);
      expect(part(incoming, 'base')).to.equal(null);
      await expect(active).to.be.accessible();
      expect(bob.media.tracks).to.deep.equal([]);
      await expectNoPageErrors();
    });

    it('show the clear error when a call button is pressed, with nothing captured', async () => {
      const { button, active } = await page(bob);
      for (const action of ['video', 'screen-share'] as const) {
        part(button, action)!.click();
        await waitUntil(() => part(active, 'error'), `no error shown for ${action}`);
        expect(part(active, 'error')!.textContent).to.equal(webrtcError);
        await expect(active).to.be.accessible();
        part(active, 'close')!.click();
        await waitUntil(() => !part(active, 'base'), 'the summary did not close');
      }
      expect(bob.media.tracks).to.deep.equal([]);
      expect(alice.controller.state.status).to.equal('idle');
      await expectNoPageErrors();
    });
  });
});
