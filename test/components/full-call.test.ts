// A whole call driven only by clicking the elements' own buttons: two providers on one page, each
// with a real controller over the loopback hub, real media (Chromium's fake devices) and real
// peer connections.
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../src/elements.js';
import type { ThrumeActiveCall, ThrumeCallButton, ThrumeCallProvider, ThrumeIncomingCall } from '../../src/elements.js';
import { LoopbackHub, type LoopbackSignaling } from '../../src/services/signaling/loopback.js';
import { RecordingMedia, openPeerConnections } from '../support/recorders.js';
import { conversationOf, user } from '../support/directory.js';
import { lacks, needs } from '../support/needs.js';

const part = (el: HTMLElement, name: string) => el.shadowRoot!.querySelector<HTMLElement>(`[part~="${name}"]`);

interface Side {
  provider: ThrumeCallProvider;
  button: ThrumeCallButton;
  incoming: ThrumeIncomingCall;
  active: ThrumeActiveCall;
  media: RecordingMedia;
  signaling: LoopbackSignaling;
}

async function side(hub: LoopbackHub, me: string, other: string): Promise<Side> {
  const self = user(me);
  const peer = user(other);
  const media = new RecordingMedia();
  const signaling = hub.connect({ id: self.id, name: self.displayName });
  const provider = await fixture<ThrumeCallProvider>(html`
    <thrume-call-provider .signaling=${signaling} .media=${media} .iceServers=${[]}>
      <thrume-call-button callee-id=${peer.id} callee-name=${peer.displayName} conversation-id=${conversationOf(self.id, peer.id)}></thrume-call-button>
      <thrume-incoming-call silent></thrume-incoming-call>
      <thrume-active-call silent></thrume-active-call>
    </thrume-call-provider>
  `);
  const q = <T extends Element>(tag: string) => provider.querySelector(tag) as unknown as T;
  const s = {
    provider,
    media,
    signaling,
    button: q<ThrumeCallButton>('thrume-call-button'),
    incoming: q<ThrumeIncomingCall>('thrume-incoming-call'),
    active: q<ThrumeActiveCall>('thrume-active-call'),
  };
  await waitUntil(() => part(s.button, 'video')?.getAttribute('aria-disabled') === 'false', `${me} never connected`, {
    timeout: 10_000,
  });
  return s;
}

const status = (s: Side) => part(s.active, 'base')?.dataset.status;

/** Resolves when the video element has rendered `count` new frames. */
function frames(video: HTMLVideoElement, count = 5): Promise<number> {
  return new Promise((resolve, reject) => {
    let seen = 0;
    const timer = setTimeout(() => reject(new Error(`only ${seen} frames`)), 10_000);
    const next = () =>
      video.requestVideoFrameCallback((_now, meta) => {
        if (++seen >= count) {
          clearTimeout(timer);
          resolve(meta.width);
        } else next();
      });
    next();
  });
}

