// The official @microsoft/signalr client, from Node, against the real server on each transport.

import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { HubConnectionState } from '@microsoft/signalr';
import { HttpTransportType, officialClient, startHub, waitFor, type TestHub } from './signalr-harness.ts';

const transports = [
  { name: 'WebSockets', options: { transport: HttpTransportType.WebSockets } },
  { name: 'Long Polling', options: { transport: HttpTransportType.LongPolling } },
  { name: 'Server-Sent Events', options: { transport: HttpTransportType.ServerSentEvents } },
  { name: 'WebSockets with skipNegotiation', options: { skipNegotiation: true } },
  { name: 'negotiate version 0', options: { transport: HttpTransportType.WebSockets, v0: true } },
] as const;

for (const { name, options } of transports) {
  describe(`official client over ${name}`, () => {
    let hub: TestHub;
    before(async () => {
      hub = await startHub();
    });
    after(() => hub.close());

    const connect = async () => {
      const url = 'v0' in options ? `${hub.url}?negotiateVersion=0` : hub.url;
      const connection = officialClient(hub, { ...options, url });
      await connection.start();
      return connection;
    };

    it('connects, then invokes with a result', async () => {
      const connection = await connect();
      try {
        assert.equal(connection.state, HubConnectionState.Connected);
        assert.deepEqual(await connection.invoke('Echo', { text: 'hé', n: [1, 2] }), { text: 'hé', n: [1, 2] });
        assert.equal(await connection.invoke('add', 2, 3), 5, 'method names match case-insensitively');
        assert.equal(await connection.invoke('Nothing'), undefined);
        const me = await connection.invoke<{ id: string; user: string }>('WhoAmI');
        assert.equal(me.user, 'alice');
        if ('skipNegotiation' in options) assert.equal(connection.connectionId, null);
        else assert.equal(me.id, connection.connectionId, 'the connectionId the client sees is the server one');
        const seen = hub.requests.join('\n');
        switch (name) {
          case 'WebSockets':
            assert.match(seen, /^POST \/hub\/negotiate\?negotiateVersion=1$/m);
            assert.match(seen, /^UPGRADE \/hub\?id=[\w-]{22}$/m);
            assert.doesNotMatch(seen, new RegExp(`id=${me.id}`), 'the id query is the token, not the connectionId');
            break;
          case 'Long Polling':
            assert.match(seen, /^GET \/hub\?id=[\w-]{22}&_=\d+$/m);
            assert.match(seen, /^POST \/hub\?id=[\w-]{22}$/m);
            assert.doesNotMatch(seen, /^UPGRADE/m);
            break;
          case 'Server-Sent Events':
            assert.match(seen, /^GET \/hub\?id=[\w-]{22}&access_token=alice$/m, 'SSE carries the token in the query');
            assert.match(seen, /^POST \/hub\?id=[\w-]{22}$/m);
            assert.doesNotMatch(seen, /^UPGRADE/m);
            break;
          case 'WebSockets with skipNegotiation':
            assert.doesNotMatch(seen, /negotiate/);
            assert.match(seen, /^UPGRADE \/hub$/m);
            break;
          default:
            assert.match(seen, /^POST \/hub\/negotiate\?negotiateVersion=0$/m);
            assert.match(
              seen,
              new RegExp(`^UPGRADE /hub\\?negotiateVersion=0&id=${me.id}$`, 'm'),
              'v0: id = connectionId',
            );
        }
      } finally {
        await connection.stop();
      }
    });

    it('rejects with ASP.NET error texts', async () => {
      const connection = await connect();
      try {
        await assert.rejects(connection.invoke('Fail'), {
          message: "An unexpected error occurred invoking 'Fail' on the server. HubException: Nope",
        });
        await assert.rejects(connection.invoke('Crash'), {
          message: "An unexpected error occurred invoking 'Crash' on the server.",
        });
        await assert.rejects(connection.invoke('NoSuchMethod', 1), {
          message:
            "Failed to invoke 'NoSuchMethod' due to an error on the server. HubException: Method does not exist.",
        });
        await assert.rejects(connection.invoke('Add', 1), {
          message:
            "Failed to invoke 'Add' due to an error on the server. InvalidDataException: " +
            'Invocation provides 1 argument(s) but target expects 2.',
        });
        assert.equal(await connection.invoke('Echo', 'still fine'), 'still fine');
        assert.ok(hub.errors.some((e) => String((e as { error: Error }).error?.message) === 'secret internal detail'));
      } finally {
        await connection.stop();
      }
    });

    it('receives pushes from sender.send', async () => {
      const connection = await connect();
      const pushed: unknown[][] = [];
      connection.on('pushed', (...args: unknown[]) => void pushed.push(args));
      try {
        assert.equal(await connection.invoke('Push', 42), 'pushed');
        await waitFor(() => pushed.length === 1, 'the push');
        assert.deepEqual(pushed[0], [42, 'second']);
        await connection.send('Push', 7); // fire-and-forget: no completion, the push still arrives
        await waitFor(() => pushed.length === 2, 'the second push');
      } finally {
        await connection.stop();
      }
    });

    it('calls onConnected and onDisconnected once each', async () => {
      const connection = await connect();
      const { id } = await connection.invoke<{ id: string }>('WhoAmI');
      await connection.stop();
      await waitFor(() => hub.events.includes(`disconnected:alice:${id}`), 'onDisconnected');
      assert.deepEqual(
        hub.events.filter((e) => e.endsWith(id)),
        [`connected:alice:${id}`, `disconnected:alice:${id}`],
      );
      await waitFor(() => hub.server.connectionCount === 0, 'the registry to empty');
    });

    it('runs one invocation at a time per connection, in order', async () => {
      const connection = await connect();
      try {
        const results = await Promise.all([
          connection.invoke('Slow', 'a', 60),
          connection.invoke('Slow', 'b', 10),
          connection.invoke('Slow', 'c', 0),
        ]);
        assert.deepEqual(results, ['a', 'b', 'c']);
        const trace = hub.events.filter((e) => e.startsWith('start:') || e.startsWith('end:'));
        assert.deepEqual(trace.slice(-6), ['start:a:1', 'end:a', 'start:b:1', 'end:b', 'start:c:1', 'end:c']);
      } finally {
        await connection.stop();
      }
    });
  });
}
