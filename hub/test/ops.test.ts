// The operator's endpoints: /health, /ready and /metrics through the real server, on the hub's port,
// on one of their own, or off; and the JSON log's lines for a call.

import assert from 'node:assert/strict';
import { once } from 'node:events';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import { describe, it } from 'node:test';
import { HttpTransportType, HubConnectionBuilder, LogLevel } from '@microsoft/signalr';
import { WebSocket } from 'ws';
import { createHubLog } from '../src/ops/hub-log.ts';
import { HubMetrics } from '../src/ops/metrics.ts';
import { createOpsHandler } from '../src/ops/ops-routes.ts';
import { answer, candidate, conversationAB, ids, offer, waitFor } from './support/call-harness.ts';
import { startTestServer, type TestServer } from './support/hub-server.ts';

async function signalrClient(s: TestServer, name: 'alice' | 'bob', transport: HttpTransportType) {
  const token = await s.token(name);
  const connection = new HubConnectionBuilder()
    .withUrl(`${s.hub.url}/chathub`, { accessTokenFactory: () => token, transport })
    .configureLogging(LogLevel.None)
    .build();
  const events: string[] = [];
  const received = ['CallRinging', 'IncomingCall', 'CallAccepted', 'CallEnded', 'CallError'];
  for (const event of [...received, 'ReceiveOffer', 'ReceiveAnswer', 'ReceiveIceCandidate']) {
    connection.on(event, () => events.push(event));
  }
  await connection.start();
  return { connection, events, token };
}

/** A log that keeps its text, and its lines parsed. */
function capturedLog() {
  let text = '';
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      text += chunk.toString();
      done();
    },
  });
  const lines = () =>
    text
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as Record<string, unknown>);
  return { log: createHubLog(sink), text: () => text, lines };
}

/** The value of one sample line of the Prometheus text, e.g. `thrume_calls{state="Connected"}`. */
function sample(text: string, series: string): number {
  const line = text.split('\n').find((l) => l.startsWith(`${series} `));
  assert.ok(
    line,
    `no sample ${series} in:\n${text
      .split('\n')
      .filter((l) => l.startsWith('thrume_'))
      .join('\n')}`,
  );
  return Number(line.slice(series.length + 1));
}

