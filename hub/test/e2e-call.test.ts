// End to end: the official @microsoft/signalr client, through the real server (SignalR layer, call
// hub, REST), as the kit will use it.

import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { HttpTransportType, HubConnectionBuilder, LogLevel, type HubConnection } from '@microsoft/signalr';
import { answer, candidate, conversationAB, ids, offer, waitFor } from './support/call-harness.ts';
import { startTestServer, type TestServer } from './support/hub-server.ts';
import { recordEvents, type Events } from './support/recorded-events.ts';

async function client(
  s: TestServer,
  name: 'alice' | 'bob',
  transport = HttpTransportType.WebSockets,
): Promise<{ connection: HubConnection; events: Events }> {
  const token = await s.token(name);
  const connection = new HubConnectionBuilder()
    .withUrl(`${s.hub.url}/chathub`, { accessTokenFactory: () => token, transport })
    .configureLogging(LogLevel.None)
    .build();
  const events = recordEvents(connection);
  await connection.start();
  return { connection, events };
}

const named = (events: Events, name: string) => events.filter(([n]) => n === name).map(([, args]) => args);

for (const mode of ['extended', 'baseline'] as const) {
  describe(`official client through the real hub (${mode} mode)`, () => {
    let s: TestServer;
    before(async () => {
      s = await startTestServer({ THRUME_HUB_MODE: mode });
    });
    after(() => s.close());

    it('alice calls bob, bob accepts, offer/answer/candidates relay, alice hangs up', async () => {
      const alice = await client(s, 'alice');
      const bob = await client(
        s,
        'bob',
        mode === 'baseline' ? HttpTransportType.LongPolling : HttpTransportType.WebSockets,
      );
      try {
        if (mode === 'extended') {
          const info = await alice.connection.invoke<{ protocol: string; features: string[] }>('GetHubInfoAsync');
          assert.equal(info.protocol, 'thrume-calls');
          assert.ok(info.features.includes('call-id-result'));
        } else {
          await assert.rejects(alice.connection.invoke('GetHubInfoAsync'), /Method does not exist/);
        }

        const result = await alice.connection.invoke('InitiateCallAsync', ids.bob, 'video', conversationAB);
        await waitFor(
          () => named(alice.events, 'CallRinging').length === 1 && named(bob.events, 'IncomingCall').length === 1,
          3_000,
          'ringing',
        );
        const callId = named(alice.events, 'CallRinging')[0][0] as string;
        assert.equal(result, mode === 'extended' ? callId : null);
        const incoming = named(bob.events, 'IncomingCall')[0];
        assert.equal(incoming.length, 1, 'IncomingCall carries one object');
        // Baseline: Thrume's frame exactly; extended adds the caller's display name (caller-profile).
        assert.deepEqual(
          { ...(incoming[0] as object), timestamp: 'T' },
          {
            callId,
            callerId: ids.alice,
            callerUsername: 'alice',
            callType: 'video',
            conversationId: conversationAB,
            timestamp: 'T',
            offer: null,
            ...(mode === 'extended' && { callerDisplayName: 'Alice Moreau' }),
          },
        );

        assert.equal(await bob.connection.invoke('AcceptCallAsync', callId), null);
        await waitFor(
          () => named(alice.events, 'CallAccepted').length === 1 && named(bob.events, 'CallConnected').length === 1,
          3_000,
          'accepted',
        );

        await alice.connection.invoke('SendOfferAsync', callId, offer);
        await waitFor(() => named(bob.events, 'ReceiveOffer').length === 1, 3_000, 'offer');
        assert.deepEqual(named(bob.events, 'ReceiveOffer')[0], [callId, offer]);
        await bob.connection.invoke('SendAnswerAsync', callId, answer);
        await alice.connection.invoke('SendIceCandidateAsync', callId, candidate);
        await bob.connection.invoke('SendIceCandidateAsync', callId, candidate);
        await waitFor(
          () =>
            named(alice.events, 'ReceiveIceCandidate').length === 1 &&
            named(bob.events, 'ReceiveIceCandidate').length === 1,
          3_000,
          'candidates',
        );
        assert.deepEqual(named(alice.events, 'ReceiveAnswer'), [[callId, answer]]);

        await alice.connection.invoke('EndCallAsync', callId);
        await waitFor(() => named(bob.events, 'CallEnded').length === 1, 3_000, 'ended');
        if (mode === 'extended') {
          assert.deepEqual(named(bob.events, 'CallEnded')[0], [callId, 'hangup']);
          assert.deepEqual(named(alice.events, 'CallEnded'), []);
        } else {
          assert.deepEqual(named(bob.events, 'CallEnded')[0], [callId]);
          await waitFor(() => named(alice.events, 'CallEnded').length === 1, 3_000, 'echo');
          assert.deepEqual(named(alice.events, 'CallEnded')[0], [callId]);
        }
        assert.deepEqual(named(alice.events, 'CallError'), []);
        assert.deepEqual(named(bob.events, 'CallError'), []);

        const history = (await (await s.get('/api/call/history', await s.token('bob'))).json()) as {
          calls: Array<{ id: string; status: string }>;
        };
        assert.equal(history.calls[0]?.id, callId);
        assert.equal(history.calls[0]?.status, 'Ended');
      } finally {
        await Promise.all([alice.connection.stop(), bob.connection.stop()]);
      }
    });

    it('a refusal arrives as CallError and a wrong argument type fails the invocation', async () => {
      const alice = await client(s, 'alice');
      try {
        assert.equal(await alice.connection.invoke('InitiateCallAsync', ids.bob, 'video', ''), null); // bob is offline
        await waitFor(() => named(alice.events, 'CallError').length === 1, 3_000, 'CallError');
        assert.deepEqual(
          named(alice.events, 'CallError')[0],
          mode === 'extended' ? ['User is not online', 'not-online', 'InitiateCallAsync'] : ['User is not online'],
          'the text, and with refusal-codes the code',
        );
        await assert.rejects(alice.connection.invoke('InitiateCallAsync', 7, 'video', ''), /must be a string/);
        await assert.rejects(alice.connection.invoke('InitiateCallAsync', ids.bob, 'video'), /argument/i);
      } finally {
        await alice.connection.stop();
      }
    });
  });
}

