// Relay-only media through Debian's coturn (scripts/wtr-turn.mjs) with the time-limited credentials the
// reference hub hands out (use-auth-secret), over UDP and over TCP; coturn refusing credentials that are
// forged or past their time; and a call that outlives its credentials' TTL (60 s in the test hubs).
import { expect, waitUntil } from '@open-wc/testing';
import {
  framesOf,
  hubParties,
  isActive,
  isEnded,
  until,
  type Parties,
  type PartyOptions,
  connectCall,
} from '../support/parties.js';
import { needs } from '../support/needs.js';
import { hubIceServers, turnGate, turnServer, type TurnTransport } from '../support/turn.js';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const relayOnly = (server: RTCIceServer): RTCConfiguration => ({ iceServers: [server], iceTransportPolicy: 'relay' });

/** The local candidate of the pair in use. */
async function selectedLocalCandidate(connection: RTCPeerConnection): Promise<Record<string, unknown> | undefined> {
  const stats = [...(await connection.getStats()).values()] as (RTCStats &
    Partial<RTCIceCandidatePairStats> &
    Record<string, unknown>)[];
  const pair = stats.find((s) => s.type === 'candidate-pair' && s.nominated && s.state === 'succeeded');
  return stats.find((s) => s.id === pair?.localCandidateId);
}

/** Two connections in this page that may only meet through the relay; resolves once a message crossed. */
async function relayedPair(server: RTCIceServer): Promise<RTCPeerConnection[]> {
  const pair = [new RTCPeerConnection(relayOnly(server)), new RTCPeerConnection(relayOnly(server))];
  const [a, b] = pair;
  a.addEventListener('icecandidate', ({ candidate }) => candidate?.candidate && void b.addIceCandidate(candidate));
  b.addEventListener('icecandidate', ({ candidate }) => candidate?.candidate && void a.addIceCandidate(candidate));
  const received = new Promise<string>((resolve) =>
    b.addEventListener('datachannel', ({ channel }) =>
      channel.addEventListener('message', ({ data }) => resolve(String(data))),
    ),
  );
  const channel = a.createDataChannel('probe');
  channel.addEventListener('open', () => channel.send('through the relay'));
  await a.setLocalDescription();
  await b.setRemoteDescription(a.localDescription!);
  await b.setLocalDescription();
  await a.setRemoteDescription(b.localDescription!);
  expect(await received).to.equal('through the relay');
  return pair;
}

/** Gathers with only `server`, relay-only: the relay candidates it got, and the TURN errors reported. */
async function gather(server: RTCIceServer): Promise<{ relays: string[]; errorCodes: number[] }> {
  const connection = new RTCPeerConnection(relayOnly(server));
  const relays: string[] = [];
  const errorCodes: number[] = [];
  connection.addEventListener(
    'icecandidate',
    ({ candidate }) => candidate?.candidate && relays.push(candidate.candidate),
  );
  connection.addEventListener('icecandidateerror', (event) => errorCodes.push(event.errorCode));
  connection.createDataChannel('probe');
  await connection.setLocalDescription();
  await waitUntil(() => connection.iceGatheringState === 'complete', 'gathering did not complete', { timeout: 15_000 });
  connection.close();
  return { relays, errorCodes };
}

