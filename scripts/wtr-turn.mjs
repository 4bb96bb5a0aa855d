// A web-test-runner plugin: a TURN relay (node-turn, in this process) on 127.0.0.1, for the tests that
// break a live media path. With `iceTransportPolicy: 'relay'` every packet of a call goes between the
// browser and the relay, so a gate in front of the relay cuts the call's media for real: while it is
// shut, packets both ways are dropped. The page finds the relay at /__thrume/turn.json and shuts and
// opens the gate with POST /__thrume/turn/cut and /__thrume/turn/restore.
import Turn from 'node-turn';
import { createSocket } from 'node:dgram';

const host = '127.0.0.1';
const account = { username: 'thrume', credential: 'test-relay' };

const bound = (socket, port = 0) => new Promise((resolve) => socket.bind(port, host, () => resolve(socket)));

async function freeUdpPort() {
  const socket = await bound(createSocket('udp4'));
  const { port } = socket.address();
  await new Promise((resolve) => socket.close(resolve));
  return port;
}

/** Forwards each browser socket's packets to the relay from a socket of its own, unless shut. */
async function gate(relayPort) {
  const front = await bound(createSocket('udp4'));
  const upstreams = new Map();
  let open = true;
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
    (await upstream).send(packet, relayPort, host);
  });
  return {
    port: front.address().port,
    set open(value) {
      open = value;
    },
    async close() {
      open = false;
      const sockets = [front, ...(await Promise.all(upstreams.values()))];
      await Promise.all(sockets.map((socket) => new Promise((resolve) => socket.close(resolve))));
    },
  };
}

export function turnPlugin() {
  let relay;
  let entry;
  const actions = { '/__thrume/turn/cut': () => (entry.open = false), '/__thrume/turn/restore': () => (entry.open = true) };
  return {
    name: 'thrume-turn',
    async serverStart() {
      const relayPort = await freeUdpPort();
      relay = new Turn({
        listeningPort: relayPort,
        listeningIps: [host],
        relayIps: [host],
        authMech: 'long-term',
        credentials: { [account.username]: account.credential },
        debugLevel: 'OFF',
      });
      relay.start();
      entry = await gate(relayPort);
    },
    async serverStop() {
      await entry?.close();
      await new Promise((resolve) => setTimeout(resolve, 200)); // replies the relay is still making, before its sockets go
      relay?.stop();
    },
    serve(context) {
      if (context.path === '/__thrume/turn.json') {
        return { body: JSON.stringify({ urls: `turn:${host}:${entry.port}?transport=udp`, ...account }), type: 'json' };
      }
      const action = context.method === 'POST' ? actions[context.path] : undefined;
      if (!action) return undefined;
      action();
      return { body: '{}', type: 'json' };
    },
  };
}
