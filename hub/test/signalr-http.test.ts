// HTTP surface: negotiate versions, authentication, CORS, WebSocket upgrade refusals, long-poll semantics.

import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { WebSocket } from 'ws';
import {
  ALLOWED_ORIGIN,
  HttpTransportType,
  RS,
  officialClient,
  sleep,
  startHub,
  waitFor,
  type TestHub,
} from './signalr-harness.ts';

const bearer = { Authorization: 'Bearer alice' };

/** Opens a raw WebSocket and reports the HTTP status of a refused upgrade (101 when accepted). */
function upgradeStatus(url: string, headers: Record<string, string>, sockets?: WebSocket[]): Promise<number> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(url, { headers });
    socket.once('unexpected-response', (_request, response) => {
      resolve(response.statusCode ?? 0);
      socket.terminate();
    });
    socket.once('open', () => {
      resolve(101);
      if (sockets) sockets.push(socket);
      else socket.terminate();
    });
    socket.once('error', (error) => {
      if (!String(error.message).startsWith('Unexpected server response')) reject(error);
    });
  });
}

describe('negotiate', () => {
  let hub: TestHub;
  before(async () => {
    hub = await startHub({ disconnectTimeoutMs: 300 });
  });
  after(() => hub.close());

  const post = (query: string, headers: Record<string, string> = bearer) =>
    fetch(`${hub.url}/negotiate${query}`, { method: 'POST', headers });

  it('answers version 1 with a public connectionId and a secret connectionToken', async () => {
    const response = await post('?negotiateVersion=1');
    assert.equal(response.status, 200);
    assert.match(response.headers.get('content-type') ?? '', /^application\/json/);
    const body = (await response.json()) as Record<string, unknown>;
    assert.deepEqual(Object.keys(body).sort(), [
      'availableTransports',
      'connectionId',
      'connectionToken',
      'negotiateVersion',
    ]);
    assert.equal(body['negotiateVersion'], 1);
    assert.match(body['connectionId'] as string, /^[\w-]{22}$/);
    assert.match(body['connectionToken'] as string, /^[\w-]{22}$/);
    assert.notEqual(body['connectionId'], body['connectionToken']);
    assert.deepEqual(body['availableTransports'], [
      { transport: 'WebSockets', transferFormats: ['Text', 'Binary'] },
      { transport: 'ServerSentEvents', transferFormats: ['Text'] },
      { transport: 'LongPolling', transferFormats: ['Text', 'Binary'] },
    ]);
    const ws = hub.url.replace('http:', 'ws:');
    assert.equal(
      await upgradeStatus(`${ws}?id=${body['connectionId'] as string}`, bearer),
      404,
      'connectionId is not the id',
    );
    const open: WebSocket[] = [];
    assert.equal(await upgradeStatus(`${ws}?id=${body['connectionToken'] as string}`, bearer, open), 101);
    assert.equal(
      await upgradeStatus(`${ws}?id=${body['connectionToken'] as string}`, bearer),
      409,
      'one transport per id',
    );
    const lp = await fetch(`${hub.url}?id=${body['connectionToken'] as string}`, { headers: bearer });
    assert.equal(lp.status, 400, 'no long polling on a WebSocket connection');
    open[0].terminate();
  });

  it('answers version 0 (or no version) without a token, and caps higher versions at 1', async () => {
    for (const query of ['?negotiateVersion=0', '']) {
      const body = (await (await post(query)).json()) as Record<string, unknown>;
      assert.equal(body['negotiateVersion'], 0);
      assert.equal('connectionToken' in body, false);
    }
    assert.equal(
      ((await (await post('?negotiateVersion=7')).json()) as { negotiateVersion: number }).negotiateVersion,
      1,
    );
    assert.deepEqual(await (await post('?negotiateVersion=x')).json(), {
      error: "The client requested an invalid protocol version 'x'",
    });
  });

  it('forgets negotiated ids that no transport claims', async () => {
    const { connectionToken } = (await (await post('?negotiateVersion=1')).json()) as { connectionToken: string };
    await sleep(700);
    assert.equal(await upgradeStatus(`${hub.url.replace('http:', 'ws:')}?id=${connectionToken}`, bearer), 404);
  });

  it('refuses requests without a valid token with 401, from a header or the access_token query', async () => {
    const refused = await post('?negotiateVersion=1', {});
    assert.equal(refused.status, 401);
    assert.equal(refused.headers.get('www-authenticate'), 'Bearer');
    assert.equal((await post('?negotiateVersion=1', { Authorization: 'Bearer mallory' })).status, 401);
    assert.equal((await post('?negotiateVersion=1&access_token=bob', {})).status, 200);
    assert.equal(await upgradeStatus(hub.url.replace('http:', 'ws:'), {}), 401);
    assert.equal(await upgradeStatus(`${hub.url.replace('http:', 'ws:')}?access_token=bob`, {}), 101);
    await assert.rejects(officialClient(hub, { token: null }).start(), /401/);
    await assert.rejects(officialClient(hub, { token: 'mallory', skipNegotiation: true }).start());
    await assert.rejects(officialClient(hub, { token: null, transport: HttpTransportType.LongPolling }).start(), /401/);
  });

  it('refuses another user on a negotiated id with 403', async () => {
    const { connectionToken } = (await (await post('?negotiateVersion=1')).json()) as { connectionToken: string };
    const url = `${hub.url}?id=${connectionToken}`;
    assert.equal(await upgradeStatus(url.replace('http:', 'ws:'), { Authorization: 'Bearer bob' }), 403);
    assert.equal((await fetch(url, { headers: { Authorization: 'Bearer bob' } })).status, 403);
  });
});

