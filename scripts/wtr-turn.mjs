// A web-test-runner plugin: Debian's coturn on 127.0.0.1 with a random shared secret, which the test
// hubs (scripts/wtr-hubs.mjs) sign their /api/call/ice-servers credentials with. Both its entries, UDP
// and TCP, go through a gate in this process: with `iceTransportPolicy: 'relay'` every packet of a call
// goes between the browser and the relay, so shutting the gate (POST /__thrume/turn/cut, then
// /__thrume/turn/restore) cuts the call's media for real: UDP packets both ways are dropped and their
// mappings forgotten, TCP connections are closed and new ones refused.
// /__thrume/turn/expired.json is a credential signed with the real secret whose time is up.
import { randomBytes, createHmac } from 'node:crypto';
import { createSocket } from 'node:dgram';
import { connect, createServer } from 'node:net';
import { startCoturn } from './coturn-process.mjs';

const host = '127.0.0.1';

const bound = (socket, port = 0) => new Promise((resolve) => socket.bind(port, host, () => resolve(socket)));

/**
 * Forwards each browser socket's packets to the relay from a socket of its own, unless shut. Shutting it
 * also forgets those sockets, as a NAT forgets its mappings in an outage: afterwards coturn sees each
 * browser from a new address, so only new allocations (with credentials still valid) carry media again.
 */
async function udpGate(relayPort) {
  const front = await bound(createSocket('udp4'));
  let upstreams = new Map();
  let open = true;
  const closeAll = (sockets) =>
    Promise.all(
      [...sockets.values()].map(async (socket) => {
        const s = await socket;
        await new Promise((resolve) => s.close(resolve));
      }),
    );
  front.on('message', async (packet, from) => {
    if (!open) return;
    const key = `${from.address}:${from.port}`;
    let upstream = upstreams.get(key);
    if (!upstream) {
      upstream = bound(createSocket('udp4')).then((socket) =>
        socket.on('message', (reply) => open && front.send(reply, from.port, from.address)),
      );
      upstreams.set(key, upstream);
    }
    const socket = await upstream;
    if (upstreams.get(key) === upstream) socket.send(packet, relayPort, host);
  });
  return {
    port: front.address().port,
    set open(value) {
      open = value;
      if (open) return;
      void closeAll(upstreams);
      upstreams = new Map();
    },
    async close() {
      open = false;
      await Promise.all([closeAll(upstreams), new Promise((resolve) => front.close(resolve))]);
    },
  };
}

/** Pipes each browser connection to the relay, unless shut: shutting it closes them all. */
async function tcpGate(relayPort) {
  const pairs = new Set();
  let open = true;
  const front = createServer((browser) => {
    if (!open) return browser.destroy();
    const relay = connect(relayPort, host);
    const pair = [browser, relay];
    pairs.add(pair);
    browser.pipe(relay).pipe(browser);
    for (const socket of pair)
      socket.on('error', () => undefined).on('close', () => (pairs.delete(pair), pair.forEach((s) => s.destroy())));
  });
  await new Promise((resolve) => front.listen(0, host, resolve));
  return {
    port: front.address().port,
    set open(value) {
      open = value;
      if (!open) for (const pair of pairs) pair.forEach((s) => s.destroy());
    },
    async close() {
      this.open = false;
      await new Promise((resolve) => front.close(resolve));
    },
  };
}

async function gate(relayPort) {
  const sides = { udp: await udpGate(relayPort), tcp: await tcpGate(relayPort) };
  return {
    url: (transport) => `turn:${host}:${sides[transport].port}?transport=${transport}`,
    set open(value) {
      sides.udp.open = sides.tcp.open = value;
    },
    close: () => Promise.all([sides.udp.close(), sides.tcp.close()]),
  };
}

/** A coturn REST-API credential ("<expiry>:<user>", HMAC-SHA1 under the secret), as the hub makes them. */
function credentialFor(secret, user, expiresAt) {
  const username = `${expiresAt}:${user}`;
  return { username, credential: createHmac('sha1', secret).update(username).digest('base64') };
}

export function turnPlugin() {
  const secret = randomBytes(24).toString('base64url');
  let coturn;
  let entry;
  const actions = {
    '/__thrume/turn/cut': () => (entry.open = false),
    '/__thrume/turn/restore': () => (entry.open = true),
  };
  return {
    name: 'thrume-turn',
    /** What the hubs need to hand out credentials for this coturn: read after the server started. */
    hubEnv: () => ({
      THRUME_TURN_SECRET: secret,
      THRUME_TURN_URLS: `${entry.url('udp')},${entry.url('tcp')}`,
      THRUME_STUN_URLS: `stun:${host}:${coturn.port}`,
      THRUME_TURN_TTL_SECONDS: '60', // the hub's least, so that one test can outlive it
    }),
    async serverStart() {
      coturn = await startCoturn({ secret });
      entry = await gate(coturn.port);
    },
    async serverStop() {
      await entry?.close();
      await coturn?.stop();
    },
    serve(context) {
      if (context.path === '/__thrume/turn/expired.json') {
        const expiredAt = Math.floor(Date.now() / 1000) - 60;
        return {
          body: JSON.stringify({ urls: entry.url('udp'), ...credentialFor(secret, 'alice', expiredAt) }),
          type: 'json',
        };
      }
      const action = context.method === 'POST' ? actions[context.path] : undefined;
      if (!action) return undefined;
      action();
      return { body: '{}', type: 'json' };
    },
  };
}
