// Who is speaking, in real calls: the browsers' fake microphones make a sound, the peer connections
// carry it, and getStats and Web Audio hear it.
import { expect } from '@open-wc/testing';
import type { CallController } from '../../src/services/call-controller.js';
import type { CallState } from '../../src/services/call-state.js';
import { connectCall, expectReleased, isEnded, loopbackParties, until, type Parties } from '../support/parties.js';
import { needs } from '../support/needs.js';

/** Every track cloned from now on: the monitor listens to a clone of the microphone. */
const clones: MediaStreamTrack[] = [];
// eslint-disable-next-line @typescript-eslint/unbound-method -- the original, called below with .call(this)
const clone = MediaStreamTrack.prototype.clone;
MediaStreamTrack.prototype.clone = function (this: MediaStreamTrack) {
  const copy = clone.call(this);
  clones.push(copy);
  return copy;
};

/** Plays the other side as the active call's audio element does: a browser measures received audio where it plays. */
const players: HTMLAudioElement[] = [];
function play(stream: MediaStream): void {
  const audio = Object.assign(document.createElement('audio'), { srcObject: stream, autoplay: true });
  players.push(audio);
  document.body.append(audio);
}

/** Whether `predicate` holds at any change within `ms`. */
function happensWithin(
  controller: CallController,
  predicate: (state: CallState) => boolean,
  ms: number,
): Promise<boolean> {
  return until(controller, predicate, ms).then(
    () => true,
    () => false,
  );
}

needs('peerConnection').describe('Who is speaking, in a real call', function () {
  this.timeout(60_000);
  let parties: Parties;

  afterEach(async () => {
    for (const audio of players.splice(0)) audio.remove();
    await parties.close();
  });

  async function call() {
    parties = loopbackParties('extended');
    const alice = await parties.party('alice');
    const bob = await parties.party('bob');
    await connectCall(alice, bob, 'voice');
    for (const { controller } of [alice, bob]) play(controller.state.remoteStream!);
    return { alice, bob };
  }

  it('hears the other side speak, from the received audio level, and not once they mute', async () => {
    const { alice, bob } = await call();
    await until(bob.controller, (s) => s.speaking.remote, 15_000);
    await until(alice.controller, (s) => s.speaking.remote, 15_000);
    alice.controller.toggleMute();
    await until(bob.controller, (s) => !s.speaking.remote);
    expect(
      await happensWithin(bob.controller, (s) => s.speaking.remote, 3000),
      'bob hears alice while she is muted',
    ).to.equal(false);
    alice.controller.toggleMute();
    await until(bob.controller, (s) => s.speaking.remote, 15_000);
  });

  needs('audioOutput').it(
    'hears this side speak from its microphone, muted too; every clone of it stops with the call',
    async () => {
      const { alice, bob } = await call();
      await until(alice.controller, (s) => s.speaking.local, 15_000);
      alice.controller.toggleMute();
      await until(alice.controller, (s) => s.controls.muted && s.speaking.local, 15_000);
      await alice.controller.selectMicrophone(alice.controller.state.devices.microphones.at(-1)!.deviceId); // a new clone, the old one stopped
      await until(alice.controller, (s) => s.controls.muted && s.speaking.local, 15_000);
      expect(clones.filter((t) => t.readyState === 'live').length, 'one clone per side').to.equal(2);
      await alice.controller.endCall();
      await until(bob.controller, isEnded);
      expect(alice.controller.state.speaking).to.deep.equal({ local: false, remote: false });
      expect(
        clones.filter((t) => t.readyState === 'live'),
        'live clones of the microphones',
      ).to.deep.equal([]);
      expectReleased(alice, bob);
    },
  );
});
