// For bench/cluster.mjs: many idle SignalR connections from one light process. Tokens are HS256 JWTs
// signed here with the hub's THRUME_JWT_SECRET (what a deployment's issuer does; 10,000 dev-token requests
// would grow the hub before its 0-connection reading); each connection is a skipNegotiation WebSocket
// (`/chathub?access_token=…`, no `id`: a new connection) and the JSON handshake.
import { createHmac } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { RawHubConnection, WebSocket } from './relay-kit.mjs';

const base64url = (value) => Buffer.from(JSON.stringify(value)).toString('base64url');

/** A bearer token for `userId` as the hub verifies it: HS256, subject, name, exp. */
export function signToken(secret, userId, name, lifetimeSeconds = 3600) {
  const now = Math.floor(Date.now() / 1000);
  const body = `${base64url({ alg: 'HS256', typ: 'JWT' })}.${base64url({ name, sub: userId, iat: now, exp: now + lifetimeSeconds })}`;
  return `${body}.${createHmac('sha256', secret).update(body).digest('base64url')}`;
}

/** A connection without negotiate: WebSocket with the token in the query, then the handshake. */
export async function openWithoutNegotiate(hubUrl, token) {
  const url = `${hubUrl.replace(/^http/, 'ws')}/chathub?access_token=${encodeURIComponent(token)}`;
  const ws = new WebSocket(url, { perMessageDeflate: false });
  await new Promise((resolve, reject) => {
    ws.once('open', resolve);
    ws.once('error', reject);
    ws.once('unexpected-response', (_req, res) =>
      reject(new Error(`WebSocket upgrade refused: HTTP ${res.statusCode}`)),
    );
  });
  const connection = new RawHubConnection(ws);
  await connection.handshake();
  return connection;
}

/** This process's soft limit on open files (the hub's is the same: it inherits it). */
export function openFilesLimit() {
  const line = /^Max open files\s+(\S+)/m.exec(readFileSync('/proc/self/limits', 'utf8'));
  return line?.[1] === 'unlimited' ? Infinity : Number(line?.[1] ?? NaN);
}
