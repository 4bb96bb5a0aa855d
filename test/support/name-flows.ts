// Names and pictures: what each side calls the other, from the page's peerResolver, the hub, or the id.
// Run over the loopback hub (test/services/) and through the real hub over SignalR (test/hub/).
import { expect } from '@open-wc/testing';
import type { PeerProfile, PeerResolver } from '../../src/services/peer-profile.js';
import type { CallInfo } from '../../src/services/call-state.js';
import { connectCall, expectReleased, isActive, isEnded, until, type Parties, type Party } from './parties.js';
import { user } from './directory.js';

export const picture = (who: string) =>
  `data:image/svg+xml,${encodeURIComponent(`<svg xmlns="http://www.w3.org/2000/svg"><title>${who}</title></svg>`)}`;

/** What the page knows: each demo user by another name than the hub's, with a picture. */
export const pageDirectory: PeerResolver = (userId) => {
  const known = ['alice', 'bob'].map(user).find((u) => u.id === userId);
  return known && { name: `${known.displayName} (page)`, avatarUrl: picture(known.userName) };
};

/** The name the hub gives the caller: the extended hub's display name, the baseline's user name. */
export const hubName = (parties: Parties, userName: string) =>
  parties.mode === 'extended' ? user(userName).displayName : userName;

/** A resolver that counts its calls and answers with whatever `answer` is set to. */
export function switchableResolver(): {
  resolver: PeerResolver;
  answer: PeerResolver;
  asked: Array<[string, PeerProfile]>;
} {
  const asked: Array<[string, PeerProfile]> = [];
  const state = {
    answer: (() => null) as PeerResolver,
    asked,
    resolver: (userId: string, hint: PeerProfile) => {
      asked.push([userId, hint]);
      return state.answer(userId, hint);
    },
  };
  return state;
}

const named = (call: CallInfo | null | undefined) => call && { name: call.peerName, avatarUrl: call.peerAvatarUrl };

export function nameFlows(makeParties: () => Parties): void {
  let parties: Parties;
  afterEach(() => parties.close());

  it("shows the resolver's name and picture on both sides, from ringing to the ended call, asking once per call", async () => {
    parties = makeParties();
    const asked: string[] = [];
    const peerResolver: PeerResolver = (id, hint) => (asked.push(id), Promise.resolve(pageDirectory(id, hint)));
    const [alice, bob] = await Promise.all([
      parties.party('alice', { peerResolver }),
      parties.party('bob', { peerResolver }),
    ]);
    const fromPage = (who: string) => ({ name: `${user(who).displayName} (page)`, avatarUrl: picture(who) });

    await alice.controller.initiateCall(bob.id, 'voice', { calleeName: 'bob' });
    const ringing = await until(bob.controller, (s) => s.incomingCall?.peerName === fromPage('alice').name);
    expect(named(ringing.incomingCall)).to.deep.equal(fromPage('alice'));
    await bob.controller.acceptCall();
    await Promise.all([until(alice.controller, isActive), until(bob.controller, isActive)]);
    expect(named(alice.controller.state.activeCall)).to.deep.equal(fromPage('bob'));
    expect(named(bob.controller.state.activeCall)).to.deep.equal(fromPage('alice'));

    await alice.controller.endCall();
    const ended = await until(bob.controller, isEnded);
    expect(named(ended.activeCall)).to.deep.equal(fromPage('alice'));
    expect(named(ended.callHistory[0])).to.deep.equal(fromPage('alice'));
    expect(named(alice.controller.state.activeCall)).to.deep.equal(fromPage('bob'));
    expect(asked.sort()).to.deep.equal([alice.id, bob.id].sort());
    expectReleased(alice, bob);
  });

  it("shows the hub's name without a resolver: the extended hub's display name, the baseline's user name", async () => {
    parties = makeParties();
    const [alice, bob] = await Promise.all([parties.party('alice'), parties.party('bob')]);
    await connectCall(alice, bob, 'voice');
    expect(bob.controller.state.activeCall!.peerName).to.equal(hubName(parties, 'alice'));
    expect(alice.controller.state.activeCall!.peerName).to.equal('bob'); // what the call button said
    await bob.controller.endCall();
    await until(alice.controller, isEnded);
    expectReleased(alice, bob);
  });

  it("keeps the hub's name when the resolver hangs, and ignores its answer after the call", async () => {
    parties = makeParties();
    let answer!: (profile: PeerProfile) => void;
    const late = new Promise<PeerProfile>((resolve) => (answer = resolve));
    const [alice, bob] = await Promise.all([
      parties.party('alice'),
      parties.party('bob', { peerResolver: () => late, peerResolverTimeoutMs: 200 }),
    ]);
    await connectCall(alice, bob, 'voice');
    expect(bob.controller.state.activeCall!.peerName).to.equal(hubName(parties, 'alice'));
    await alice.controller.endCall();
    const ended = await until(bob.controller, isEnded);
    answer({ name: 'Too Late' });
    await late;
    await new Promise((resolve) => setTimeout(resolve)); // after every reaction to the answer
    expect(bob.controller.state).to.equal(ended);
    expectReleased(alice, bob);
  });
}

/** Every bad answer a resolver can give; each call rings and connects as if there were none. */
export const badAnswers: Array<[string, PeerResolver]> = [
  [
    'throws',
    () => {
      throw new Error('directory down');
    },
  ],
  ['rejects', () => Promise.reject(new Error('directory down'))],
  ['returns null', () => null],
  ['returns a number', () => 42 as unknown as PeerProfile],
  ['returns a number as the name', () => ({ name: 42 }) as unknown as PeerProfile],
  ['returns an empty name', () => ({ name: '  ', avatarUrl: '' })],
  ['returns a string', () => 'Alice' as unknown as PeerProfile],
  ['resolves to junk', () => Promise.resolve({ name: null, avatarUrl: 7 } as unknown as PeerProfile)],
];

/** Places, rings and connects a voice call from `caller` to `callee`, and hangs it up; returns the callee's view of it. */
export async function ringAndConnect(caller: Party, callee: Party): Promise<{ ringing: CallInfo; active: CallInfo }> {
  await caller.controller.initiateCall(callee.id, 'voice', { calleeName: callee.name });
  const ringing = (await until(callee.controller, (s) => s.status === 'incoming')).incomingCall!;
  await callee.controller.acceptCall();
  await Promise.all([until(caller.controller, isActive), until(callee.controller, isActive)]);
  const active = callee.controller.state.activeCall!;
  await caller.controller.endCall();
  await until(callee.controller, isEnded);
  return { ringing, active };
}
