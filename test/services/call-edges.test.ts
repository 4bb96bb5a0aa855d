import { expect, waitUntil } from '@open-wc/testing';
import {
  connectCall,
  expectReleased,
  framesOf,
  isActive,
  isEnded,
  loopbackParties,
  until,
  type Parties,
} from '../support/parties.js';
import { peerConnections } from '../support/recorders.js';
import type { LoopbackSignaling } from '../../src/services/signaling/loopback.js';
import type { CallError } from '../../src/services/errors.js';
import { user } from '../support/directory.js';
import { needs } from '../support/needs.js';

/** Makes the page's getUserMedia fail like a browser does, for the duration of `run`. */
async function withGetUserMedia(
  fake: typeof navigator.mediaDevices.getUserMedia,
  run: () => Promise<void>,
): Promise<void> {
  // eslint-disable-next-line @typescript-eslint/unbound-method -- the original, put back as it was after `run`
  const real = navigator.mediaDevices.getUserMedia;
  navigator.mediaDevices.getUserMedia = fake;
  try {
    await run();
  } finally {
    navigator.mediaDevices.getUserMedia = real;
  }
}

describe('CallController edge cases', () => {
  let parties: Parties;
  afterEach(() => parties.close());

  needs('peerConnection').it("fails a call to someone offline with the hub's words, ringing nobody", async () => {
    parties = loopbackParties('baseline');
    const alice = await parties.party('alice');
    const error: CallError = await alice.controller.initiateCall('b0b00000-0000-4000-8000-000000000002', 'video').then(
      () => expect.fail('should fail'),
      (e: CallError) => e,
    );
    expect(error.code).to.equal('USER_OFFLINE');
    expect(error.message).to.equal('User is not online');
    expect(alice.controller.state.activeCall!.endReason).to.equal('unavailable');
    expect(alice.controller.state.error).to.equal(error);
    expectReleased(alice);
  });

  needs('peerConnection').it(
    'reports a denied camera and microphone before anyone rings, and keeps working after',
    async () => {
      parties = loopbackParties('extended');
      const [alice, bob] = await Promise.all([parties.party('alice'), parties.party('bob')]);
      await withGetUserMedia(
        () => Promise.reject(new DOMException('Permission denied', 'NotAllowedError')),
        async () => {
          const error: CallError = await alice.controller.initiateCall(bob.id, 'video').then(
            () => expect.fail('should fail'),
            (e: CallError) => e,
          );
          expect(error.code).to.equal('PERMISSION_DENIED');
        },
      );
      expect(bob.controller.state.status).to.equal('idle');
      expectReleased(alice, bob);
      await connectCall(alice, bob, 'voice');
      await alice.controller.endCall();
      await until(bob.controller, isEnded);
    },
  );

  needs('peerConnection', 'screenCapture').it(
    'stops the screen of a call-and-share whose microphone is refused',
    async () => {
      parties = loopbackParties('extended');
      const [alice, bob] = await Promise.all([parties.party('alice'), parties.party('bob')]);
      await withGetUserMedia(
        () => Promise.reject(new DOMException('Permission denied', 'NotAllowedError')),
        async () => {
          const code = await alice.controller
            .initiateCall(bob.id, 'video', { shareScreen: true })
            .catch((e: CallError) => e.code);
          expect(code).to.equal('PERMISSION_DENIED');
        },
      );
      await waitUntil(() => alice.media.tracks.length === 1, 'the screen was never granted');
      expectReleased(alice, bob);
    },
  );

  needs('peerConnection').it('falls back to audio only when a video call finds no camera', async () => {
    parties = loopbackParties('extended');
    const [alice, bob] = await Promise.all([parties.party('alice'), parties.party('bob')]);
    const real = navigator.mediaDevices.getUserMedia.bind(navigator.mediaDevices);
    const noCamera = (c?: MediaStreamConstraints) =>
      c?.video ? Promise.reject(new DOMException('none', 'NotFoundError')) : real(c);
    await withGetUserMedia(noCamera, () => alice.controller.initiateCall(bob.id, 'video'));
    await until(bob.controller, (s) => s.status === 'incoming');
    await bob.controller.acceptCall();
    await Promise.all([until(alice.controller, isActive), until(bob.controller, isActive)]);
    expect(alice.controller.state.error!.code).to.equal('DEVICE_NOT_FOUND');
    expect(alice.controller.state.controls.cameraOn).to.equal(false);
    expect(alice.controller.state.localStream!.getVideoTracks()).to.have.length(0);
    await framesOf(alice.controller.state.remoteStream!); // bob's camera still reaches alice
    await bob.controller.endCall();
    await until(alice.controller, isEnded);
    expectReleased(alice, bob);
  });

  needs('peerConnection').it('dismisses the other devices of the callee when one answers', async () => {
    parties = loopbackParties('extended');
    const [alice, bobPhone, bobLaptop] = await Promise.all([
      parties.party('alice'),
      parties.party('bob'),
      parties.party('bob'),
    ]);
    await alice.controller.initiateCall(bobPhone.id, 'voice');
    await Promise.all([bobPhone, bobLaptop].map((b) => until(b.controller, (s) => s.status === 'incoming')));
    await bobLaptop.controller.acceptCall();
    await until(bobPhone.controller, (s) => s.status === 'idle');
    expect(bobPhone.controller.state.callHistory[0].endReason).to.equal('answered-elsewhere');
    await until(alice.controller, isActive);
    await alice.controller.endCall();
    await until(bobLaptop.controller, isEnded);
    expectReleased(alice, bobPhone, bobLaptop);
  });

  for (const who of ['caller', 'callee'] as const) {
    needs('peerConnection').it(
      `rejoins the call after the ${who}'s signaling reconnects, where the hub can, and renews ICE`,
      async () => {
        parties = loopbackParties('extended');
        const [alice, bob] = await Promise.all([parties.party('alice'), parties.party('bob')]);
        await connectCall(alice, bob);
        const bobsConnection = peerConnections.at(-1)!;
        const ufrag = () => /a=ice-ufrag:(\S+)/.exec(bobsConnection.remoteDescription!.sdp)![1];
        const before = ufrag();
        const reconnecting = who === 'caller' ? alice : bob;
        await (reconnecting.signaling as LoopbackSignaling).simulateReconnect(50);
        await until(reconnecting.controller, (s) => s.signaling === 'connected');
        // After rejoining, ICE restarts through the hub (the callee asks the caller to): bob sees alice's new credentials.
        await new Promise<void>((resolve, reject) => {
          const deadline = setTimeout(() => reject(new Error('no ICE restart reached bob')), 5000);
          const poll = setInterval(
            () => ufrag() !== before && (clearInterval(poll), clearTimeout(deadline), resolve()),
            50,
          );
        });
        expect(reconnecting.controller.state.status).to.equal('active');
        expect(reconnecting.controller.state.error).to.equal(null);
        await alice.controller.endCall();
        await until(bob.controller, isEnded);
        expectReleased(alice, bob);
      },
    );
  }

  needs('peerConnection').it(
    'declines as busy a call that reaches someone in a call (a hub whose busy check races)',
    async () => {
      parties = loopbackParties('baseline');
      const [alice, bob] = await Promise.all([parties.party('alice'), parties.party('bob')]);
      await connectCall(alice, bob);
      // The reference rules never let such a call through; Thrume's check-then-create can. The event is injected.
      bob.signaling.events.emit('incomingCall', {
        callId: crypto.randomUUID(),
        callerId: user('dave').id,
        callerName: 'dave',
        callType: 'voice',
        conversationId: '',
        timestamp: new Date(),
      });
      expect(bob.controller.state.callHistory[0].endReason).to.equal('busy');
      expect(bob.controller.state.status).to.equal('active');
      await alice.controller.endCall();
      await until(bob.controller, isEnded);
      expectReleased(alice, bob);
    },
  );

  needs('peerConnection').it(
    'ends the call on both sides when a baseline hub ends it for a lost connection',
    async () => {
      parties = loopbackParties('baseline');
      const [alice, bob] = await Promise.all([parties.party('alice'), parties.party('bob')]);
      await connectCall(alice, bob);
      await (alice.signaling as LoopbackSignaling).simulateReconnect(50); // the baseline has no rejoin: the hub ends the call
      const bobEnded = await until(bob.controller, isEnded);
      expect(bobEnded.activeCall!.endReason).to.equal('remote-hangup'); // the hub's CallEnded
      // Alice's old connection heard nothing; Chromium tells her over the call's data channel, Firefox only when ICE gives up.
      await alice.controller.endCall();
      expect(alice.controller.state.status).to.equal('ended');
      expectReleased(alice, bob);
    },
  );

  needs('peerConnection').it("ends a call whose participant stays away past the hub's grace period", async () => {
    parties = loopbackParties('extended', { reconnectGraceMs: 200 });
    const [alice, bob] = await Promise.all([parties.party('alice'), parties.party('bob')]);
    await connectCall(alice, bob, 'voice');
    await alice.signaling.disconnect();
    const ended = await until(bob.controller, isEnded);
    expect(['disconnected', 'remote-hangup']).to.include(ended.activeCall!.endReason);
    await alice.controller.endCall();
    expectReleased(alice, bob);
  });

  needs('peerConnection').it('ends the call when the page goes away', async () => {
    parties = loopbackParties('extended');
    const [alice, bob] = await Promise.all([parties.party('alice'), parties.party('bob')]);
    await connectCall(alice, bob);
    window.dispatchEvent(new PageTransitionEvent('pagehide'));
    expect(alice.controller.state.status).to.equal('ended');
    expect(bob.controller.state.status).to.equal('ended');
    expectReleased(alice, bob);
  });

  needs('peerConnection').it('switches the microphone mid-call and stops the old one', async () => {
    parties = loopbackParties('extended');
    const [alice, bob] = await Promise.all([parties.party('alice'), parties.party('bob')]);
    await connectCall(alice, bob, 'voice');
    const microphones = alice.controller.state.devices.microphones;
    expect(microphones.length).to.be.greaterThan(0);
    const chosen = microphones.at(-1)!; // Chromium fakes three microphones, Firefox one
    const old = alice.controller.state.localStream!.getAudioTracks()[0];
    await alice.controller.selectMicrophone(chosen.deviceId);
    const next = alice.controller.state.localStream!.getAudioTracks()[0];
    expect(old.readyState).to.equal('ended');
    expect(next).to.not.equal(old);
    expect(next.getSettings().deviceId).to.equal(chosen.deviceId);
    const sender = peerConnections
      .at(-2)!
      .getSenders()
      .find((s) => s.track?.kind === 'audio');
    expect(sender!.track).to.equal(next);
    await alice.controller.endCall();
    await until(bob.controller, isEnded);
    expectReleased(alice, bob);
  });

  needs('peerConnection').it('measures call quality once connected, keeping the same streams throughout', async () => {
    parties = loopbackParties('extended');
    const [alice, bob] = await Promise.all([parties.party('alice'), parties.party('bob')]);
    await connectCall(alice, bob);
    const { remoteStream, localStream } = alice.controller.state;
    const { quality } = await until(alice.controller, (s) => (s.quality?.inboundKbps ?? 0) > 0);
    alice.controller.toggleMute();
    bob.controller.toggleMute();
    await until(alice.controller, (s) => s.remoteControls.muted);
    // Bound media elements must not reload on every quality sample or toggle: the streams stay the same.
    expect(alice.controller.state.remoteStream).to.equal(remoteStream);
    expect(alice.controller.state.localStream).to.equal(localStream);
    expect(quality!.verdict).to.equal('good');
    expect(quality!.roundTripMs).to.be.a('number');
    await alice.controller.endCall();
    await until(bob.controller, isEnded);
  });

  needs('peerConnection', 'screenCapture').it('calls and shares the screen in one step', async () => {
    parties = loopbackParties('extended');
    const [alice, bob] = await Promise.all([parties.party('alice'), parties.party('bob')]);
    await alice.controller.initiateCall(bob.id, 'video', { shareScreen: true });
    expect(alice.controller.state.controls.screenSharing).to.equal(true);
    expect(alice.controller.state.localStream!.getVideoTracks()[0].getSettings().displaySurface).to.equal('monitor');
    expect(alice.media.tracks.filter((t) => t.kind === 'video' && t.readyState === 'live')).to.have.length(1); // no camera beside it
    await until(bob.controller, (s) => s.status === 'incoming');
    await bob.controller.acceptCall();
    await until(bob.controller, (s) => s.status === 'active' && s.remoteControls.screenSharing);
    await alice.controller.endCall();
    await until(bob.controller, isEnded);
    expectReleased(alice, bob);
  });

  needs('peerConnection').it('puts an ended call away, clears an error, and says when it is disconnected', async () => {
    parties = loopbackParties('extended');
    const alice = await parties.party('alice');
    await alice.controller.initiateCall(user('erin').id, 'voice').catch(() => undefined);
    expect(alice.controller.state.status).to.equal('ended');
    expect(alice.controller.state.error!.code).to.equal('USER_OFFLINE');
    alice.controller.dismiss();
    alice.controller.clearError();
    expect(alice.controller.state).to.deep.include({ status: 'idle', activeCall: null, error: null });
    await alice.controller.dispose();
    expect(alice.controller.state.signaling).to.equal('disconnected');
  });

  needs('peerConnection').it('cancels a call before the hub has named it, and the hub forgets it too', async () => {
    parties = loopbackParties('extended', {}, 50); // 50 ms per hop: the hub names the call late
    const [alice, bob] = await Promise.all([parties.party('alice'), parties.party('bob')]);
    const placing = alice.controller.initiateCall(bob.id, 'voice');
    await until(alice.controller, (s) => s.localStream !== null);
    expect(alice.controller.state.activeCall!.id).to.equal(null);
    await alice.controller.endCall();
    expect(alice.controller.state.activeCall!.endReason).to.equal('cancelled');
    expectReleased(alice); // the microphone is released at once, not when the hub answers
    await placing;
    await until(bob.controller, (s) => s.callHistory[0]?.endReason === 'cancelled');
    await connectCall(alice, bob, 'voice'); // nobody is left busy
    await alice.controller.endCall();
  });

  it('reads the camera and microphone permission state', async () => {
    parties = loopbackParties('extended');
    const alice = await parties.party('alice');
    await alice.media.captureMicrophone().then((track) => track.stop());
    const state = await alice.media.permission('microphone');
    // Chromium's fake-UI flag grants for good; Firefox's test pref skips the prompt without keeping a grant.
    expect(state).to.equal(navigator.userAgent.includes('Firefox') ? 'prompt' : 'granted');
  });

  it('refuses actions that do not fit the state, with a clear error', async () => {
    parties = loopbackParties('extended');
    const alice = await parties.party('alice');
    const codes = await Promise.all([
      alice.controller.acceptCall().catch((e: CallError) => e.code),
      alice.controller.rejectCall().catch((e: CallError) => e.code),
      alice.controller.initiateCall('', 'video').catch((e: CallError) => e.code),
      alice.controller.initiateCall('x', 'fax' as 'video').catch((e: CallError) => e.code),
    ]);
    expect(codes).to.deep.equal(['INVALID_STATE', 'INVALID_STATE', 'INVALID_STATE', 'INVALID_STATE']);
  });
});
