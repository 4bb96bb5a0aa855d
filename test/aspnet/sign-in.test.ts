// Cookie sign-in as Thrume has it: Identity's login endpoint sets an HttpOnly, Secure, SameSite=None
// cookie, and the kit connects with `withCredentials` and no token; and reconnecting after the server restarts.
import { expect } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import { SignalRSignaling } from '../../src/services/signaling/signalr-signaling.js';
import type { CallError } from '../../src/services/errors.js';
import { needs } from '../support/needs.js';
import {
  aspnetApp,
  aspnetParties,
  connectCall,
  expectReleased,
  framesOf,
  isEnded,
  originOf,
  signIn,
  until,
  type Parties,
} from '../support/parties.js';

const hubOf = async (userName: string) => `${originOf(userName, (await aspnetApp()).port)}/chathub`;
const connectionError = (signaling: SignalRSignaling) =>
  signaling.connect().then(
    () => expect.fail('the hub should refuse'),
    (error: CallError) => error,
  );

describe('Cookie sign-in against ASP.NET Core', () => {
  it('is refused with a wrong password', async () => {
    const response = await signIn(originOf('erin', (await aspnetApp()).port), 'erin', 'not-the-password');
    expect(response.status).to.equal(401);
  });

  it('connects with the cookie and no token, over a WebSocket', async () => {
    const origin = originOf('carol', (await aspnetApp()).port);
    expect((await signIn(origin, 'carol')).status).to.equal(200);
    const signaling = new SignalRSignaling({ url: `${origin}/chathub`, reconnectDelaysMs: [] });
    await signaling.connect();
    expect(signaling.transportName).to.equal('WebSockets');
    await signaling.disconnect();
  });

  it('says the hub refused the person when nobody signed in from that origin', async () => {
    const signaling = new SignalRSignaling({ url: await hubOf('nobody'), reconnectDelaysMs: [] });
    expect((await connectionError(signaling)).message).to.include('status code 401');
  });

  it('says the hub refused the person when the page sends no cookie (withCredentials false)', async () => {
    await signIn(originOf('dave', (await aspnetApp()).port), 'dave');
    const signaling = new SignalRSignaling({ url: await hubOf('dave'), withCredentials: false, reconnectDelaysMs: [] });
    expect((await connectionError(signaling)).message).to.include('status code 401');
  });
});

describe('Reconnecting after the ASP.NET server restarts', () => {
  let parties: Parties;
  beforeEach(() => (parties = aspnetParties()));
  afterEach(() => parties.close());

  const restart = () => executeServerCommand('aspnet-restart');
  const reconnected = (s: { signaling: string }) => s.signaling === 'connected';

  needs('peerConnection').it('reconnects with the same cookie, and calls again', async () => {
    const [alice, bob] = await Promise.all([parties.party('alice'), parties.party('bob')]);
    await restart();
    await Promise.all([alice, bob].map((p) => until(p.controller, (s) => s.signaling !== 'connected')));
    await Promise.all([alice, bob].map((p) => until(p.controller, reconnected)));
    await connectCall(alice, bob, 'voice');
    await alice.controller.endCall();
    await until(bob.controller, isEnded);
    expectReleased(alice, bob);
  });

  // The baseline cannot re-bind a call after a reconnect, and the restarted server has forgotten it: the
  // media goes on, and the call ends cleanly when either side hangs up.
  needs('peerConnection').it('keeps the media of a call across the restart, and ends it cleanly', async () => {
    const [alice, bob] = await Promise.all([parties.party('alice'), parties.party('bob')]);
    await connectCall(alice, bob, 'video');
    await restart();
    await Promise.all([alice, bob].map((p) => until(p.controller, (s) => s.signaling !== 'connected')));
    await Promise.all([alice, bob].map((p) => until(p.controller, reconnected)));
    await framesOf(alice.controller.state.remoteStream!);
    expect(alice.controller.state.status).to.equal('active');
    await bob.controller.endCall();
    expect(bob.controller.state.activeCall!.endReason).to.equal('hangup');
    await until(alice.controller, isEnded, 15_000);
    expectReleased(alice, bob);
  });
});