describe('/health, /ready and /metrics', () => {
  it('answers health and readiness on the hub port, and refuses other methods', async () => {
    const s = await startTestServer();
    try {
      assert.equal(s.hub.opsUrl, s.hub.url);
      const health = await fetch(`${s.hub.url}/health`);
      assert.deepEqual([health.status, await health.json()], [200, { status: 'ok' }]);
      const ready = await fetch(`${s.hub.url}/ready`);
      assert.deepEqual([ready.status, await ready.json()], [200, { status: 'ready' }]);
      const post = await fetch(`${s.hub.url}/metrics`, { method: 'POST' });
      assert.deepEqual([post.status, post.headers.get('allow')], [405, 'GET, HEAD']);
    } finally {
      await s.close();
    }
  });

  it('counts connections by transport, calls by state, set-ups, outcomes, relays and refusals, and names no user or call', async () => {
    const s = await startTestServer({ THRUME_HUB_MODE: 'extended' });
    const alice = await signalrClient(s, 'alice', HttpTransportType.WebSockets);
    const bob = await signalrClient(s, 'bob', HttpTransportType.LongPolling);
    try {
      const callId = await alice.connection.invoke<string>('InitiateCallAsync', ids.bob, 'video', conversationAB);
      await waitFor(() => bob.events.includes('IncomingCall'), 3_000, 'ring');
      let text = await (await fetch(`${s.hub.url}/metrics`)).text();
      assert.equal(sample(text, 'thrume_connections{transport="WebSockets"}'), 1);
      assert.equal(sample(text, 'thrume_connections{transport="LongPolling"}'), 1);
      assert.equal(sample(text, 'thrume_connections{transport="ServerSentEvents"}'), 0);
      assert.equal(sample(text, 'thrume_calls{state="Ringing"}'), 1);
      assert.equal(sample(text, 'thrume_call_setups_total'), 1);

      await bob.connection.invoke('AcceptCallAsync', callId);
      await alice.connection.invoke('SendOfferAsync', callId, offer);
      await bob.connection.invoke('SendAnswerAsync', callId, answer);
      await waitFor(() => alice.events.includes('ReceiveAnswer'), 3_000, 'answer');
      await alice.connection.invoke('AcceptCallAsync', callId); // the caller may not accept: a refusal
      await alice.connection.invoke('InitiateCallAsync', ids.carol, 'voice', ''); // busy in a call: another
      text = await (await fetch(`${s.hub.url}/metrics`)).text();
      assert.equal(sample(text, 'thrume_calls{state="Connected"}'), 1);
      assert.equal(sample(text, 'thrume_calls_connected_total'), 1);
      assert.equal(sample(text, 'thrume_signals_relayed_total{signal="offer"}'), 1);
      assert.equal(sample(text, 'thrume_signals_relayed_total{signal="answer"}'), 1);
      assert.equal(sample(text, 'thrume_call_refusals_total{code="not-authorized-accept"}'), 1);
      assert.equal(sample(text, 'thrume_call_refusals_total{code="not-available"}'), 1);

      await alice.connection.invoke('EndCallAsync', callId);
      await waitFor(() => bob.events.includes('CallEnded'), 3_000, 'end');
      text = await (await fetch(`${s.hub.url}/metrics`)).text();
      assert.equal(sample(text, 'thrume_call_outcomes_total{status="Ended",reason="hangup"}'), 1);
      assert.equal(sample(text, 'thrume_calls{state="Connected"}'), 0);
      assert.ok(sample(text, 'thrume_store_write_seconds_count{outcome="ok"}') >= 3, 'history writes are timed');
      assert.ok(text.includes('nodejs_eventloop_lag_seconds'), 'event-loop lag is reported');
      for (const id of [callId, ...Object.values(ids)]) assert.ok(!text.includes(id), `the metrics name ${id}`);
    } finally {
      await Promise.all([alice.connection.stop(), bob.connection.stop()]);
      await s.close();
    }
  });

  it('counts rate-limit hits', async () => {
    const s = await startTestServer({ THRUME_CALL_RATE_PER_MINUTE: '1' });
    const alice = await signalrClient(s, 'alice', HttpTransportType.WebSockets);
    try {
      await alice.connection.invoke('InitiateCallAsync', ids.bob, 'voice', conversationAB); // bob is offline
      await alice.connection.invoke('InitiateCallAsync', ids.bob, 'voice', conversationAB); // the second in a minute
      const text = await (await fetch(`${s.hub.url}/metrics`)).text();
      assert.equal(sample(text, 'thrume_call_refusals_total{code="not-online"}'), 1);
      assert.equal(sample(text, 'thrume_call_refusals_total{code="rate-limited"}'), 1);
      assert.equal(sample(text, 'thrume_rate_limit_hits_total'), 1);
    } finally {
      await alice.connection.stop();
      await s.close();
    }
  });

  it('serves them on a listener of their own with THRUME_OPS_ADDRESS, and not on the hub port', async () => {
    const s = await startTestServer({ THRUME_OPS_ADDRESS: '127.0.0.1:0' });
    try {
      assert.notEqual(s.hub.opsUrl, s.hub.url);
      assert.equal((await fetch(`${s.hub.opsUrl}/health`)).status, 200);
      assert.match(await (await fetch(`${s.hub.opsUrl}/metrics`)).text(), /^# HELP /m);
      assert.equal(
        (await fetch(`${s.hub.opsUrl}/api/call/history`)).status,
        404,
        'the ops listener serves nothing else',
      );
      for (const path of ['/health', '/ready', '/metrics'])
        assert.equal((await fetch(`${s.hub.url}${path}`)).status, 404);
    } finally {
      await s.close();
    }
  });

  it('answers 503 "shutting down" on their own listener while a graceful shutdown lasts', async () => {
    const s = await startTestServer({ THRUME_OPS_ADDRESS: '127.0.0.1:0' }, undefined, {
      signalr: { webSocketCloseTimeoutMs: 2_000 },
    });
    // A client that never answers the hub's Close holds the shutdown for the close timeout.
    const socket = new WebSocket(`${s.hub.url.replace('http', 'ws')}/chathub`, {
      headers: { Authorization: `Bearer ${await s.token('alice')}` },
    });
    try {
      await once(socket, 'open');
      socket.send('{"protocol":"json","version":1}\u001e');
      await once(socket, 'message'); // the handshake's answer
      socket.pause();
      const closed = s.close();
      const ready = await fetch(`${s.hub.opsUrl}/ready`);
      assert.deepEqual([ready.status, await ready.json()], [503, { status: 'unavailable', reason: 'shutting down' }]);
      await closed;
    } finally {
      socket.terminate();
      await s.close();
    }
  });

  it('serves none of them with THRUME_OPS_ADDRESS=off', async () => {
    const s = await startTestServer({ THRUME_OPS_ADDRESS: 'off' });
    try {
      assert.equal(s.hub.opsUrl, null);
      for (const path of ['/health', '/ready', '/metrics'])
        assert.equal((await fetch(`${s.hub.url}${path}`)).status, 404);
    } finally {
      await s.close();
    }
  });

  it('answers 503 with the reason when the hub cannot serve', async () => {
    const metrics = new HubMetrics({ connections: () => ({}), activeCalls: async () => [] });
    const handler = createOpsHandler({ metrics, whyUnavailable: async () => 'writing hub.sqlite failed: ENOSPC' });
    const server = createServer((req, res) => handler(req, res) || res.writeHead(404).end());
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const { port } = server.address() as AddressInfo;
      const ready = await fetch(`http://127.0.0.1:${port}/ready`);
      assert.deepEqual(
        [ready.status, await ready.json()],
        [503, { status: 'unavailable', reason: 'writing hub.sqlite failed: ENOSPC' }],
      );
      assert.equal((await fetch(`http://127.0.0.1:${port}/health`)).status, 200, 'alive all the same');
    } finally {
      server.close();
    }
  });
});

