// Timers and endings: handshake timeout, keep-alive pings, client timeout, abort, graceful shutdown with
// automatic reconnection of the official client to a new server on the same port.

import assert from 'node:assert/strict';
import { afterEach, describe, it } from 'node:test';
import { HubConnectionState } from '@microsoft/signalr';
import { HubError } from '@thrume/calls-contract/rules';
import {
  HttpTransportType,
  RS,
  RawClient,
  officialClient,
  sleep,
  startHub,
  waitFor,
  type TestHub,
} from './signalr-harness.ts';

const hubs: TestHub[] = [];
async function hubWith(...args: Parameters<typeof startHub>) {
  const hub = await startHub(...args);
  hubs.push(hub);
  return hub;
}
afterEach(async () => {
  await Promise.all(hubs.splice(0).map((hub) => hub.close()));
});

describe('timers', () => {
  it('cancels a handshake that does not come in time', async () => {
    const hub = await hubWith({ handshakeTimeoutMs: 200 });
    const client = await RawClient.open(hub, 'alice', null);
    const started = Date.now();
    assert.equal(await client.closed, 1000);
    assert.ok(Date.now() - started >= 150, 'not before the timeout');
    assert.deepEqual(client.frames, [`{"error":"Handshake was canceled."}${RS}`]);
    assert.deepEqual(hub.events, []);
  });

  it('sends a Ping after the keep-alive interval of silence', async () => {
    const hub = await hubWith({ keepAliveIntervalMs: 100 });
    const client = await RawClient.open(hub);
    try {
      await client.next((m) => m['type'] === 6, 'a ping', 2_000);
      assert.deepEqual(
        client.messages.find((m) => m['type'] === 6),
        { type: 6 },
      );
    } finally {
      client.close();
    }
  });

  it('closes a connection that sends nothing for the client timeout, letting it reconnect', async () => {
    const hub = await hubWith({ keepAliveIntervalMs: 100, clientTimeoutMs: 800 });
    const quiet = await RawClient.open(hub);
    const chatty = await RawClient.open(hub, 'bob');
    const pinger = setInterval(() => chatty.send(`{"type":6}${RS}`), 100);
    try {
      const close = await quiet.next((m) => m['type'] === 7, 'Close', 3_000);
      assert.deepEqual(close, {
        type: 7,
        error: 'Client timeout elapsed without receiving a message from the client.',
        allowReconnect: true,
      });
      assert.equal(await quiet.closed, 1000);
      await waitFor(() => hub.events.some((e) => e.startsWith('disconnected:alice:')), 'onDisconnected');
      await sleep(300);
      assert.equal(chatty.closeCode, undefined, 'a client that pings stays connected');
      chatty.send(`{"type":1,"invocationId":"1","target":"Echo","arguments":[1]}${RS}`);
      await chatty.completion('1');
    } finally {
      clearInterval(pinger);
      quiet.close();
      chatty.close();
    }
  });

  it('keeps the official client connected across several keep-alive intervals', async () => {
    const hub = await hubWith({ keepAliveIntervalMs: 100, clientTimeoutMs: 1_000 });
    const connection = officialClient(hub);
    connection.keepAliveIntervalInMilliseconds = 100; // the client pings the server...
    connection.serverTimeoutInMilliseconds = 1_000; // ...and drops it unless server pings arrive
    await connection.start();
    try {
      await sleep(1_600);
      assert.equal(connection.state, HubConnectionState.Connected);
      assert.equal(await connection.invoke('Echo', 'late'), 'late');
    } finally {
      await connection.stop();
    }
  });
});

