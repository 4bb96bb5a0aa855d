// The call scenarios every signaling implementation must pass: run against the loopback hub here,
// and against the real hub over SignalR in test/hub/.
import type { CallError } from '../../src/services/errors.js';
import { expect } from '@open-wc/testing';
import {
  connectCall,
  expectReleased,
  framesOf,
  isActive,
  isEnded,
  until,
  type Parties,
  type Party,
} from './parties.js';
import { needs } from './needs.js';

export function callFlows(makeParties: () => Parties): void {
  let parties: Parties;
  let alice: Party;
  let bob: Party;

  beforeEach(async () => {
    parties = makeParties();
    [alice, bob] = await Promise.all([parties.party('alice'), parties.party('bob')]);
  });
  afterEach(() => parties.close());

  it('connects a voice call with audio flowing both ways', async () => {
    await connectCall(alice, bob, 'voice');
    for (const p of [alice, bob]) {
      const audio = p.controller.state.remoteStream!.getAudioTracks()[0];
      expect(audio.readyState).to.equal('live');
      expect(p.controller.state.activeCall!.connectedAt).to.be.instanceOf(Date);
      expect(p.controller.state.localStream!.getVideoTracks()).to.have.length(0);
    }
    await alice.controller.endCall();
    await until(bob.controller, isEnded);
    expectReleased(alice, bob);
  });

  it('ends the call at the hub when a controller is disposed mid-call, so both can be called at once', async () => {
    await connectCall(alice, bob, 'voice');
    await alice.controller.dispose(); // a provider taken off the page does this
    await until(bob.controller, isEnded);
    const aliceAgain = await parties.party('alice');
    await aliceAgain.controller.initiateCall(bob.id, 'voice'); // refused while the hub still held the old call
    await until(bob.controller, (s) => s.status === 'incoming');
    await bob.controller.rejectCall();
    await until(aliceAgain.controller, isEnded);
    expectReleased(alice, aliceAgain, bob);
  });

  it('connects a video call with frames decoded on both sides', async () => {
    await connectCall(alice, bob, 'video');
    const [atBob, atAlice] = await Promise.all([
      framesOf(bob.controller.state.remoteStream!),
      framesOf(alice.controller.state.remoteStream!),
    ]);
    expect(atBob.width).to.be.greaterThan(0);
    expect(atAlice.width).to.be.greaterThan(0);
    await bob.controller.endCall();
    expect(bob.controller.state.activeCall!.endReason).to.equal('hangup');
    const ended = await until(alice.controller, isEnded);
    expect(ended.activeCall!.endReason).to.equal('remote-hangup');
    expectReleased(alice, bob);
  });

  it('shows mute and camera off on the other side, with the camera light off', async () => {
    await connectCall(alice, bob, 'video');
    alice.controller.toggleMute();
    await until(bob.controller, (s) => s.remoteControls.muted);
    expect(alice.controller.state.localStream!.getAudioTracks()[0].enabled).to.equal(false);
    await alice.controller.toggleCamera();
    await until(bob.controller, (s) => !s.remoteControls.cameraOn);
    expect(alice.media.tracks.filter((t) => t.kind === 'video' && t.readyState === 'live')).to.have.length(0);
    await alice.controller.toggleCamera();
    await until(bob.controller, (s) => s.remoteControls.cameraOn);
    await framesOf(bob.controller.state.remoteStream!);
    await alice.controller.endCall();
    await until(bob.controller, isEnded);
    expectReleased(alice, bob);
  });

  // Headless Firefox's getDisplayMedia fails with NotFoundError even after a real click (checked with sendMouse).
  needs('screenCapture').it(
    'shares the screen, and goes back to the camera when the browser stops the share',
    async () => {
      await connectCall(alice, bob, 'video');
      await alice.controller.toggleScreenShare();
      await until(bob.controller, (s) => s.remoteControls.screenSharing);
      const screen = alice.controller.state.localStream!.getVideoTracks()[0];
      expect(screen.getSettings().displaySurface).to.equal('monitor');
      await remoteFramesMatch(bob, screen); // the remote decodes frames the size of the screen
      screen.dispatchEvent(new Event('ended')); // what the browser's own "Stop sharing" button does
      await until(alice.controller, (s) => !s.controls.screenSharing && s.controls.cameraOn);
      await until(bob.controller, (s) => !s.remoteControls.screenSharing);
      expect(screen.readyState).to.equal('ended');
      await remoteFramesMatch(bob, alice.controller.state.localStream!.getVideoTracks()[0]);
      await alice.controller.endCall();
      await until(bob.controller, isEnded);
      expectReleased(alice, bob);
    },
  );

  it("ends the caller's call as declined when the callee rejects", async () => {
    await alice.controller.initiateCall(bob.id, 'video');
    await until(bob.controller, (s) => s.status === 'incoming');
    await bob.controller.rejectCall();
    const ended = await until(alice.controller, isEnded);
    expect(ended.activeCall!.endReason).to.equal('declined');
    expect(bob.controller.state.callHistory[0].endReason).to.equal('declined');
    expectReleased(alice, bob);
  });

  it('cancels a ringing call from the caller', async () => {
    await alice.controller.initiateCall(bob.id, 'video');
    await until(bob.controller, (s) => s.status === 'incoming');
    await alice.controller.endCall();
    expect(alice.controller.state.activeCall!.endReason).to.equal('cancelled');
    if (parties.mode === 'extended') {
      await until(bob.controller, (s) => s.status === 'idle' && s.callHistory[0]?.endReason === 'cancelled');
    } // the baseline hub never tells the callee; its own ring timeout ends the ringing (next test)
    expectReleased(alice, bob);
  });

  it('hangs up from either side and releases everything', async () => {
    await connectCall(bob, alice, 'video');
    await alice.controller.endCall();
    expect((await until(bob.controller, isEnded)).activeCall!.endReason).to.equal('remote-hangup');
    expectReleased(alice, bob);
    await connectCall(bob, alice, 'voice');
    await bob.controller.endCall();
    expect((await until(alice.controller, isEnded)).activeCall!.endReason).to.equal('remote-hangup');
    expectReleased(alice, bob);
  });

  it('refuses a call to someone in a call', async () => {
    const dave = await parties.party('dave');
    await connectCall(alice, bob, 'voice');
    const attempt = dave.controller.initiateCall(bob.id, 'voice');
    await attempt.then(
      () => expect.fail('the hub should refuse'),
      (error: CallError) => expect(error.code).to.equal('USER_UNAVAILABLE'),
    );
    expect(dave.controller.state.activeCall!.endReason).to.equal('unavailable');
    expect(bob.controller.state.status).to.equal('active');
    await bob.controller.endCall();
    await until(alice.controller, isEnded);
    expectReleased(alice, bob, dave);
  });

  it('resolves glare: both call each other at once and exactly one call connects', async () => {
    const results = await Promise.allSettled([
      alice.controller.initiateCall(bob.id, 'video'),
      bob.controller.initiateCall(alice.id, 'video'),
    ]);
    expect(results.filter((r) => r.status === 'rejected').map((r) => (r.reason as Error).message)).to.deep.equal([]);
    const [a, b] = await Promise.all([until(alice.controller, isActive), until(bob.controller, isActive)]);
    expect(a.activeCall!.id).to.equal(b.activeCall!.id);
    expect(a.activeCall!.direction).to.not.equal(b.activeCall!.direction);
    await framesOf(a.remoteStream!);
    await alice.controller.endCall();
    await until(bob.controller, isEnded);
    expectReleased(alice, bob);
  });
}

