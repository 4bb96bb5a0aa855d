// Calls whose media path breaks for real: relay-only ICE sends every packet through the test runner's
// coturn (scripts/wtr-turn.mjs) by the gate in front of it, which the tests cut (every packet dropped)
// and restore. Signaling (the loopback) stays up.
import { expect, waitUntil } from '@open-wc/testing';
import { peerConnections } from '../support/recorders.js';
import {
  connectCall,
  expectReleased,
  framesOf,
  isActive,
  isEnded,
  loopbackParties,
  until,
  type Parties,
  type PartyOptions,
} from '../support/parties.js';
import { needs } from '../support/needs.js';
import { turnGate as turn, turnServer } from '../support/turn.js';

const isReconnecting = (s: { status: string }) => s.status === 'reconnecting';

const iceUfrag = (connection: RTCPeerConnection) =>
  /a=ice-ufrag:(\S+)/.exec(connection.localDescription?.sdp ?? '')?.[1];
const liveConnections = () => peerConnections.filter((c) => c.connectionState !== 'closed');

/** The type of the local candidate in use: `relay` when this side sends only to its TURN relay. */
async function localCandidateType(connection: RTCPeerConnection): Promise<string | undefined> {
  const stats = [...(await connection.getStats()).values()] as (RTCStats &
    Partial<RTCIceCandidatePairStats> & { candidateType?: string })[];
  const pair = stats.find((s) => s.type === 'candidate-pair' && s.nominated && s.state === 'succeeded');
  return stats.find((s) => s.id === pair?.localCandidateId)?.candidateType;
}

needs('peerConnection').describe('A call whose media path breaks', function () {
  this.timeout(60_000);
  let parties: Parties;

  afterEach(async () => {
    await turn('restore');
    await parties.close();
  });

  async function relayedCall(alice: PartyOptions, bob: PartyOptions) {
    parties = loopbackParties('extended');
    const relayOnly: PartyOptions = {
      iceServers: [await turnServer('udp')],
      iceTransportPolicy: 'relay',
      disconnectGraceMs: 500,
    };
    const both = await Promise.all([
      parties.party('alice', { ...relayOnly, ...alice }),
      parties.party('bob', { ...relayOnly, ...bob }),
    ]);
    await connectCall(both[0], both[1]);
    return both;
  }

  it("goes through the relay only, so neither side learns the other's address", async () => {
    const [alice] = await relayedCall({}, {});
    expect(alice.controller.state.status).to.equal('active');
    const connections = liveConnections();
    expect(connections).to.have.length(2);
    // Each side sends only to its relay, so what the other sees is the relay's address, never its own.
    // The stats may name the pair a moment after the call turns active (seen under load).
    for (const connection of connections) {
      await waitUntil(async () => (await localCandidateType(connection)) !== undefined, 'no nominated candidate pair');
      expect(await localCandidateType(connection)).to.equal('relay');
    }
  });

  it("shows reconnecting while the path is down and comes back by the offerer's ICE restart, frames flowing again", async () => {
    const [alice, bob] = await relayedCall({ failAfterMs: 45_000 }, { failAfterMs: 45_000 });
    const atBob = bob.controller.state.remoteStream!;
    const connectedAt = bob.controller.state.activeCall!.connectedAt;
    await framesOf(atBob);
    const ufrags = liveConnections().map(iceUfrag);

    await turn('cut');
    // Alice, the offerer, restarts ICE. Bob shows reconnecting too when his browser notices first; Firefox
    // stops checking the old path once her restart reaches him, so only hers is certain.
    await until(alice.controller, isReconnecting, 20_000);
    // Long enough for restarts to fail while the path is down: only a later one can bring the call back.
    await new Promise((resolve) => setTimeout(resolve, 2500));
    await turn('restore');
    await Promise.all([until(alice.controller, isActive, 30_000), until(bob.controller, isActive, 30_000)]);

    // The same call, the same stream: the elements bound to it keep playing.
    expect(bob.controller.state.remoteStream).to.equal(atBob);
    expect(bob.controller.state.activeCall!.connectedAt).to.equal(connectedAt);
    const restarted = liveConnections().map(iceUfrag);
    expect(
      restarted.filter((ufrag, i) => ufrag !== ufrags[i]),
      'ICE credentials renewed',
    ).to.have.length(2);
    await Promise.all([framesOf(atBob), framesOf(alice.controller.state.remoteStream!)]);
  });

  it('ends the call as failed when the path stays down, telling the other side over signaling', async () => {
    // Alice gives up first; Bob would wait far longer, so he learns of the end from the hub.
    const [alice, bob] = await relayedCall({ failAfterMs: 2000 }, { failAfterMs: 45_000 });
    await turn('cut');
    const [atAlice, atBob] = await Promise.all([
      until(alice.controller, isEnded, 30_000),
      until(bob.controller, isEnded, 30_000),
    ]);
    expect(atAlice.activeCall!.endReason).to.equal('failed');
    expect(alice.controller.state.error?.code).to.equal('NETWORK_ERROR');
    expect(atBob.activeCall!.endReason).to.equal('remote-hangup');
    expectReleased(alice, bob);
  });
});
