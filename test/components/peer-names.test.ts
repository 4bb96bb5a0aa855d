// The names and pictures a page's peerResolver gives, as the elements show and announce them: two
// providers on one page over the loopback hub in baseline mode, where the hub says only "alice".
import { needs } from '../support/needs.js';
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../src/elements.js';
import type { ThrumeActiveCall, ThrumeCallButton, ThrumeCallProvider, ThrumeIncomingCall } from '../../src/elements.js';
import { LoopbackHub } from '../../src/services/signaling/loopback.js';
import type { PeerResolver } from '../../src/services/peer-profile.js';
import { RecordingMedia } from '../support/recorders.js';
import { user } from '../support/directory.js';
import { picture } from '../support/name-flows.js';

const part = (el: HTMLElement, name: string) => el.shadowRoot!.querySelector<HTMLElement>(`[part~="${name}"]`);
const text = (el: HTMLElement, name: string) => part(el, name)?.textContent?.trim();

/** The demo directory as a page knows it: display names, and a picture for each. */
const directory: PeerResolver = async (id) => {
  const known = ['alice', 'bob'].map(user).find((u) => u.id === id);
  return known && { name: known.displayName, avatarUrl: picture(known.userName) };
};

async function side(hub: LoopbackHub, me: string, other: string, peerResolver?: PeerResolver) {
  const [self, peer] = [user(me), user(other)];
  const provider = await fixture<ThrumeCallProvider>(html`
    <thrume-call-provider .signaling=${hub.connect({ id: self.id, name: self.userName })} .media=${new RecordingMedia()} .iceServers=${[]} .peerResolver=${peerResolver}>
      <thrume-call-button callee-id=${peer.id} callee-name=${peer.userName}></thrume-call-button>
      <thrume-incoming-call silent></thrume-incoming-call>
      <thrume-active-call silent></thrume-active-call>
    </thrume-call-provider>
  `);
  const q = <T extends Element>(tag: string) => provider.querySelector(tag) as unknown as T;
  const s = {
    provider,
    button: q<ThrumeCallButton>('thrume-call-button'),
    incoming: q<ThrumeIncomingCall>('thrume-incoming-call'),
    active: q<ThrumeActiveCall>('thrume-active-call'),
  };
  await waitUntil(() => part(s.button, 'voice')?.getAttribute('aria-disabled') === 'false', `${me} never connected`, {
    timeout: 10_000,
  });
  return s;
}

needs('peerConnection').describe("The elements show the peerResolver's names and pictures", () => {
  it('in the incoming dialog, its announcement, the active call and the ended summary, on both sides', async () => {
    const hub = new LoopbackHub({ mode: 'baseline' });
    const alice = await side(hub, 'alice', 'bob');
    const bob = await side(hub, 'bob', 'alice', directory);
    alice.provider.peerResolver = directory; // read when a call starts: the controller stays
    try {
      part(alice.button, 'voice')!.click();
      await waitUntil(() => text(alice.active, 'status') === 'Calling Bob Okafor…', 'alice does not call Bob by name');
      expect(part(alice.active, 'base')!.getAttribute('aria-label')).to.equal('Call with Bob Okafor');

      await waitUntil(() => text(bob.incoming, 'name') === 'Alice Moreau', 'bob does not see her name', {
        timeout: 10_000,
      });
      expect(text(bob.incoming, 'announcer')).to.equal('Incoming voice call from Alice Moreau');
      expect(part(bob.incoming, 'avatar')!.getAttribute('src')).to.equal(picture('alice'));
      await expect(bob.incoming).to.be.accessible();

      part(bob.incoming, 'accept')!.click();
      await waitUntil(() => part(bob.active, 'base')?.dataset.status === 'active', 'the call never became active', {
        timeout: 15_000,
      });
      for (const [s, name, who] of [
        [bob, 'Alice Moreau', 'alice'],
        [alice, 'Bob Okafor', 'bob'],
      ] as const) {
        expect(text(s.active, 'name')).to.equal(name);
        expect(part(s.active, 'base')!.getAttribute('aria-label')).to.equal(`Call with ${name}`);
        expect(part(s.active, 'avatar')!.getAttribute('src')).to.equal(picture(who)); // a voice call shows the picture
      }
      await expect(bob.active).to.be.accessible();

      part(alice.active, 'hang-up')!.click();
      await waitUntil(() => part(bob.active, 'base')?.dataset.status === 'ended', 'bob never saw the end');
      expect(text(bob.active, 'name')).to.equal('Alice Moreau');
      expect(part(bob.active, 'base')!.getAttribute('aria-label')).to.equal('Call with Alice Moreau');
      await expect(bob.active).to.be.accessible();
    } finally {
      alice.provider.remove();
      bob.provider.remove();
    }
  });

  it("shows the hub's name, and initials, when the resolver gives nothing", async () => {
    const hub = new LoopbackHub({ mode: 'baseline' });
    const alice = await side(hub, 'alice', 'bob');
    const bob = await side(hub, 'bob', 'alice', () => null);
    try {
      part(alice.button, 'voice')!.click();
      await waitUntil(() => text(bob.incoming, 'name') === 'alice', 'bob does not see the user name', {
        timeout: 10_000,
      });
      expect(text(bob.incoming, 'announcer')).to.equal('Incoming voice call from alice');
      expect(text(bob.incoming, 'avatar')).to.equal('A');
      part(bob.incoming, 'decline')!.click();
      await waitUntil(() => part(alice.active, 'base')?.dataset.status === 'ended', 'alice never heard the decline');
      expect(text(alice.active, 'name')).to.equal('bob');
    } finally {
      alice.provider.remove();
      bob.provider.remove();
    }
  });
});