needs('peerConnection').describe('Relay-only media through coturn', function () {
  this.timeout(30_000);
  let connections: RTCPeerConnection[] = [];

  afterEach(() => {
    connections.splice(0).forEach((c) => c.close());
  });

  for (const transport of ['udp', 'tcp'] as TurnTransport[]) {
    it(`connects over ${transport.toUpperCase()} with the credentials from the hub's /api/call/ice-servers`, async () => {
      connections = await relayedPair(await turnServer(transport));
      for (const connection of connections) {
        await waitUntil(
          async () => (await selectedLocalCandidate(connection)) !== undefined,
          'no nominated candidate pair',
        );
        const local = (await selectedLocalCandidate(connection))!;
        expect(local.candidateType).to.equal('relay');
        expect(local.relayProtocol, 'the transport between the browser and coturn').to.equal(transport);
      }
    });
  }

  it("gathers relay candidates with the hub's credential, and none with a forged one", async () => {
    const issued = await turnServer('udp');
    expect((await gather(issued)).relays, 'the real credential').to.not.be.empty;
    const forged = await gather({ ...issued, credential: `${issued.credential}x` });
    expect(forged.relays).to.be.empty;
    if ('onicecandidateerror' in RTCPeerConnection.prototype) expect(forged.errorCodes).to.include(401);
  });

  it('gathers no relay candidate with a credential past its time', async () => {
    const expired = (await (await fetch('/__thrume/turn/expired.json')).json()) as RTCIceServer;
    expect(Number(String(expired.username).split(':')[0])).to.be.below(Date.now() / 1000);
    const { relays, errorCodes } = await gather(expired);
    expect(relays).to.be.empty;
    if ('onicecandidateerror' in RTCPeerConnection.prototype) expect(errorCodes).to.include(401);
  });
});

needs('peerConnection', 'setConfiguration').describe(
  'A relay-only call longer than its TURN credentials last',
  function () {
    this.timeout(240_000);
    let parties: Parties;

    afterEach(async () => {
      await turnGate('restore');
      await parties.close();
    });

    it('comes back from a cut after the TTL with credentials renewed by the kit; a list fixed at the start does not', async () => {
      const { ttlSeconds } = await hubIceServers();
      expect(ttlSeconds).to.equal(60);
      parties = hubParties('extended');
      // Restarts a few seconds apart: one made while Firefox is still gathering through the relay (slow on
      // a loaded machine) would abort it.
      const relayed: PartyOptions = { iceTransportPolicy: 'relay', disconnectGraceMs: 1500 };
      // Carol calls Alice, both taking the hub's list through the kit (no `iceServers` of the page's own);
      // Dave calls Bob, both with one list fetched now, which the kit never renews.
      const renewed: PartyOptions = { ...relayed, iceServers: undefined, failAfterMs: 90_000 };
      const fixed: PartyOptions = {
        ...relayed,
        iceServers: (await hubIceServers('dave')).iceServers,
        failAfterMs: 25_000,
      };
      const [carol, alice, dave, bob] = await Promise.all([
        parties.party('carol', renewed),
        parties.party('alice', renewed),
        parties.party('dave', fixed),
        parties.party('bob', fixed),
      ]);
      await Promise.all([connectCall(carol, alice), connectCall(dave, bob)]);
      await framesOf(alice.controller.state.remoteStream!);

      // coturn keeps allocations made in time, but makes no new one with these; the cut moves every browser
      // to a new address (scripts/wtr-turn.mjs), so the call needs new ones.
      await sleep((ttlSeconds + 5) * 1000);
      await turnGate('cut');
      // The callers offer, so they restart ICE.
      await Promise.all([
        until(carol.controller, (s) => s.status === 'reconnecting', 20_000),
        until(dave.controller, (s) => s.status === 'reconnecting', 20_000),
      ]);
      await sleep(2500); // restarts fail while the path is down: only a later one, with new allocations, brings it back
      await turnGate('restore');

      await Promise.all([until(carol.controller, isActive, 60_000), until(alice.controller, isActive, 60_000)]);
      await Promise.all([
        framesOf(alice.controller.state.remoteStream!),
        framesOf(carol.controller.state.remoteStream!),
      ]);
      // The other call cannot make new allocations: whichever side gives up first ends it as failed.
      const ends = await Promise.all(
        [dave, bob].map(async (p) => (await until(p.controller, isEnded, 40_000)).activeCall!.endReason),
      );
      expect(ends, 'the call whose credentials were never renewed').to.include('failed');
    });
  },
);
