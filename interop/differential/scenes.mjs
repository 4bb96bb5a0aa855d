// The scripted session, scene by scene. Each scene opens fresh connections and leaves no call behind,
// so the next one starts clean. Payloads are what the kit sends: the JSON text of an
// RTCSessionDescriptionInit and of an RTCIceCandidate's toJSON().
import { conversationIds as conv, userIds as ids } from './targets.mjs';

/** A well-formed call id that no hub ever minted. */
export const unknownCallId = 'deadbeef-0000-4000-8000-00000000dead';

const description = (type) =>
  JSON.stringify({ type, sdp: `v=0\r\no=- 4611731400430051336 2 IN IP4 127.0.0.1\r\ns=-\r\nt=0 0\r\n` });
export const candidate = (port) =>
  JSON.stringify({
    candidate: `candidate:1 1 udp 2122260223 192.0.2.10 ${port} typ host generation 0`,
    sdpMid: '0',
    sdpMLineIndex: 0,
    usernameFragment: 'f9Zq',
  });
export const offer = description('offer');
export const answer = description('answer');

/** alice calls bob; resolves with the call id once it rings on both sides. */
export async function ring(alice, bob, type = 'voice') {
  await alice.invoke('InitiateCallAsync', ids.bob, type, conv['alice-bob']);
  await bob.expect('IncomingCall');
  const [callId] = await alice.expect('CallRinging');
  return callId;
}

/** alice calls bob and bob accepts; resolves with the call id once both are told. */
export async function connect(alice, bob, type = 'voice') {
  const callId = await ring(alice, bob, type);
  await bob.invoke('AcceptCallAsync', callId);
  await alice.expect('CallAccepted');
  await bob.expect('CallConnected');
  return callId;
}

/** The whole exchange of a call the kit makes, up to hang-up by `hangsUp` ('alice' or 'bob'). */
async function fullCall(session, type, hangsUp) {
  const [alice, bob] = await session.connect('alice', 'bob');
  const callId = await connect(alice, bob, type);
  await alice.invoke('SendOfferAsync', callId, offer);
  await bob.expect('ReceiveOffer');
  await bob.invoke('SendAnswerAsync', callId, answer);
  await alice.expect('ReceiveAnswer');
  await alice.invoke('SendIceCandidateAsync', callId, candidate(50000));
  await bob.expect('ReceiveIceCandidate');
  await bob.invoke('SendIceCandidateAsync', callId, candidate(50001));
  await alice.expect('ReceiveIceCandidate');
  await (hangsUp === 'alice' ? alice : bob).invoke('EndCallAsync', callId);
  await alice.expect('CallEnded');
  await bob.expect('CallEnded');
}

export const scenes = [
  {
    name: 'voice call, offer, answer, candidates both ways, caller hangs up',
    run: (session) => fullCall(session, 'voice', 'alice'),
  },
  {
    name: 'video call, offer, answer, candidates both ways, callee hangs up',
    run: (session) => fullCall(session, 'video', 'bob'),
  },
  {
    name: 'caller cancels while ringing, then the callee tries to accept',
    async run(session) {
      const [alice, bob] = await session.connect('alice', 'bob');
      const callId = await ring(alice, bob);
      await alice.invoke('EndCallAsync', callId);
      await bob.invoke('AcceptCallAsync', callId);
    },
  },
  {
    name: 'busy: carol calls bob while alice and bob are connected',
    async run(session) {
      const [alice, bob, carol] = await session.connect('alice', 'bob', 'carol');
      const callId = await connect(alice, bob);
      await carol.invoke('InitiateCallAsync', ids.bob, 'voice', conv['bob-carol']);
      await alice.invoke('EndCallAsync', callId);
    },
  },
  {
    name: 'busy: alice calls carol, and bob calls dave, while alice and bob are in a call',
    async run(session) {
      // carol and dave are online, to see what they are told. On the reference hub carol takes calls from
      // nobody, so alice's refusal has two causes there; bob may call dave, so his proves the busy check.
      const [alice, bob] = await session.connect('alice', 'bob', 'carol', 'dave');
      const callId = await connect(alice, bob);
      await alice.invoke('InitiateCallAsync', ids.carol, 'voice', conv['alice-carol']);
      await bob.invoke('InitiateCallAsync', ids.dave, 'voice', conv['bob-dave']);
      await bob.invoke('EndCallAsync', callId);
    },
  },
  {
    name: 'decline with a reason',
    async run(session) {
      const [alice, bob] = await session.connect('alice', 'bob');
      const callId = await ring(alice, bob);
      await bob.invoke('RejectCallAsync', callId, 'busy');
      await alice.expect('CallRejected');
    },
  },
  {
    name: 'decline with a null reason',
    async run(session) {
      const [alice, bob] = await session.connect('alice', 'bob');
      const callId = await ring(alice, bob, 'video');
      await bob.invoke('RejectCallAsync', callId, null);
      await alice.expect('CallRejected');
    },
  },
  {
    name: 'wrong argument counts: InitiateCallAsync with 2, RejectCallAsync with 1',
    async run(session) {
      const [alice, bob] = await session.connect('alice', 'bob');
      await alice.invoke('InitiateCallAsync', ids.bob, 'voice');
      const callId = await ring(alice, bob);
      await bob.invoke('RejectCallAsync', callId);
      await alice.invoke('EndCallAsync', callId); // the failed reject left it ringing
    },
  },
  {
    name: 'invalid callee id and invalid call type',
    async run(session) {
      const [alice] = await session.connect('alice', 'bob');
      await alice.invoke('InitiateCallAsync', 'not-a-guid', 'voice', conv['alice-bob']);
      await alice.invoke('InitiateCallAsync', ids.bob, 'fax', conv['alice-bob']);
    },
  },
  {
    name: 'self-call',
    async run(session) {
      const [alice] = await session.connect('alice');
      await alice.invoke('InitiateCallAsync', ids.alice, 'voice', conv['alice-bob']);
    },
  },
  {
    name: 'unknown call id for accept, reject and end',
    async run(session) {
      const [alice] = await session.connect('alice');
      await alice.invoke('AcceptCallAsync', unknownCallId);
      await alice.invoke('RejectCallAsync', unknownCallId, null);
      await alice.invoke('EndCallAsync', unknownCallId);
    },
  },
  {
    name: "a non-participant ends someone's call",
    async run(session) {
      const [alice, bob, carol] = await session.connect('alice', 'bob', 'carol');
      const callId = await connect(alice, bob);
      await carol.invoke('EndCallAsync', callId);
      await alice.invoke('EndCallAsync', callId);
    },
  },
  {
    name: 'wrong direction: an offer from the callee, an answer from the caller',
    async run(session) {
      const [alice, bob] = await session.connect('alice', 'bob');
      const callId = await connect(alice, bob);
      await bob.invoke('SendOfferAsync', callId, offer);
      await alice.invoke('SendAnswerAsync', callId, answer);
      await bob.invoke('EndCallAsync', callId);
    },
  },
  {
    name: 'unknown method name',
    async run(session) {
      const [alice] = await session.connect('alice');
      await alice.invoke('StartVideoConferenceAsync', ids.bob);
    },
  },
];