describe('endings', () => {
  it('aborts one connection with an error the client sees, without reconnecting', async () => {
    const hub = await hubWith();
    const connection = officialClient(hub, { reconnectDelays: [0, 0] });
    const closed = new Promise<Error | undefined>((resolve) => connection.onclose(resolve));
    let reconnecting = false;
    connection.onreconnecting(() => (reconnecting = true));
    await connection.start();
    const other = officialClient(hub, { token: 'bob' });
    await other.start();
    try {
      const id = connection.connectionId!;
      hub.server.sender.abort(id, 'Kicked by an administrator.');
      const error = await closed;
      assert.equal(error?.message, 'Server returned an error on close: Kicked by an administrator.');
      assert.equal(reconnecting, false);
      assert.equal(await other.invoke('Echo', 'unaffected'), 'unaffected');
      hub.server.sender.abort(id, 'again'); // already gone: ignored
      await hub.server.close();
      const ends = hub.events.filter((e) => e.startsWith('disconnected:alice:'));
      assert.deepEqual(ends, [`disconnected:alice:${id}`], 'onDisconnected exactly once');
      hub.server.sender.send('no-such-connection', 'Pushed', [1]); // ignored
      hub.server.sender.abort('no-such-connection', 'x'); // ignored
    } finally {
      await other.stop();
    }
  });

  for (const [thrown, text] of [
    [new HubError('No entry today.'), 'Connection closed with an error. HubException: No entry today.'],
    [new Error('database password is hunter2'), 'Connection closed with an error.'],
  ] as const) {
    it(`closes the connection when onConnected throws ${thrown.name}, still calling onDisconnected once`, async () => {
      const calls: string[] = [];
      const hub = await hubWith({
        hub: {
          methods: {},
          onConnected: () => {
            calls.push('connected');
            throw thrown;
          },
          onDisconnected: () => void calls.push('disconnected'),
        },
      });
      const connection = officialClient(hub, { reconnectDelays: [0] });
      const closed = new Promise<Error | undefined>((resolve) => connection.onclose(resolve));
      // The Close may arrive while start() is still finishing: then start() rejects with it.
      const failedStart = await connection.start().then(
        () => undefined,
        (error: Error) => error,
      );
      const error = failedStart ?? (await closed);
      assert.equal(error?.message, `Server returned an error on close: ${text}`);
      await waitFor(() => calls.length === 2, 'onDisconnected');
      assert.deepEqual(calls, ['connected', 'disconnected']);
      assert.equal(
        hub.errors.length,
        thrown instanceof HubError ? 0 : 1,
        'unexpected errors are logged, HubErrors not',
      );
    });
  }

  it('sends Close with allowReconnect on shutdown and waits for onDisconnected', async () => {
    const hub = await hubWith();
    const client = await RawClient.open(hub);
    client.send(`{"type":1,"invocationId":"w","target":"WhoAmI","arguments":[]}${RS}`);
    const { id } = (await client.completion('w'))['result'] as { id: string };
    await hub.server.close();
    assert.ok(hub.events.includes(`disconnected:alice:${id}`), 'onDisconnected ran before close() settled');
    assert.deepEqual(client.messages.at(-1), { type: 7, allowReconnect: true });
    assert.equal(await client.closed, 1000);
    assert.equal(hub.server.connectionCount, 0);
    const late = await fetch(`${hub.url}/negotiate?negotiateVersion=1`, {
      method: 'POST',
      headers: { Authorization: 'Bearer alice' },
    });
    assert.equal(late.status, 503);
  });

  for (const transport of [
    HttpTransportType.WebSockets,
    HttpTransportType.ServerSentEvents,
    HttpTransportType.LongPolling,
  ]) {
    it(`lets withAutomaticReconnect reach a new server on the same port (${HttpTransportType[transport]})`, async () => {
      const first = await hubWith({ longPollTimeoutMs: 2_000 });
      const connection = officialClient(first, { transport, reconnectDelays: [0, 100, 200, 400, 800, 1_600] });
      const reconnectingErrors: (Error | undefined)[] = [];
      connection.onreconnecting((error) => void reconnectingErrors.push(error));
      const reconnected = new Promise<string | undefined>((resolve) => connection.onreconnected(resolve));
      await connection.start();
      const oldId = connection.connectionId;
      await first.close();
      await waitFor(() => reconnectingErrors.length > 0, 'onreconnecting');
      assert.equal(connection.state, HubConnectionState.Reconnecting);
      const second = await hubWith({}, first.port);
      try {
        const newId = await reconnected;
        assert.ok(newId && newId !== oldId, 'a new connection id');
        assert.equal(await connection.invoke('Echo', 'back'), 'back');
        assert.ok(second.events.includes(`connected:alice:${newId}`));
      } finally {
        await connection.stop();
      }
    });
  }
});
