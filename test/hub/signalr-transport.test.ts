// The SignalR signaling's transport: a WebSocket of its own, and SignalR's HTTP transports, loaded only
// when a WebSocket cannot be had, here behind a real proxy that lets none through.
import { expect } from '@open-wc/testing';
import { SignalRSignaling } from '../../src/services/signaling/signalr-signaling.js';
import { checkedSignalRVersion } from '../../src/services/signaling/signalr-transport.js';
import { CallError } from '../../src/services/errors.js';
import { user } from '../support/directory.js';
import { needs } from '../support/needs.js';
import { httpFallbackFlows } from '../support/transport-flows.js';
import {
  connectCall,
  devToken,
  expectReleased,
  hubParties,
  hubUrl,
  isEnded,
  until,
  type Parties,
  type ProxyRoute,
} from '../support/parties.js';

const transportOf = (signaling: unknown) => (signaling as SignalRSignaling).transportName;

describe('SignalR signaling transport', () => {
  it("runs on the SignalR version its HTTP fallback was checked against (it imports SignalR's internal HttpConnection)", async () => {
    const installed = (
      (await (await fetch('/node_modules/@microsoft/signalr/package.json')).json()) as { version: string }
    ).version;
    expect(installed, 'SignalR changed: run this file against it, then update checkedSignalRVersion').to.equal(
      checkedSignalRVersion,
    );
  });

  let parties: Parties[] = [];
  afterEach(async () => {
    await Promise.all(parties.map((p) => p.close()));
    parties = [];
  });
  const over = (route?: ProxyRoute) => {
    const made = hubParties('extended', route);
    parties.push(made);
    return made;
  };

  it('talks to the hub over a WebSocket of its own', async () => {
    const alice = await over().party('alice');
    expect(transportOf(alice.signaling)).to.equal('WebSockets');
  });

  needs('peerConnection').it('follows a negotiate redirect to the hub, with the token it gives', async () => {
    const alice = await over('redirect').party('alice');
    const bob = await over().party('bob');
    expect(transportOf(alice.signaling)).to.equal('WebSockets'); // the proxy it was sent away from lets none through
    await connectCall(alice, bob, 'voice');
    await bob.controller.endCall();
    await until(alice.controller, isEnded);
    expectReleased(alice, bob);
  });

  httpFallbackFlows(over);

  it('says why when the hub cannot be reached', async () => {
    const signaling = new SignalRSignaling({ url: 'http://127.0.0.1:9/chathub', reconnectDelaysMs: [] });
    const error = await signaling.connect().then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).to.be.instanceOf(CallError);
    expect((error as CallError).code).to.equal('NETWORK_ERROR');
    expect((error as CallError).message).to.match(
      /^Could not connect to the call hub: Failed to complete negotiation with the server/,
    );
  });

  it('says why when the hub refuses the token', async () => {
    const signaling = new SignalRSignaling({
      url: `${await hubUrl('extended')}/chathub`,
      accessTokenFactory: () => 'not-a-token',
      reconnectDelaysMs: [],
    });
    const error = (await signaling.connect().catch((e: unknown) => e)) as CallError;
    expect(error.message).to.include('status code 401');
  });

  it('stops connecting when disconnected first, and connects again afterwards', async () => {
    const hub = await hubUrl('extended');
    const token = await devToken(hub, user('carol').id);
    const signaling = new SignalRSignaling({
      url: `${hub}/chathub`,
      accessTokenFactory: () => token,
      reconnectDelaysMs: [],
    });
    const statuses: string[] = [];
    signaling.events.on('status', ({ status }) => statuses.push(status));
    const connecting = signaling.connect().then(
      () => 'connected',
      (e: CallError) => e.message,
    );
    await signaling.disconnect();
    expect(await connecting).to.match(/^Could not connect to the call hub: .*stopped/);
    await signaling.connect();
    expect(statuses.at(-1)).to.equal('connected');
    expect(signaling.transportName).to.equal('WebSockets');
    await signaling.disconnect();
    expect(statuses.at(-1)).to.equal('disconnected');
  });
});