describe('the JSON log', () => {
  it('writes one JSON line per connection, transition and refusal, with their ids and no SDP, candidate or token', async () => {
    const { log, text, lines: parse } = capturedLog();
    const s = await startTestServer({}, undefined, { log: log.notice, observe: log.observe });
    const alice = await signalrClient(s, 'alice', HttpTransportType.WebSockets);
    const bob = await signalrClient(s, 'bob', HttpTransportType.LongPolling); // its token rides in every poll's header
    let callId: string;
    try {
      callId = await alice.connection.invoke<string>('InitiateCallAsync', ids.bob, 'video', conversationAB);
      await bob.connection.invoke('AcceptCallAsync', callId);
      await alice.connection.invoke('SendOfferAsync', callId, offer);
      await alice.connection.invoke('SendIceCandidateAsync', callId, candidate);
      await waitFor(() => bob.events.includes('ReceiveIceCandidate'), 3_000, 'the candidate relayed');
      await alice.connection.invoke('AcceptCallAsync', callId); // refused: the caller
      await alice.connection.invoke('EndCallAsync', callId);
    } finally {
      await Promise.all([alice.connection.stop(), bob.connection.stop()]);
      await s.close();
    }
    const lines = parse();
    const of = (event: string) => lines.filter((l) => l.event === event);
    const connections = of('connection').map((l) => `${l.state} ${l.userId} ${l.transport}`);
    assert.deepEqual(connections.slice(0, 2), [`open ${ids.alice} WebSockets`, `open ${ids.bob} LongPolling`]);
    assert.deepEqual(
      connections.slice(2).sort(),
      [`closed ${ids.alice} WebSockets`, `closed ${ids.bob} LongPolling`].sort(),
    );
    assert.deepEqual(
      of('call').map((l) => [l.callId, l.status, l.endReason]),
      [
        [callId, 'Ringing', null],
        [callId, 'Connected', null],
        [callId, 'Ended', 'hangup'],
      ],
    );
    assert.deepEqual(
      of('refusal').map((l) => [l.method, l.code, l.userId]),
      [['AcceptCallAsync', 'not-authorized-accept', ids.alice]],
    );
    assert.ok(lines.every((l) => typeof l.time === 'string' && typeof l.level === 'number'));
    const candidateText = (JSON.parse(candidate) as { candidate: string }).candidate;
    for (const [what, secret] of [
      ["alice's token", alice.token],
      ["bob's token", bob.token],
      ["a token's signature", alice.token.split('.')[2]],
      ['the SDP', 'v=0'],
      ['the candidate', candidateText],
      ["the candidate's address", '192.0.2.1'],
    ] as const)
      assert.ok(!text().includes(secret), `${what} in the log`);
    assert.equal(of('relay').length, 0, 'relays are counted, not logged');
  });

  it('writes unexpected errors as "error" lines, with the connection and its user when the message names one', async () => {
    const { log, lines } = capturedLog();
    const s = await startTestServer({}, undefined, { log: log.notice, observe: log.observe });
    const alice = await signalrClient(s, 'alice', HttpTransportType.WebSockets);
    const bob = await signalrClient(s, 'bob', HttpTransportType.WebSockets);
    const broken = () => {
      throw new Error('the directory cannot be read');
    };
    Object.assign(s.hub.directory, { isConversationOf: broken, shareConversation: broken });
    try {
      await alice.connection.invoke('InitiateCallAsync', ids.bob, 'voice', conversationAB);
      await waitFor(() => alice.events.includes('CallError'), 3_000, 'the failure told');
      // As the SignalR layer reports a failure of its own (server.ts appends the stack to its message).
      const aliceConnection = lines().find((l) => l.event === 'connection' && l.userId === ids.alice)!.connectionId;
      log.notice(
        `Connection ${String(aliceConnection)}: unexpected failure in an invocation. ${new Error('boom').stack}`,
      );
      log.notice('no directory (THRUME_DIRECTORY): nobody shares a conversation, so every call is refused');

      const errors = lines().filter((l) => l.event === 'error');
      assert.deepEqual(
        errors.map((l) => [l.level, l.connectionId, l.userId]),
        [
          [50, undefined, undefined], // the call rules' catch-all does not name the connection
          [50, aliceConnection, ids.alice],
        ],
      );
      assert.match(String(errors[0].msg), /^Failed to initiate call: Error: the directory cannot be read\n\s+at /);
      assert.equal(lines().at(-1)!.level, 40, 'a notice without an error stays a warning');
      assert.equal(lines().at(-1)!.event, undefined);
    } finally {
      await Promise.all([alice.connection.stop(), bob.connection.stop()]);
      await s.close();
    }
  });
});