/** Ring timeout, with parties whose rings are short. */
export function ringTimeoutFlow(makeParties: () => Parties): void {
  it('ends an unanswered call as missed on both sides', async () => {
    const parties = makeParties();
    try {
      const [alice, bob] = await Promise.all([
        parties.party('alice', { ringTimeoutMs: 800 }),
        parties.party('bob', { ringTimeoutMs: 800 }),
      ]);
      await alice.controller.initiateCall(bob.id, 'video');
      await until(bob.controller, (s) => s.status === 'incoming');
      const ended = await until(alice.controller, isEnded);
      expect(ended.activeCall!.endReason).to.equal('missed');
      await until(bob.controller, (s) => s.status === 'idle');
      expect(bob.controller.state.callHistory[0].endReason).to.equal('missed');
      expectReleased(alice, bob);
    } finally {
      await parties.close();
    }
  });
}

/**
 * Waits until the party's remote video frames are `source`'s, the track the other side sends: as wide as
 * it, or scaled down by the sender's encoder under load (by 3/4, 1/2, 3/8 or 1/4). The fake screen is
 * 800 wide and the fake camera 1280, so neither scaled can pass for the other.
 */
async function remoteFramesMatch(party: Party, source: MediaStreamTrack): Promise<void> {
  const width = source.getSettings().width!;
  const widths = [1, 3 / 4, 1 / 2, 3 / 8, 1 / 4].map((scale) => Math.round(width * scale));
  const deadline = Date.now() + 15_000;
  for (;;) {
    const size = await framesOf(party.controller.state.remoteStream!, 3);
    if (widths.includes(size.width)) return;
    if (Date.now() > deadline)
      throw new Error(`Remote frames are ${size.width} wide: not the source's ${width}, nor scaled from it`);
  }
}
