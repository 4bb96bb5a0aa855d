// Signed connection tokens: two hub nodes behind a load balancer without sticky sessions share a secret and
// one claim store (in memory here, standing in for Redis), so a transport request may reach either node.

import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { WebSocket } from 'ws';
import { ConnectionTokens } from '../src/signalr/index.ts';
import {
  HttpTransportType,
  RawClient,
  RS,
  officialClient,
  startHub,
  waitFor,
  type TestHub,
} from './signalr-harness.ts';

const secret = 'shared by every node';
const alice = { userId: 'alice', userName: 'ALICE' };

/** One store for both nodes, as Redis `SET key 1 NX` would be. */
function sharedClaim() {
  const taken = new Set<string>();
  return (connectionId: string) => {
    if (taken.has(connectionId)) return Promise.resolve(false);
    taken.add(connectionId);
    return Promise.resolve(true);
  };
}

const ws = (hub: TestHub, token: string) => `${hub.url.replace('http:', 'ws:')}?id=${token}`;
const bearer = (user: string) => ({ Authorization: `Bearer ${user}` });

async function negotiateOn(hub: TestHub, user = 'alice') {
  const response = await fetch(`${hub.url}/negotiate?negotiateVersion=1`, { method: 'POST', headers: bearer(user) });
  return (await response.json()) as { connectionId: string; connectionToken: string };
}

/** A raw WebSocket on `id=token`, past the handshake. */
async function openOn(hub: TestHub, token: string): Promise<RawClient> {
  const client = new RawClient(new WebSocket(ws(hub, token), { headers: bearer('alice') }));
  await client.opened;
  client.send(`{"protocol":"json","version":1}${RS}`);
  await client.next((message) => !('type' in message), 'handshake response');
  return client;
}

/** The HTTP status of a refused upgrade, 101 when accepted. */
function upgradeStatus(url: string, user = 'alice'): Promise<number> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(url, { headers: bearer(user) });
    socket.once('unexpected-response', (_request, response) => {
      resolve(response.statusCode ?? 0);
      socket.terminate();
    });
    socket.once('open', () => {
      resolve(101);
      socket.terminate();
    });
    socket.once('error', (error) => {
      if (!String(error.message).startsWith('Unexpected server response')) reject(error);
    });
  });
}

describe('ConnectionTokens', () => {
  it('verifies what it minted until the lifetime is over', () => {
    let now = 1_000_000;
    const tokens = new ConnectionTokens({ secret, lifetimeMs: 500, now: () => now });
    const token = tokens.mint('connection-1', alice);
    assert.deepEqual(tokens.verify(token), { connectionId: 'connection-1', principal: alice, expiresAt: 1_000_500 });
    now += 499;
    assert.notEqual(tokens.verify(token), null);
    now += 1;
    assert.equal(tokens.verify(token), null);
  });

  it('refuses a token with a changed payload, signature or secret', () => {
    const tokens = new ConnectionTokens({ secret });
    const [payload, signature] = tokens.mint('connection-1', alice).split('.');
    const bob = Buffer.from(Buffer.from(payload, 'base64url').toString().replace('alice', 'bob')).toString('base64url');
    assert.equal(tokens.verify(`${bob}.${signature}`), null);
    assert.equal(tokens.verify(`${payload}.${signature}x`), null);
    assert.equal(tokens.verify(`${payload}`), null);
    assert.equal(tokens.verify(new ConnectionTokens({ secret: 'another' }).mint('connection-1', alice)), null);
  });
});

