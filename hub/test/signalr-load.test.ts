// Many connections at once: relays between official clients keep per-connection order, and a burst of
// queued invocations (past the backpressure threshold) completes in order.

import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { RawClient, RS, officialClient, startHub, waitFor, type TestHub } from './signalr-harness.ts';

describe('load', () => {
  let hub: TestHub;
  before(async () => {
    hub = await startHub();
  });
  after(() => hub.close());

  it('relays between 20 official clients in order, each message exactly once', async () => {
    const clients = Array.from({ length: 20 }, (_, i) => officialClient(hub, { token: i % 2 ? 'alice' : 'bob' }));
    const received = clients.map(() => [] as [string, number][]);
    clients.forEach((client, i) => client.on('relayed', (from: string, n: number) => void received[i].push([from, n])));
    await Promise.all(clients.map((client) => client.start()));
    try {
      const ids = clients.map((client) => client.connectionId!);
      await Promise.all(
        clients.map(async (client, i) => {
          for (let n = 0; n < 25; n++) await client.send('Relay', ids[(i + 1) % ids.length], n);
        }),
      );
      await waitFor(() => received.every((list) => list.length === 25), 'every relayed message', 10_000);
      received.forEach((list, i) => {
        const from = ids[(i + ids.length - 1) % ids.length];
        assert.deepEqual(
          list,
          Array.from({ length: 25 }, (_, n) => [from, n]),
          `client ${i}`,
        );
      });
    } finally {
      await Promise.all(clients.map((client) => client.stop()));
    }
  });

  it('completes a burst of 100 queued invocations in order', async () => {
    const client = await RawClient.open(hub);
    try {
      const burst = Array.from(
        { length: 100 },
        (_, i) => JSON.stringify({ type: 1, invocationId: String(i), target: 'Slow', arguments: [i, 0] }) + RS,
      ).join('');
      client.send(burst);
      await client.completion('99');
      const completions = client.messages.filter((m) => m['type'] === 3);
      assert.deepEqual(
        completions.map((m) => m['result']),
        Array.from({ length: 100 }, (_, i) => i),
      );
      assert.ok(
        hub.events.filter((e) => e.startsWith('start:')).every((e) => e.endsWith(':1')),
        'never two at once',
      );
      client.send(`{"type":1,"invocationId":"after","target":"Echo","arguments":[1]}${RS}`);
      await client.completion('after'); // reading resumed after the backpressure pause
    } finally {
      client.close();
    }
  });
});
