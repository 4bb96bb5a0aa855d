// An HTTP and WebSocket proxy in front of several hub nodes, as a load balancer without sticky sessions
// would be: a request carrying `?id=<connection token>` (a WebSocket, server-sent events or long-polling
// request of a negotiated connection) goes to the node a hash of the id picks, so that every request of
// one HTTP-transport connection reaches the node that holds it; anything else (negotiate, a WebSocket
// without negotiation, REST, /health) goes round robin. A node that refuses TCP is marked down (a line
// says so) and skipped, and marked up again once it accepts connections. Every response says which
// node answered in X-Thrume-Upstream. Listens on 127.0.0.1; `stop()` closes it and its connections.
// Run directly (node scripts/cluster-proxy.mjs [--port N] URL…) it proxies to those URLs until Ctrl-C.
import { createHash } from 'node:crypto';
import { createServer, request } from 'node:http';
import { connect } from 'node:net';
import { pathToFileURL } from 'node:url';

const host = '127.0.0.1';
const connectTimeoutMs = 2_000;
const probeMs = 1_000;

/**
 * Resolves with `{ url, port, stop }` once listening on `port` (0: a free port). `targets` are the nodes'
 * base URLs (http://host:port); `log` gets the lines that mark one down or up.
 * @param {string[]} targets
 * @param {{ port?: number, log?: (line: string) => void }} [options]
 */
export function startClusterProxy(targets, { port = 0, log = console.log } = {}) {
  const upstreams = targets.map((target, i) => ({ url: new URL(target), name: `node ${i + 1}`, down: false }));
  const sockets = new Set();
  let next = 0;
  let probe = null;

  const markDown = (upstream, error) => {
    if (upstream.down) return;
    upstream.down = true;
    log(`cluster proxy: ${upstream.name} (${upstream.url.origin}) is down (${error.code ?? error.message}): skipped`);
    probe ??= setInterval(probeDown, probeMs);
  };
  const markUp = (upstream) => {
    if (!upstream.down) return;
    upstream.down = false;
    log(`cluster proxy: ${upstream.name} (${upstream.url.origin}) is up again`);
    if (upstreams.some((u) => u.down)) return;
    clearInterval(probe);
    probe = null;
  };
  function probeDown() {
    for (const upstream of upstreams.filter((u) => u.down)) {
      open(upstream).then(
        (socket) => {
          socket.destroy();
          markUp(upstream);
        },
        () => {},
      );
    }
  }

  /** The nodes to try, in order: by the hash of `?id=` or round robin; live ones first, then the down ones. */
  const order = (req) => {
    const id = URL.canParse(req.url, 'http://proxy') && new URL(req.url, 'http://proxy').searchParams.get('id');
    const first = id ? createHash('sha256').update(id).digest().readUInt32BE(0) % upstreams.length : next++;
    const turn = upstreams.map((_, i) => upstreams[(first + i) % upstreams.length]);
    return [...turn.filter((u) => !u.down), ...turn.filter((u) => u.down)];
  };

  /** A TCP connection to the first node of `candidates` that takes one, or null. */
  const connectFirst = async (candidates) => {
    for (const upstream of candidates) {
      try {
        const socket = await open(upstream);
        markUp(upstream);
        return { upstream, socket };
      } catch (error) {
        markDown(upstream, error);
      }
    }
    return null;
  };

  const server = createServer(async (req, res) => {
    const picked = await connectFirst(order(req));
    if (!picked) return reply(res, 502, 'No hub node accepts connections.');
    const { upstream, socket } = picked;
    if (res.destroyed) return socket.destroy();
    const { connection: _, 'keep-alive': __, ...headers } = req.headers; // one request per upstream connection
    const forward = request(
      {
        createConnection: () => socket,
        path: req.url,
        method: req.method,
        headers: { ...headers, host: upstream.url.host },
      },
      (answer) => {
        res.writeHead(answer.statusCode, { ...answer.headers, 'x-thrume-upstream': upstream.url.origin });
        res.flushHeaders(); // an event stream's headers go at once, before its first event
        answer.pipe(res);
      },
    );
    forward.on('error', () => res.destroy());
    res.on('close', () => forward.destroy());
    req.pipe(forward);
  });

  server.on('upgrade', async (req, client, head) => {
    client.on('error', () => client.destroy());
    const picked = await connectFirst(order(req));
    if (!picked) return client.end('HTTP/1.1 502 Bad Gateway\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
    const { upstream, socket } = picked;
    if (client.destroyed) return socket.destroy();
    sockets.add(client).add(socket);
    const lines = [`${req.method} ${req.url} HTTP/1.1`];
    for (let i = 0; i < req.rawHeaders.length; i += 2) {
      const name = req.rawHeaders[i];
      lines.push(`${name}: ${name.toLowerCase() === 'host' ? upstream.url.host : req.rawHeaders[i + 1]}`);
    }
    socket.write(`${lines.join('\r\n')}\r\n\r\n`);
    if (head.length > 0) socket.write(head);
    // The node's answer (101 Switching Protocols, or a refusal) says which node it is, as HTTP answers do.
    socket.once('data', (chunk) => {
      const end = chunk.indexOf('\r\n');
      client.write(
        end < 0
          ? chunk
          : Buffer.concat([
              chunk.subarray(0, end + 2),
              Buffer.from(`X-Thrume-Upstream: ${upstream.url.origin}\r\n`),
              chunk.subarray(end + 2),
            ]),
      );
      socket.pipe(client);
    });
    client.pipe(socket);
    const close = () => {
      client.destroy();
      socket.destroy();
      sockets.delete(client);
      sockets.delete(socket);
    };
    for (const side of [client, socket]) side.on('error', close).on('close', close);
  });

  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      const listening = server.address().port;
      const stop = () =>
        new Promise((done) => {
          clearInterval(probe);
          for (const socket of sockets) socket.destroy();
          server.closeAllConnections();
          server.close(() => done());
        });
      resolve({ url: `http://${host}:${listening}`, port: listening, stop });
    });
  });
}

/** Connects to a node; rejects when it refuses, or does not answer within connectTimeoutMs. */
function open(upstream) {
  return new Promise((resolve, reject) => {
    const socket = connect(Number(upstream.url.port || 80), upstream.url.hostname);
    socket.setTimeout(connectTimeoutMs, () =>
      socket.destroy(Object.assign(new Error('timeout'), { code: 'ETIMEDOUT' })),
    );
    socket.once('error', reject);
    socket.once('connect', () => {
      socket.setTimeout(0);
      socket.removeListener('error', reject);
      socket.setNoDelay(true);
      resolve(socket);
    });
  });
}

function reply(res, status, text) {
  res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8', 'content-length': Buffer.byteLength(text) });
  res.end(text);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const args = process.argv.slice(2);
  const at = args.indexOf('--port');
  const port = at < 0 ? 0 : Number(args.splice(at, 2)[1]);
  if (args.length === 0) {
    console.error('Usage: node scripts/cluster-proxy.mjs [--port N] http://127.0.0.1:5051 http://127.0.0.1:5052 …');
    process.exit(2);
  }
  const proxy = await startClusterProxy(args, { port });
  console.log(`Cluster proxy on ${proxy.url} in front of ${args.join(', ')}; Ctrl-C stops it`);
  for (const signal of ['SIGINT', 'SIGTERM']) process.once(signal, () => proxy.stop().then(() => process.exit(0)));
}
