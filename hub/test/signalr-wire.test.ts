// Wire-level behaviour with a raw `ws` client: framing, handshake, protocol errors, message kinds.

import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { RawClient, RS, sleep, startHub, waitFor, type TestHub } from './signalr-harness.ts';

const invoke = (id: string, target: string, ...args: unknown[]) =>
  JSON.stringify({ type: 1, invocationId: id, target, arguments: args }) + RS;

describe('JSON hub protocol on the wire', () => {
  let hub: TestHub;
  before(async () => {
    hub = await startHub();
  });
  after(() => hub.close());

  it('answers the handshake with {} and ends every frame with the record separator', async () => {
    const client = await RawClient.open(hub);
    try {
      assert.equal(client.frames[0], `{}${RS}`);
      client.send(invoke('1', 'Push', 'x'));
      await client.completion('1');
      await client.next((m) => m['type'] === 1, 'the push');
      assert.deepEqual(
        client.messages.find((m) => m['type'] === 1),
        { type: 1, target: 'Pushed', arguments: ['x', 'second'] },
        'a push is an Invocation without invocationId',
      );
      for (const frame of client.frames) assert.ok(frame.endsWith(RS), `frame ${JSON.stringify(frame)} ends with 0x1E`);
    } finally {
      client.close();
    }
  });

  it('handles the handshake and invocations in one frame, and several messages per frame', async () => {
    const client = await RawClient.open(hub, 'alice', null);
    try {
      client.send(
        `{"protocol":"json","version":1}${RS}${invoke('1', 'Echo', 'one')}{"type":6}${RS}${invoke('2', 'Add', 1, 2)}`,
      );
      assert.deepEqual(await client.completion('2'), { type: 3, invocationId: '2', result: 3 });
      assert.deepEqual(await client.completion('1'), { type: 3, invocationId: '1', result: 'one' });
      const ids = client.messages.filter((m) => m['type'] === 3).map((m) => m['invocationId']);
      assert.deepEqual(ids, ['1', '2'], 'completions in invocation order');
    } finally {
      client.close();
    }
  });

  it('joins the records due to a connection in one turn into whole frames, in order', async () => {
    const client = await RawClient.open(hub);
    try {
      const before = client.frames.length;
      client.send(Array.from({ length: 50 }, (_, i) => invoke(String(i), 'Push', `v${i}`)).join(''));
      await client.completion('49');
      const frames = client.frames.slice(before);
      assert.ok(frames.length < 10, `${frames.length} frames for 100 records`);
      for (const frame of frames) assert.ok(frame.endsWith(RS), 'every frame ends with a whole record');
      const records = frames
        .join('')
        .split(RS)
        .slice(0, -1)
        .map((r) => JSON.parse(r) as Record<string, unknown>);
      const expected = Array.from({ length: 50 }, (_, i) => [
        { type: 1, target: 'Pushed', arguments: [`v${i}`, 'second'] },
        { type: 3, invocationId: String(i), result: 'pushed' },
      ]).flat();
      assert.deepEqual(records, expected);
    } finally {
      client.close();
    }
  });

  it('sends a lone record within the same turn of the event loop', async () => {
    const client = await RawClient.open(hub);
    try {
      const started = performance.now();
      client.send(invoke('1', 'Echo', 'alone'));
      await client.completion('1');
      assert.ok(performance.now() - started < 100);
    } finally {
      client.close();
    }
  });

  it('answers synchronous and asynchronous methods in invocation order', async () => {
    const client = await RawClient.open(hub);
    try {
      client.send(
        invoke('1', 'Slow', 'a', 30) +
          invoke('2', 'Echo', 'b') +
          invoke('3', 'Slow', 'c', 5) +
          invoke('4', 'Echo', 'd'),
      );
      await client.completion('4');
      const ids = client.messages.filter((m) => m['type'] === 3).map((m) => m['invocationId']);
      assert.deepEqual(ids, ['1', '2', '3', '4']);
    } finally {
      client.close();
    }
  });

  it('reassembles a message split across frames, even inside a UTF-8 character', async () => {
    const client = await RawClient.open(hub);
    try {
      const bytes = Buffer.from(invoke('7', 'Echo', 'crème brûlée'));
      const cut = bytes.indexOf(Buffer.from('è')) + 1; // between the two bytes of "è"
      client.send(bytes.subarray(0, 5));
      await sleep(20);
      client.send(bytes.subarray(5, cut));
      await sleep(20);
      assert.equal(client.messages.length, 1, 'nothing answered before the separator arrives');
      client.send(bytes.subarray(cut));
      assert.deepEqual(await client.completion('7'), { type: 3, invocationId: '7', result: 'crème brûlée' });
    } finally {
      client.close();
    }
  });

  it('accepts a message of exactly the maximum size', async () => {
    const client = await RawClient.open(hub);
    try {
      const empty = invoke('9', 'Echo', '').length - RS.length;
      const text = invoke('9', 'Echo', 'x'.repeat(32_768 - empty));
      assert.equal(Buffer.byteLength(text) - 1, 32_768);
      client.send(text);
      const completion = await client.completion('9');
      assert.equal((completion['result'] as string).length, 32_768 - empty);
    } finally {
      client.close();
    }
  });

  for (const [what, payload, detail] of [
    [
      'an oversized message',
      invoke('1', 'Echo', 'x'.repeat(40_000)),
      /^InvalidDataException: The maximum message size of 32768B was exceeded\./,
    ],
    [
      'an oversized unterminated message',
      `{"type":1,"target":"Echo","arguments":["${'y'.repeat(40_000)}`,
      /maximum message size of 32768B/,
    ],
    ['malformed JSON', `{"type":1,"target":${RS}`, /^InvalidDataException: Error reading JSON\./],
    ['a non-object message', `[1,2,3]${RS}`, /Expected a JSON Object/],
    ['a message without type', `{"target":"Echo","arguments":[]}${RS}`, /Missing required property 'type'\./],
    [
      'a target that is not a string',
      `{"type":1,"target":5,"arguments":[]}${RS}`,
      /Expected 'target' to be of type String\./,
    ],
    [
      'arguments that are not an array',
      `{"type":1,"target":"Echo","arguments":{}}${RS}`,
      /Expected 'arguments' to be of type Array\./,
    ],
    [
      'invalid UTF-8',
      Buffer.concat([Buffer.from('{"type":1,"target":"\xff'), Buffer.from([0xc3, 0x28]), Buffer.from('"}\x1e')]),
      /not valid UTF-8/,
    ],
  ] as const) {
    it(`closes only the connection that sent ${what}`, async () => {
      const bystander = await RawClient.open(hub, 'bob');
      const offender = await RawClient.open(hub);
      try {
        offender.send(payload);
        const close = await offender.next((m) => m['type'] === 7, 'Close');
        const error = close['error'] as string;
        assert.ok(error.startsWith('Connection closed with an error. '), error);
        assert.match(error.slice('Connection closed with an error. '.length), detail);
        assert.equal(close['allowReconnect'], undefined, 'a protocol violation must not invite a reconnect');
        assert.equal(await offender.closed, 1000);
        bystander.send(invoke('b', 'Echo', 'alive'));
        assert.equal((await bystander.completion('b'))['result'], 'alive');
        const fresh = await RawClient.open(hub);
        fresh.send(invoke('f', 'Echo', 'new'));
        assert.equal((await fresh.completion('f'))['result'], 'new', 'the server accepts new connections');
        fresh.close();
      } finally {
        bystander.close();
        offender.close();
      }
    });
  }

  it('drops a connection whose single frame exceeds the frame limit (1 MiB) with close code 1009', async () => {
    const offender = await RawClient.open(hub);
    offender.send('x'.repeat((1 << 20) + 1));
    assert.equal(await offender.closed, 1009);
    const bystander = await RawClient.open(hub, 'bob');
    bystander.send(invoke('b', 'Echo', 'alive'));
    assert.equal((await bystander.completion('b'))['result'], 'alive');
    bystander.close();
  });

  for (const [handshake, error] of [
    ['{"protocol":"messagepack","version":1}', "The protocol 'messagepack' is not supported."],
    ['{"protocol":"json","version":3}', "The server does not support version 3 of the 'json' protocol."],
    [
      '{"protocol":"json"}',
      "An unexpected error occurred during connection handshake. InvalidDataException: Missing required property 'version'.",
    ],
    ['not json', 'An unexpected error occurred during connection handshake. InvalidDataException: Error reading JSON.'],
  ] as const) {
    it(`refuses the handshake ${handshake}`, async () => {
      const before = hub.events.length;
      const client = await RawClient.open(hub, 'alice', null);
      client.send(handshake + RS);
      assert.equal(await client.closed, 1000);
      assert.equal(client.frames.length, 1);
      const reply = JSON.parse(client.frames[0].slice(0, -1)) as { error: string };
      assert.ok(reply.error.startsWith(error), reply.error);
      assert.ok(client.frames[0].endsWith(RS));
      const connected = hub.events.slice(before).filter((e) => e.startsWith('connected:'));
      assert.deepEqual(connected, [], 'no onConnected without a handshake');
    });
  }

  it('refuses streaming invocations and client streams with Completion errors', async () => {
    const client = await RawClient.open(hub);
    try {
      client.send(JSON.stringify({ type: 4, invocationId: 's1', target: 'Echo', arguments: [1] }) + RS);
      assert.equal(
        (await client.completion('s1'))['error'],
        "The client attempted to invoke the non-streaming 'Echo' method with a streaming invocation.",
      );
      client.send(JSON.stringify({ type: 4, invocationId: 's2', target: 'Nope', arguments: [] }) + RS);
      assert.equal(
        (await client.completion('s2'))['error'],
        "Failed to invoke 'Nope' due to an error on the server. HubException: Method does not exist.",
      );
      client.send(
        JSON.stringify({ type: 1, invocationId: 's3', target: 'Echo', arguments: [1], streamIds: ['0'] }) + RS,
      );
      assert.match(
        (await client.completion('s3'))['error'] as string,
        /Client sent 1 stream\(s\), Hub method expects 0\./,
      );
      client.send(JSON.stringify({ type: 5, invocationId: 'unknown' }) + RS); // ignored
      client.send(JSON.stringify({ type: 2, invocationId: '0', item: 1 }) + RS); // ignored
      client.send(JSON.stringify({ type: 42, future: true }) + RS); // unknown types are ignored
      client.send(invoke('ok', 'Echo', 'ok'));
      assert.equal((await client.completion('ok'))['result'], 'ok');
    } finally {
      client.close();
    }
  });

  it('survives a result it cannot serialize (deep nesting) with the generic error', async () => {
    const client = await RawClient.open(hub);
    try {
      const deep = '['.repeat(15_000) + ']'.repeat(15_000);
      client.send(`{"type":1,"invocationId":"d","target":"Echo","arguments":[${deep}]}${RS}`);
      assert.equal(
        (await client.completion('d'))['error'],
        "An unexpected error occurred invoking 'Echo' on the server.",
      );
      client.send(invoke('ok', 'Echo', 'ok'));
      assert.equal((await client.completion('ok'))['result'], 'ok');
    } finally {
      client.close();
    }
  });

  it('never answers invocations without invocationId, even failing ones', async () => {
    const client = await RawClient.open(hub);
    try {
      client.send(JSON.stringify({ type: 1, target: 'Nope', arguments: [] }) + RS);
      client.send(JSON.stringify({ type: 1, target: 'Fail', arguments: [] }) + RS);
      client.send(JSON.stringify({ type: 1, target: 'Add', arguments: [1] }) + RS);
      client.send(invoke('last', 'Echo', 1));
      await client.completion('last');
      assert.deepEqual(
        client.messages.filter((m) => m['type'] === 3).map((m) => m['invocationId']),
        ['last'],
      );
    } finally {
      client.close();
    }
  });

  it('runs onDisconnected after the running invocation and drops the queued ones', async () => {
    const client = await RawClient.open(hub);
    client.send(invoke('w', 'WhoAmI'));
    const { id } = (await client.completion('w'))['result'] as { id: string };
    const from = hub.events.length;
    client.send(invoke('1', 'Slow', 'first', 200) + invoke('2', 'Slow', 'second', 0) + invoke('3', 'Slow', 'third', 0));
    await waitFor(() => hub.events.includes('start:first:1'), 'the first invocation');
    client.close();
    await waitFor(() => hub.events.includes(`disconnected:alice:${id}`), 'onDisconnected');
    assert.deepEqual(hub.events.slice(from), ['start:first:1', 'end:first', `disconnected:alice:${id}`]);
  });

  it('ends the connection when the client sends Close, calling onDisconnected', async () => {
    const client = await RawClient.open(hub);
    client.send(invoke('w', 'WhoAmI'));
    const { id } = (await client.completion('w'))['result'] as { id: string };
    client.send(`{"type":7}${RS}`);
    assert.equal(await client.closed, 1000);
    await waitFor(() => hub.events.includes(`disconnected:alice:${id}`), 'onDisconnected');
  });
});
