// An HTTP proxy in front of a hub that lets no WebSocket through, as some corporate proxies do: plain
// requests, server-sent events and long polls pass; upgrades are refused. Under `/refuse/` it refuses
// the upgrade only; under `/unoffered/` it also takes WebSockets out of negotiate's transports, as a
// hub configured without them would; under `/polling/` it takes server-sent events out too, leaving long
// polling, as a proxy that buffers event streams forces; under `/redirect/` it answers negotiate itself
// with a redirect to the hub and a token for it, as Azure SignalR Service does. Listens on 127.0.0.1;
// `stop()` closes it.
import { createServer, request } from 'node:http';

const modes = ['refuse', 'unoffered', 'polling', 'redirect'];
/** The transports each mode takes out of negotiate's answer. */
const unoffered = { unoffered: ['WebSockets'], polling: ['WebSockets', 'ServerSentEvents'] };

export function startNoWebSocketProxy(target) {
  const upstream = new URL(target);
  const server = createServer((req, res) => {
    const [, mode, rest] = /^\/([^/]+)(\/.*)$/.exec(req.url) ?? [];
    const path = modes.includes(mode) ? rest : req.url;
    if (mode === 'redirect' && req.method === 'POST' && /\/negotiate(\?|$)/.test(path))
      return redirect(req, res, upstream, path);
    const headers = { ...req.headers, host: upstream.host };
    const forward = request(
      { host: upstream.hostname, port: upstream.port, path, method: req.method, headers },
      (reply) => {
        if (unoffered[mode] && /\/negotiate(\?|$)/.test(path) && reply.statusCode === 200)
          return unoffer(reply, res, unoffered[mode]);
        res.writeHead(reply.statusCode, reply.headers);
        res.flushHeaders(); // an event stream's headers go at once, before its first event
        reply.pipe(res);
      },
    );
    forward.on('error', () => res.destroy());
    res.on('close', () => forward.destroy());
    req.pipe(forward);
  });
  server.on('upgrade', (_req, socket) => socket.end('HTTP/1.1 403 Forbidden\r\nConnection: close\r\n\r\n'));
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      const url = `http://127.0.0.1:${server.address().port}`;
      const stop = () =>
        new Promise((done) => {
          server.closeAllConnections();
          server.close(() => done());
        });
      resolve({ url, stop });
    });
  });
}

function unoffer(reply, res, transports) {
  let body = '';
  reply.setEncoding('utf8');
  reply.on('data', (chunk) => (body += chunk));
  reply.on('end', () => {
    const negotiated = JSON.parse(body);
    negotiated.availableTransports = negotiated.availableTransports.filter((t) => !transports.includes(t.transport));
    const text = JSON.stringify(negotiated);
    const { 'content-length': _, 'transfer-encoding': __, ...headers } = reply.headers;
    res.writeHead(200, { ...headers, 'content-length': Buffer.byteLength(text) });
    res.end(text);
  });
}

/** `{ url, accessToken }`: the client is to negotiate again at the hub itself, with this token. */
function redirect(req, res, upstream, path) {
  const hubPath = path.replace(/\/negotiate.*$/, '');
  const body = JSON.stringify({
    url: `${upstream.origin}${hubPath}`,
    accessToken: (req.headers.authorization ?? '').replace(/^Bearer /, ''),
  });
  res.writeHead(200, {
    'content-type': 'application/json',
    'access-control-allow-origin': req.headers.origin ?? '*',
    'access-control-allow-credentials': 'true',
  });
  res.end(body);
}