describe('CORS', () => {
  let hub: TestHub;
  before(async () => {
    hub = await startHub();
  });
  after(() => hub.close());

  it('answers a preflight from an allowed origin', async () => {
    const response = await fetch(`${hub.url}/negotiate?negotiateVersion=1`, {
      method: 'OPTIONS',
      headers: {
        Origin: ALLOWED_ORIGIN,
        'Access-Control-Request-Method': 'POST',
        'Access-Control-Request-Headers': 'x-requested-with, x-signalr-user-agent, authorization',
      },
    });
    assert.equal(response.status, 204);
    assert.equal(response.headers.get('access-control-allow-origin'), ALLOWED_ORIGIN);
    assert.equal(response.headers.get('access-control-allow-credentials'), 'true');
    const allowed = (response.headers.get('access-control-allow-headers') ?? '').split(/,\s*/);
    for (const header of ['x-requested-with', 'x-signalr-user-agent', 'content-type', 'authorization']) {
      assert.ok(allowed.includes(header), header);
    }
    assert.match(response.headers.get('access-control-allow-methods') ?? '', /POST/);
  });

  it('echoes an allowed origin on negotiate and long polling', async () => {
    const negotiate = await fetch(`${hub.url}/negotiate?negotiateVersion=1`, {
      method: 'POST',
      headers: { ...bearer, Origin: ALLOWED_ORIGIN },
    });
    assert.equal(negotiate.headers.get('access-control-allow-origin'), ALLOWED_ORIGIN);
    assert.equal(negotiate.headers.get('access-control-allow-credentials'), 'true');
    const { connectionToken } = (await negotiate.json()) as { connectionToken: string };
    const poll = await fetch(`${hub.url}?id=${connectionToken}`, { headers: { ...bearer, Origin: ALLOWED_ORIGIN } });
    assert.equal(poll.status, 200);
    assert.equal(poll.headers.get('access-control-allow-origin'), ALLOWED_ORIGIN);
  });

  it('refuses a disallowed origin with 403 on preflight, negotiate and upgrade', async () => {
    const evil = 'http://evil.test';
    const preflight = await fetch(`${hub.url}/negotiate`, {
      method: 'OPTIONS',
      headers: { Origin: evil, 'Access-Control-Request-Method': 'POST' },
    });
    assert.equal(preflight.status, 403);
    assert.equal(preflight.headers.get('access-control-allow-origin'), null);
    const negotiate = await fetch(`${hub.url}/negotiate?negotiateVersion=1`, {
      method: 'POST',
      headers: { ...bearer, Origin: evil },
    });
    assert.equal(negotiate.status, 403);
    assert.equal(await upgradeStatus(hub.url.replace('http:', 'ws:'), { ...bearer, Origin: evil }), 403);
    assert.equal(await upgradeStatus(hub.url.replace('http:', 'ws:'), { ...bearer, Origin: ALLOWED_ORIGIN }), 101);
  });

  it('leaves other paths to the caller', async () => {
    assert.equal(await (await fetch(`http://127.0.0.1:${hub.port}/api/calls`)).text(), 'not the hub');
    assert.equal(await (await fetch(`${hub.url}x/negotiate`, { method: 'POST' })).text(), 'not the hub');
  });
});

