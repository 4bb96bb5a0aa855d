// Unit tests of the record-separator framing and the JSON message parser, including a randomized
// split test: however a byte stream is cut into frames, the same messages come out.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { FrameReader, ProtocolError } from '../src/signalr/framing.ts';
import { parseHandshakeRequest, parseMessage } from '../src/signalr/hub-protocol.ts';

const RS = '\u001e';

/** Small deterministic PRNG (mulberry32) so a failure can be replayed from its seed. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

describe('FrameReader', () => {
  it('yields the same messages however the stream is split', () => {
    const alphabet = ['a', 'é', '€', '😀', '"', '\\', ' '];
    for (let seed = 1; seed <= 200; seed++) {
      const next = random(seed);
      const messages = Array.from({ length: 1 + Math.floor(next() * 8) }, () =>
        Array.from({ length: Math.floor(next() * 40) }, () => alphabet[Math.floor(next() * alphabet.length)]).join(''),
      );
      const stream = Buffer.from(messages.map((m) => m + RS).join(''));
      const reader = new FrameReader(1_000);
      const out: string[] = [];
      let at = 0;
      while (at < stream.length) {
        const size = 1 + Math.floor(next() * 12);
        out.push(...reader.push(stream.subarray(at, at + size)));
        at += size;
      }
      assert.deepEqual(out, messages, `seed ${seed}`);
      assert.equal(reader.bufferedBytes, 0);
    }
  });

  it('keeps empty records as empty messages', () => {
    assert.deepEqual(new FrameReader(10).push(Buffer.from(`${RS}${RS}x${RS}`)), ['', '', 'x']);
  });

  it('enforces the maximum size in bytes, exactly', () => {
    const reader = new FrameReader(4);
    assert.deepEqual(reader.push(Buffer.from(`€a${RS}`)), ['€a'], '€ is 3 bytes: 4 in all');
    assert.throws(() => new FrameReader(4).push(Buffer.from(`€ab${RS}`)), ProtocolError);
    assert.throws(
      () => new FrameReader(4).push(Buffer.from('abcde')),
      /maximum message size of 4B/,
      'an unterminated tail too',
    );
    const split = new FrameReader(4);
    split.push(Buffer.from('ab'));
    assert.throws(() => split.push(Buffer.from(`cde${RS}`)), /maximum message size/, 'across frames too');
  });

  it('rejects invalid UTF-8', () => {
    assert.throws(() => new FrameReader(10).push(Buffer.from([0x61, 0xff, 0x1e])), /not valid UTF-8/);
  });
});

describe('parseMessage', () => {
  it('reads invocations with and without id', () => {
    assert.deepEqual(parseMessage('{"type":1,"target":"T","arguments":[1,{"a":null}],"headers":{"k":"v"}}'), {
      type: 1,
      invocationId: undefined,
      target: 'T',
      arguments: [1, { a: null }],
      streamIds: undefined,
    });
    const withId = parseMessage('{"type":1,"invocationId":"0","target":"T","arguments":[],"streamIds":["1"]}');
    assert.equal((withId as unknown as { invocationId: string }).invocationId, '0');
    assert.deepEqual((withId as unknown as { streamIds: string[] }).streamIds, ['1']);
  });

  it('ignores pings, acks, stream items and unknown types', () => {
    for (const text of [
      '{"type":6}',
      '{"type":8,"sequenceId":1}',
      '{"type":2,"invocationId":"1","item":2}',
      '{"type":99}',
    ]) {
      assert.deepEqual(parseMessage(text), { type: 'ignored' }, text);
    }
  });

  it('reads Close with and without error', () => {
    assert.deepEqual(parseMessage('{"type":7}'), { type: 7, error: undefined, allowReconnect: false });
    assert.deepEqual(parseMessage('{"type":7,"error":"e","allowReconnect":true}'), {
      type: 7,
      error: 'e',
      allowReconnect: true,
    });
  });

  for (const [text, error] of [
    ['{"type":"1"}', "Expected 'type' to be of type Integer."],
    ['{"type":1.5}', "Expected 'type' to be of type Integer."],
    ['{"type":1,"arguments":[]}', "Missing required property 'target'."],
    ['{"type":1,"target":"","arguments":[]}', "Property 'target' must not be empty."],
    ['{"type":1,"target":"T"}', "Missing required property 'arguments'."],
    ['{"type":1,"invocationId":1,"target":"T","arguments":[]}', "Expected 'invocationId' to be of type String."],
    ['{"type":4,"target":"T","arguments":[]}', "Missing required property 'invocationId'."],
    ['{"type":1,"target":"T","arguments":[],"headers":{"k":1}}', 'Expected header value to be of type String.'],
    [
      '{"type":3,"invocationId":"1","result":1,"error":"e"}',
      "The 'error' and 'result' properties are mutually exclusive.",
    ],
    ['{"type":7,"allowReconnect":"yes"}', "Expected 'allowReconnect' to be of type Boolean."],
    ['null', 'Unexpected JSON Token Type. Expected a JSON Object.'],
  ] as const) {
    it(`refuses ${text}`, () => {
      assert.throws(
        () => parseMessage(text),
        (thrown: unknown) => thrown instanceof ProtocolError && thrown.message === error,
      );
    });
  }

  it('reads handshakes', () => {
    assert.deepEqual(parseHandshakeRequest('{"protocol":"json","version":1}'), { protocol: 'json', version: 1 });
    assert.throws(
      () => parseHandshakeRequest('{"protocol":1,"version":1}'),
      /Expected 'protocol' to be of type String/,
    );
  });
});

describe('serialized records', () => {
  it('are the bytes of JSON.stringify of the whole message', async () => {
    const { completionResult, invocation } = await import('../src/signalr/hub-protocol.ts');
    const values: unknown[] = [
      null,
      'a "quoted"\n\u2028 text',
      42,
      { a: [1, { b: null }] },
      [undefined, 'x'],
      undefined,
      () => 1,
      new Date(0),
    ];
    for (const value of values) {
      assert.equal(
        completionResult('id"1', value),
        JSON.stringify({ type: 3, invocationId: 'id"1', result: value }) + RS,
      );
      assert.equal(
        invocation('Target', [value, 'y']),
        JSON.stringify({ type: 1, target: 'Target', arguments: [value, 'y'] }) + RS,
      );
    }
  });
});

describe('FrameReader on bytes already checked as UTF-8', () => {
  it('yields the same messages as with its own check', () => {
    const text = `{"a":"crème"}${RS}{"b":"€"}${RS}{"c":`;
    assert.deepEqual(
      new FrameReader(1000).push(Buffer.from(text), true),
      new FrameReader(1000).push(Buffer.from(text)),
    );
  });
});
