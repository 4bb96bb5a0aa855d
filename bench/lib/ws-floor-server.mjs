// The floor of bench/relay.mjs and bench/memory.mjs: a bare `ws` relay on 127.0.0.1, port 0. A client
// connects to /?pair=<key>; each message from one connection of a pair goes, as is, to the other one.
// No SignalR framing, no auth, no validation. Stopped by SIGTERM to its PID.
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

import { answerMemoryRequests } from './memory-probe.mjs';

const { WebSocketServer } = createRequire(fileURLToPath(new URL('../../hub/package.json', import.meta.url)))('ws');

const pairs = new Map(); // key -> [first, second]
const wss = new WebSocketServer({ host: '127.0.0.1', port: 0, perMessageDeflate: false, maxPayload: 1 << 20 });

wss.on('connection', (ws, request) => {
  const key = new URL(request.url, 'http://floor').searchParams.get('pair') ?? '';
  let pair = pairs.get(key);
  if (pair === undefined) pairs.set(key, (pair = [ws, null]));
  else pair[1] = ws;
  ws.on('message', (data, isBinary) => {
    const peer = pair[0] === ws ? pair[1] : pair[0];
    if (peer !== null && peer.readyState === 1) peer.send(data, { binary: isBinary });
  });
  ws.on('close', () => {
    if (pair[0] === ws) pair[0] = null;
    if (pair[1] === ws) pair[1] = null;
    if (pair[0] === null && pair[1] === null && pairs.get(key) === pair) pairs.delete(key);
  });
  ws.on('error', () => {});
});

wss.on('listening', () => console.log(`floor listening on ws://127.0.0.1:${wss.address().port}`));
answerMemoryRequests(); // only when started by bench/memory.mjs with --expose-gc and IPC
process.on('SIGTERM', () => {
  for (const ws of wss.clients) ws.terminate();
  wss.close(() => process.exit(0));
});
