// Scenes where the reference hub's baseline mode means to differ from Thrume's ChatHub: the server-side
// bugs of docs/hub-contract.md §5, that it fixes without changing the wire. Each difference they show is a
// known one (interop/differential.mjs), so the check also proves the fixes are still there.
import { answer, connect, offer } from './scenes.mjs';
import { conversationIds as conv, userIds as ids } from './targets.mjs';

/** The callee id as a client might write it; Thrume looks presence up by the raw string (C8). */
export const bobInUpperCase = ids.bob.toUpperCase();

/** Ends the call that `caller` was told rings, if it rings (on one of the two hubs only, in these scenes). */
async function endIfRinging(caller) {
  const ringing = caller.take('CallRinging');
  if (ringing !== null) await caller.invoke('EndCallAsync', ringing[0]);
}

export const fixScenes = [
  {
    name: "fix B4: the callee's second device accepts a connected call again",
    async run(session) {
      const [alice, bob, bob2] = await session.connect('alice', 'bob', 'bob');
      const callId = await connect(alice, bob);
      await bob2.invoke('AcceptCallAsync', callId);
      await alice.invoke('EndCallAsync', callId);
    },
  },
  {
    name: 'fix B4: a device of the callee that did not accept ends the call',
    async run(session) {
      const [alice, bob, bob2] = await session.connect('alice', 'bob', 'bob');
      const callId = await connect(alice, bob);
      await bob2.invoke('EndCallAsync', callId);
      await alice.invoke('EndCallAsync', callId); // ends it where the other device could not
    },
  },
  {
    name: "fix C3: the callee's connection goes away mid-call",
    async run(session) {
      const [alice, bob] = await session.connect('alice', 'bob');
      const callId = await connect(alice, bob);
      await bob.leave();
      await alice.invoke('EndCallAsync', callId); // ends it where the disconnect did not
    },
  },
  {
    name: 'fix B5: UpdateCallStatusAsync("Ended") mid-call',
    async run(session) {
      const [alice, bob] = await session.connect('alice', 'bob');
      const callId = await connect(alice, bob);
      await alice.invoke('UpdateCallStatusAsync', callId, 'Ended');
      await alice.invoke('EndCallAsync', callId);
    },
  },
  {
    name: 'fix B9: an offer whose payload is not a session description',
    async run(session) {
      const [alice, bob] = await session.connect('alice', 'bob');
      const callId = await connect(alice, bob);
      await alice.invoke('SendOfferAsync', callId, 'not json');
      await alice.invoke('SendOfferAsync', callId, answer); // an answer sent as an offer
      await alice.invoke('SendOfferAsync', callId, offer);
      await alice.invoke('EndCallAsync', callId);
    },
  },
  {
    name: 'fix B6: a numeric call type',
    async run(session) {
      const [alice] = await session.connect('alice', 'bob');
      await alice.invoke('InitiateCallAsync', ids.bob, '1', conv['alice-bob']);
      await endIfRinging(alice);
    },
  },
  {
    name: 'fix B2: a call in a conversation the two do not share',
    async run(session) {
      const [alice] = await session.connect('alice', 'bob');
      await alice.invoke('InitiateCallAsync', ids.bob, 'voice', conv['bob-carol']);
      await endIfRinging(alice);
    },
  },
  {
    name: 'fix C8: the callee id in upper case',
    async run(session) {
      const [alice] = await session.connect('alice', 'bob');
      await alice.invoke('InitiateCallAsync', bobInUpperCase, 'voice', conv['alice-bob']);
      await endIfRinging(alice);
    },
  },
];
