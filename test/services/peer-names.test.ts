import { needs } from '../support/needs.js';
import { expect } from '@open-wc/testing';
import { CallController } from '../../src/services/call-controller.js';
import { LoopbackHub } from '../../src/services/signaling/loopback.js';
import type { PeerProfile } from '../../src/services/peer-profile.js';
import { RecordingMedia } from '../support/recorders.js';
import { expectReleased, isActive, loopbackParties, until, type Party } from '../support/parties.js';
import { user } from '../support/directory.js';
import { badAnswers, nameFlows, ringAndConnect, switchableResolver } from '../support/name-flows.js';

for (const mode of ['extended', 'baseline'] as const) {
  needs('peerConnection').describe(`Names and pictures over the loopback hub (${mode})`, () => {
    nameFlows(() => loopbackParties(mode));
  });
}

needs('peerConnection').describe(
  'A peerResolver that misbehaves (loopback, baseline: the hub says only "alice")',
  () => {
    const parties = loopbackParties('baseline');
    const bobs = switchableResolver();
    let alice: Party;
    let bob: Party;

    before(async () => {
      [alice, bob] = await Promise.all([
        parties.party('alice'),
        parties.party('bob', { peerResolver: bobs.resolver, peerResolverTimeoutMs: 300 }),
      ]);
    });
    after(() => parties.close());

    for (const [what, answer] of badAnswers) {
      it(`rings and connects normally, showing the hub's name, when it ${what}`, async () => {
        bobs.answer = answer;
        bobs.asked.length = 0;
        const { ringing, active } = await ringAndConnect(alice, bob);
        expect([ringing.peerName, active.peerName, bob.controller.state.activeCall!.peerName]).to.deep.equal([
          'alice',
          'alice',
          'alice',
        ]);
        expect(active.peerAvatarUrl).to.equal(undefined);
        expect(bobs.asked).to.deep.equal([[alice.id, { name: 'alice', avatarUrl: undefined }]]);
        expectReleased(alice, bob);
      });
    }

    it('renames the ringing call in place when its answer comes within the timeout', async () => {
      let answer!: (profile: PeerProfile) => void;
      bobs.answer = () => new Promise((resolve) => (answer = resolve));
      await alice.controller.initiateCall(bob.id, 'voice');
      expect((await until(bob.controller, (s) => s.status === 'incoming')).incomingCall!.peerName).to.equal('alice');
      answer({ name: 'Alice Moreau', avatarUrl: 'https://pictures.example/alice.png' });
      const renamed = await until(bob.controller, (s) => s.incomingCall?.peerName === 'Alice Moreau');
      expect(renamed.incomingCall!.peerAvatarUrl).to.equal('https://pictures.example/alice.png');
      await bob.controller.rejectCall();
      expect(bob.controller.state.callHistory[0].peerName).to.equal('Alice Moreau');
      await until(alice.controller, (s) => s.status === 'ended');
    });

    it('ignores an answer that comes after the timeout, mid-call', async () => {
      let answer!: (profile: PeerProfile) => void;
      const late = new Promise<PeerProfile>((resolve) => (answer = resolve));
      bobs.answer = () => late;
      await alice.controller.initiateCall(bob.id, 'voice');
      await until(bob.controller, (s) => s.status === 'incoming');
      const timedOut = new Promise((resolve) => setTimeout(resolve, 300)); // the resolver's own timeout, which it is given
      await bob.controller.acceptCall();
      await Promise.all([until(alice.controller, isActive), until(bob.controller, isActive), timedOut]);
      const before = bob.controller.state;
      answer({ name: 'Too Late' });
      await late;
      await new Promise((resolve) => setTimeout(resolve));
      expect(bob.controller.state).to.equal(before);
      await alice.controller.endCall();
      await until(bob.controller, (s) => s.status === 'ended');
      expectReleased(alice, bob);
    });
  },
);

needs('peerConnection').describe('Who the other person is called, when nobody says', () => {
  it('falls back from the resolver to the hub to the id, never to an empty name', async () => {
    // The caller is named by the hub ("Unknown" for a user without a name, as Thrume's hub says), the callee by its id.
    const hub = new LoopbackHub({ mode: 'baseline' });
    const [a, b] = [user('alice'), user('bob')];
    const make = (id: string, name: string) =>
      new CallController({
        signaling: hub.connect({ id, name }),
        media: new RecordingMedia(),
        iceServers: [],
        peerResolver: () => ({}),
      });
    const alice = make(a.id, ''); // a hub that sends no user name
    const bob = make(b.id, 'bob');
    await Promise.all([alice.connect(), bob.connect()]);
    try {
      await alice.initiateCall(b.id, 'voice'); // and a page that names nobody
      expect(alice.state.activeCall!.peerName).to.equal(b.id);
      expect((await until(bob, (s) => s.status === 'incoming')).incomingCall!.peerName).to.equal('Unknown');
      await bob.rejectCall();
    } finally {
      await Promise.all([alice.dispose(), bob.dispose()]);
    }
  });
});