describe('two nodes sharing the token secret', () => {
  let a: TestHub;
  let b: TestHub;
  before(async () => {
    const claim = sharedClaim();
    a = await startHub({ connectionTokens: new ConnectionTokens({ secret, claim }) });
    b = await startHub({ connectionTokens: new ConnectionTokens({ secret, claim }) });
  });
  after(() => Promise.all([a.close(), b.close()]));

  it('connects the official client with a signed token on every transport', async () => {
    for (const transport of [
      HttpTransportType.WebSockets,
      HttpTransportType.ServerSentEvents,
      HttpTransportType.LongPolling,
    ]) {
      const connection = officialClient(a, { transport });
      await connection.start();
      try {
        assert.equal(await connection.invoke('Echo', transport), transport);
      } finally {
        await connection.stop();
      }
    }
    assert.match(a.requests.join('\n'), /^GET \/hub\?id=[\w-]+\.[\w-]{43}&/m, 'the id is payload.signature');
  });

  it('opens on one node a WebSocket negotiated on the other', async () => {
    const { connectionId, connectionToken } = await negotiateOn(a);
    const client = await openOn(b, connectionToken);
    try {
      client.send(`{"type":1,"invocationId":"1","target":"Echo","arguments":["across"]}${RS}`);
      assert.deepEqual(await client.completion('1'), { type: 3, invocationId: '1', result: 'across' });
      client.send(`{"type":1,"invocationId":"2","target":"WhoAmI","arguments":[]}${RS}`);
      assert.deepEqual((await client.completion('2'))['result'], { id: connectionId, user: 'alice' });
      assert.equal(a.server.connectionCount, 0);
    } finally {
      client.close();
    }
  });

  it('refuses a token a transport used already, on either node', async () => {
    const { connectionToken } = await negotiateOn(a);
    const client = await openOn(b, connectionToken);
    try {
      assert.equal(await upgradeStatus(ws(a, connectionToken)), 404, 'negotiated on a, claimed on b');
      assert.equal(await upgradeStatus(ws(b, connectionToken)), 409, 'the connection b holds');
    } finally {
      client.close();
    }
    const local = await negotiateOn(a);
    const here = await openOn(a, local.connectionToken);
    try {
      assert.equal(await upgradeStatus(ws(b, local.connectionToken)), 404, 'used where it was negotiated');
    } finally {
      here.close();
    }
  });

  it('refuses a forged, foreign or expired token with 404', async () => {
    const { connectionToken } = await negotiateOn(a);
    const [payload, signature] = connectionToken.split('.');
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString()) as Record<string, unknown>;
    const changed = Buffer.from(JSON.stringify({ ...claims, c: 'someone-else' })).toString('base64url');
    assert.equal(await upgradeStatus(ws(b, `${changed}.${signature}`)), 404);
    const foreign = new ConnectionTokens({ secret: 'another deployment' }).mint('connection-1', alice);
    assert.equal(await upgradeStatus(ws(b, foreign)), 404);
    const expired = new ConnectionTokens({ secret, now: () => Date.now() - 60_000 }).mint('connection-2', alice);
    assert.equal(await upgradeStatus(ws(b, expired)), 404);
    assert.equal((await fetch(`${b.url}?id=${expired}`, { headers: bearer('alice') })).status, 404);
  });

  it('refuses another user on a token with 403', async () => {
    const { connectionToken } = await negotiateOn(a);
    assert.equal(await upgradeStatus(ws(b, connectionToken), 'bob'), 403);
    assert.equal((await fetch(`${b.url}?id=${connectionToken}`, { headers: bearer('bob') })).status, 403);
  });

  it('long-polls on the node of the first poll; the other node has no connection with that id', async () => {
    const { connectionId, connectionToken } = await negotiateOn(a);
    const onA = `${a.url}?id=${connectionToken}`;
    const onB = `${b.url}?id=${connectionToken}`;
    const first = await fetch(onB, { headers: bearer('alice') });
    assert.equal(first.status, 200);
    assert.equal(await first.text(), '');
    const handshake = `{"protocol":"json","version":1}${RS}`;
    assert.equal((await fetch(onB, { method: 'POST', headers: bearer('alice'), body: handshake })).status, 200);
    assert.equal(await (await fetch(onB, { headers: bearer('alice') })).text(), `{}${RS}`);
    await waitFor(() => b.events.includes(`connected:alice:${connectionId}`), 'onConnected on b');
    const send = await fetch(onA, { method: 'POST', headers: bearer('alice'), body: `{"type":6}${RS}` });
    assert.equal(send.status, 404);
    assert.equal(await send.text(), 'No Connection with that ID');
    assert.equal((await fetch(onA, { headers: bearer('alice') })).status, 404, 'a poll on a');
    assert.equal((await fetch(onB, { method: 'DELETE', headers: bearer('alice') })).status, 202);
  });
});