needs('peerConnection').describe('A call driven by clicks alone', () => {
  let hub: LoopbackHub;
  let alice: Side;
  let bob: Side;

  beforeEach(async () => {
    hub = new LoopbackHub({ mode: 'extended' });
    alice = await side(hub, 'alice', 'bob');
    bob = await side(hub, 'bob', 'alice');
  });

  afterEach(() => {
    alice.provider.remove();
    bob.provider.remove();
  });

  it('goes from call button to incoming dialog to active call to hang-up, with frames on both sides', async () => {
    part(alice.button, 'video')!.click();
    await waitUntil(() => status(alice) === 'calling', 'alice is not calling');
    await waitUntil(() => part(bob.incoming, 'accept'), 'bob sees no incoming call', { timeout: 10_000 });
    expect(part(bob.incoming, 'name')!.textContent).to.equal('Alice Moreau');
    expect(part(bob.button, 'video')!.getAttribute('aria-disabled')).to.equal('true');

    part(bob.incoming, 'accept')!.click();
    await waitUntil(() => status(alice) === 'active' && status(bob) === 'active', 'the call never became active', {
      timeout: 15_000,
    });
    await waitUntil(() => part(alice.active, 'remote-video') && part(bob.active, 'remote-video'), 'no remote video', {
      timeout: 10_000,
    });
    const [atAlice, atBob] = await Promise.all([
      frames(part(alice.active, 'remote-video') as HTMLVideoElement),
      frames(part(bob.active, 'remote-video') as HTMLVideoElement),
    ]);
    expect(atAlice).to.be.greaterThan(0);
    expect(atBob).to.be.greaterThan(0);
    expect(part(bob.incoming, 'base')).to.equal(null);

    // The fake microphones beep: each side sees the other speak, heard from the audio its element plays.
    const speaking = (s: Side) => part(s.active, 'base')?.dataset.speaking ?? '';
    await waitUntil(
      () => speaking(bob).includes('remote') && speaking(alice).includes('remote'),
      'nobody is seen speaking',
      { timeout: 15_000 },
    );

    part(alice.active, 'microphone')!.click();
    await waitUntil(
      () => part(bob.active, 'remote-state')?.textContent === 'Alice Moreau is muted',
      'bob does not see the mute',
    );
    expect(part(alice.active, 'microphone')!.getAttribute('aria-pressed')).to.equal('true');
    if (!lacks('audioOutput'))
      await waitUntil(() => part(alice.active, 'muted-hint'), 'alice, muted, is not told so as she speaks', {
        timeout: 15_000,
      });

    part(alice.active, 'hang-up')!.click();
    await waitUntil(() => status(alice) === 'ended' && status(bob) === 'ended', 'the call did not end on both sides');
    expect(part(alice.active, 'status')!.textContent).to.equal('Call ended');
    expect(part(bob.active, 'status')!.textContent).to.equal('Call ended');
    for (const s of [alice, bob])
      expect(
        s.media.liveTracks.map((t) => t.kind),
        'live tracks',
      ).to.deep.equal([]);
    expect(openPeerConnections()).to.have.length(0);

    part(alice.active, 'close')!.click();
    part(bob.active, 'close')!.click();
    await alice.active.updateComplete;
    expect(part(alice.active, 'base')).to.equal(null);
    expect(part(alice.button, 'voice')!.getAttribute('aria-disabled')).to.equal('false');
  });

  it('plays remote audio in a voice call, and ends as declined when the callee declines', async () => {
    part(bob.button, 'voice')!.click();
    await waitUntil(() => part(alice.incoming, 'accept'), 'alice sees no incoming call', { timeout: 10_000 });
    part(alice.incoming, 'accept')!.click();
    await waitUntil(() => status(alice) === 'active' && status(bob) === 'active', 'the call never became active', {
      timeout: 15_000,
    });
    for (const s of [alice, bob]) {
      const audio = part(s.active, 'remote-audio') as HTMLAudioElement;
      await waitUntil(
        () => !audio.paused && (audio.srcObject as MediaStream | null)?.getAudioTracks()[0]?.readyState === 'live',
        'remote audio is not playing',
      );
      expect(part(s.active, 'remote-video')).to.equal(null);
      expect(part(s.active, 'avatar')).to.exist;
    }
    // Alice may hear of the hang-up over the call's data channel before the hub has ended the call;
    // calling back before the hub's CallEnded would find bob still busy there.
    let hubEnded = false;
    const stop = alice.signaling.events.on('callEnded', () => (hubEnded = true));
    part(bob.active, 'hang-up')!.click();
    await waitUntil(() => status(alice) === 'ended' && hubEnded, 'alice did not see the hang-up');
    stop();
    part(alice.active, 'close')!.click();

    part(alice.button, 'video')!.click();
    await waitUntil(() => part(bob.incoming, 'decline'), 'bob sees no incoming call', { timeout: 10_000 });
    part(bob.incoming, 'decline')!.click();
    await waitUntil(
      () => part(alice.active, 'status')?.textContent === 'Call declined',
      'alice does not see the decline',
    );
    expect(part(bob.incoming, 'base')).to.equal(null);
    for (const s of [alice, bob]) expect(s.media.liveTracks, 'live tracks').to.deep.equal([]);
  });

  needs('screenCapture').it(
    'keeps the screen-share button in step when the browser\'s own "Stop sharing" ends the share',
    async () => {
      part(alice.button, 'video')!.click();
      await waitUntil(() => part(bob.incoming, 'accept'), 'bob sees no incoming call', { timeout: 10_000 });
      part(bob.incoming, 'accept')!.click();
      await waitUntil(() => status(alice) === 'active' && status(bob) === 'active', 'the call never became active', {
        timeout: 15_000,
      });
      part(alice.active, 'screen-share')!.click();
      await waitUntil(
        () => part(alice.active, 'screen-share')!.getAttribute('aria-pressed') === 'true',
        'not sharing',
        { timeout: 10_000 },
      );
      await waitUntil(
        () => part(bob.active, 'remote-state')?.textContent === 'Alice Moreau is sharing their screen',
        'bob does not see the share',
      );
      const screen = alice.media.tracks.find(
        (t) => t.kind === 'video' && t.readyState === 'live' && t.getSettings().displaySurface,
      )!;
      screen.dispatchEvent(new Event('ended')); // what the browser's "Stop sharing" bar does
      await waitUntil(
        () => part(alice.active, 'screen-share')!.getAttribute('aria-pressed') === 'false',
        'the button still says sharing',
      );
      await waitUntil(() => !part(bob.active, 'remote-state'), 'bob still sees a share');
      part(alice.active, 'hang-up')!.click();
      await waitUntil(() => status(bob) === 'ended', 'bob did not see the hang-up');
    },
  );

  it('takes the incoming dialog away on a second device when the first answers', async () => {
    const bobsPhone = await side(hub, 'bob', 'alice');
    try {
      part(alice.button, 'voice')!.click();
      await waitUntil(
        () => part(bob.incoming, 'accept') && part(bobsPhone.incoming, 'accept'),
        "both of bob's devices should ring",
        { timeout: 10_000 },
      );
      part(bob.incoming, 'accept')!.click();
      await waitUntil(() => !part(bobsPhone.incoming, 'base'), 'the second device still rings');
      expect(part(bobsPhone.active, 'base')).to.equal(null);
      await waitUntil(() => status(alice) === 'active', 'the call never became active', { timeout: 15_000 });
      part(alice.active, 'hang-up')!.click();
      await waitUntil(() => status(bob) === 'ended', 'bob did not see the hang-up');
    } finally {
      bobsPhone.provider.remove();
    }
  });

  it('releases the camera and microphone when the provider leaves the page mid-call', async () => {
    part(alice.button, 'video')!.click();
    await waitUntil(() => part(bob.incoming, 'accept'), 'bob sees no incoming call', { timeout: 10_000 });
    part(bob.incoming, 'accept')!.click();
    await waitUntil(() => status(alice) === 'active' && status(bob) === 'active', 'the call never became active', {
      timeout: 15_000,
    });
    alice.provider.remove();
    await waitUntil(() => status(bob) === 'ended', 'bob did not see the call end');
    for (const s of [alice, bob]) expect(s.media.liveTracks, 'live tracks').to.deep.equal([]);
  });
});