describe('closing the hub with a call in progress', () => {
  it('keeps a connected call untold and closes with allowReconnect, so the participants rejoin after the restart', async () => {
    const s = await startTestServer();
    const alice = await client(s, 'alice');
    const bob = await client(s, 'bob');
    const callId = await alice.connection.invoke<string>('InitiateCallAsync', ids.bob, 'voice', '');
    await bob.connection.invoke('AcceptCallAsync', callId);
    const closed = new Promise<Error | undefined>((resolve) => alice.connection.onclose((error) => resolve(error)));
    await s.close();
    assert.equal(await closed, undefined, 'a clean Close');
    assert.deepEqual([named(alice.events, 'CallEnded'), named(bob.events, 'CallEnded')], [[], []]);
    await bob.connection.stop();
  });

  it('baseline: tells both participants the call ended', async () => {
    const s = await startTestServer({ THRUME_HUB_MODE: 'baseline' });
    const alice = await client(s, 'alice');
    const bob = await client(s, 'bob');
    await alice.connection.invoke('InitiateCallAsync', ids.bob, 'voice', '');
    await waitFor(() => named(alice.events, 'CallRinging').length === 1, 3_000, 'ringing');
    const callId = named(alice.events, 'CallRinging')[0][0] as string;
    await bob.connection.invoke('AcceptCallAsync', callId);
    const closed = new Promise<void>((resolve) => alice.connection.onclose(() => resolve()));
    await s.close();
    await closed;
    assert.deepEqual(named(alice.events, 'CallEnded'), [[callId]]);
    assert.deepEqual(named(bob.events, 'CallEnded'), [[callId]]);
    await bob.connection.stop();
  });
});

describe('rejoin through the real hub', () => {
  it("a caller whose connection closed rejoins from a new one within the grace period; after it, the call ends 'disconnected'", async () => {
    const s = await startTestServer({ THRUME_RECONNECT_GRACE_MS: '400' });
    const alice = await client(s, 'alice');
    const bob = await client(s, 'bob');
    try {
      const callId = await alice.connection.invoke<string>('InitiateCallAsync', ids.bob, 'voice', '');
      await bob.connection.invoke('AcceptCallAsync', callId);
      await alice.connection.stop();
      const alice2 = await client(s, 'alice');
      assert.deepEqual(await alice2.connection.invoke('RejoinCallAsync', callId), {
        callId,
        status: 'Connected',
        role: 'caller',
      });
      await bob.connection.invoke('SendOfferAsync', callId, offer);
      await waitFor(() => named(alice2.events, 'ReceiveOffer').length === 1, 3_000, 'offer to the new connection');
      await new Promise((resolve) => setTimeout(resolve, 600));
      assert.deepEqual(named(bob.events, 'CallEnded'), [], 'the grace timer was cancelled by the rejoin');

      await alice2.connection.stop();
      await waitFor(() => named(bob.events, 'CallEnded').length === 1, 3_000, 'disconnected');
      assert.deepEqual(named(bob.events, 'CallEnded')[0], [callId, 'disconnected']);
    } finally {
      await bob.connection.stop();
      await s.close();
    }
  });
});