describe('long polling', () => {
  let hub: TestHub;
  before(async () => {
    hub = await startHub({ longPollTimeoutMs: 150, disconnectTimeoutMs: 400 });
  });
  after(() => hub.close());

  async function open() {
    const negotiate = await fetch(`${hub.url}/negotiate?negotiateVersion=1`, { method: 'POST', headers: bearer });
    const { connectionToken, connectionId } = (await negotiate.json()) as Record<string, string>;
    const url = `${hub.url}?id=${connectionToken}`;
    const first = await fetch(url, { headers: bearer });
    assert.equal(first.status, 200, 'the first poll returns at once');
    assert.equal(await first.text(), '');
    const sent = await fetch(url, { method: 'POST', headers: bearer, body: `{"protocol":"json","version":1}${RS}` });
    assert.equal(sent.status, 200);
    const handshake = await fetch(url, { headers: bearer });
    assert.equal(await handshake.text(), `{}${RS}`);
    return { url, connectionId: connectionId };
  }

  it('returns 200 empty when a poll times out, and 204 to a poll superseded by a newer one', async () => {
    const { url } = await open();
    const started = Date.now();
    const idle = await fetch(url, { headers: bearer });
    assert.equal(idle.status, 200);
    assert.equal(await idle.text(), '');
    assert.ok(Date.now() - started >= 100, 'the poll waited for the poll timeout');
    const older = fetch(url, { headers: bearer });
    await sleep(30);
    const newer = fetch(url, { headers: bearer });
    assert.equal((await older).status, 204);
    assert.equal((await newer).status, 200);
  });

  it('delivers every queued record in one poll response', async () => {
    const { url } = await open();
    const body = `{"type":1,"invocationId":"1","target":"Echo","arguments":[1]}${RS}{"type":1,"invocationId":"2","target":"Push","arguments":[2]}${RS}`;
    await fetch(url, { method: 'POST', headers: bearer, body });
    await sleep(30);
    const text = await (await fetch(url, { headers: bearer })).text();
    assert.equal(
      text,
      `{"type":3,"invocationId":"1","result":1}${RS}{"type":1,"target":"Pushed","arguments":[2,"second"]}${RS}` +
        `{"type":3,"invocationId":"2","result":"pushed"}${RS}`,
    );
  });

  it('ends the connection on DELETE with 202, and the pending poll gets 204', async () => {
    const { url, connectionId } = await open();
    const pending = fetch(url, { headers: bearer });
    await sleep(30);
    assert.equal((await fetch(url, { method: 'DELETE', headers: bearer })).status, 202);
    assert.equal((await pending).status, 204);
    await waitFor(() => hub.events.includes(`disconnected:alice:${connectionId}`), 'onDisconnected');
    await sleep(100);
    assert.equal((await fetch(url, { headers: bearer })).status, 404);
  });

  it('closes a long-polling connection that sends an oversized message: Close, then 204', async () => {
    const { url, connectionId } = await open();
    const huge = `{"type":1,"invocationId":"1","target":"Echo","arguments":["${'z'.repeat(40_000)}"]}${RS}`;
    assert.equal((await fetch(url, { method: 'POST', headers: bearer, body: huge })).status, 200);
    const close = await (await fetch(url, { headers: bearer })).text();
    assert.match(
      close,
      /^\{"type":7,"error":"Connection closed with an error\. InvalidDataException: The maximum message size of 32768B was exceeded\./,
    );
    assert.ok(close.endsWith(RS));
    assert.equal((await fetch(url, { headers: bearer })).status, 204, 'the poll after the Close ends the transport');
    await waitFor(() => hub.events.includes(`disconnected:alice:${connectionId}`), 'onDisconnected');
  });

  it('drops a client that stops polling, after the disconnect timeout', async () => {
    const { connectionId } = await open();
    await waitFor(() => hub.events.includes(`disconnected:alice:${connectionId}`), 'onDisconnected', 3_000);
  });

  it('answers 400 without id, 404 for an unknown id, 409 to concurrent sends', async () => {
    assert.equal((await fetch(hub.url, { headers: bearer })).status, 400);
    assert.equal((await fetch(`${hub.url}?id=nope`, { headers: bearer })).status, 404);
    const { url } = await open();
    let release!: () => void;
    const slowBody = new ReadableStream<Uint8Array>({
      start: (controller) => {
        controller.enqueue(new TextEncoder().encode('{"type":6}'));
        release = () => {
          controller.enqueue(new TextEncoder().encode(RS));
          controller.close();
        };
      },
    });
    const first = fetch(url, { method: 'POST', headers: bearer, body: slowBody, duplex: 'half' });
    await sleep(50);
    assert.equal((await fetch(url, { method: 'POST', headers: bearer, body: `{"type":6}${RS}` })).status, 409);
    release();
    assert.equal((await first).status, 200);
  });
});

describe('server-sent events', () => {
  let hub: TestHub;
  before(async () => {
    hub = await startHub();
  });
  after(() => hub.close());

  it('opens with a comment, streams records as data: events, refuses DELETE and a second stream', async () => {
    const negotiate = await fetch(`${hub.url}/negotiate?negotiateVersion=1`, { method: 'POST', headers: bearer });
    const { connectionToken, connectionId } = (await negotiate.json()) as Record<string, string>;
    const url = `${hub.url}?id=${connectionToken}`;
    const abort = new AbortController();
    const stream = await fetch(url, { headers: { ...bearer, Accept: 'text/event-stream' }, signal: abort.signal });
    assert.equal(stream.status, 200);
    assert.equal(stream.headers.get('content-type'), 'text/event-stream');
    const reader = stream.body!.getReader();
    let text = '';
    const readUntil = async (needle: string) => {
      while (!text.includes(needle)) {
        const { value, done } = await reader.read();
        if (done) throw new Error(`stream ended before ${needle}`);
        text += new TextDecoder().decode(value);
      }
    };
    await readUntil(':\r\n'); // before any record: Firefox's EventSource opens only once data arrives
    assert.equal(text, ':\r\n');
    await fetch(url, { method: 'POST', headers: bearer, body: `{"protocol":"json","version":1}${RS}` });
    await readUntil(`data: {}${RS}\n\n`);
    await fetch(url, {
      method: 'POST',
      headers: bearer,
      body: `{"type":1,"invocationId":"1","target":"Echo","arguments":["a"]}${RS}`,
    });
    await readUntil(`data: {"type":3,"invocationId":"1","result":"a"}${RS}\n\n`);
    const second = await fetch(url, { headers: { ...bearer, Accept: 'text/event-stream' } });
    assert.equal(second.status, 409);
    assert.equal((await fetch(url, { method: 'DELETE', headers: bearer })).status, 400);
    abort.abort(); // the client leaves by closing the stream
    await waitFor(() => hub.events.includes(`disconnected:alice:${connectionId}`), 'onDisconnected');
  });
});
