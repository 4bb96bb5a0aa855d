// HTTP plumbing shared by negotiate, long polling and the WebSocket upgrade: routes and replies (tokens and
// CORS are the hub's, in ../http-access.ts).

import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';

export type Route = 'negotiate' | 'connection';

/** Matches `{path}`, `{path}/` and `{path}/negotiate` (the client appends to whatever URL it was given). */
export function matchRoute(pathname: string, hubPath: string): Route | null {
  const base = hubPath.endsWith('/') ? hubPath.slice(0, -1) : hubPath;
  if (pathname === base || pathname === `${base}/`) return 'connection';
  if (pathname === `${base}/negotiate`) return 'negotiate';
  return null;
}

export function parseUrl(request: IncomingMessage): URL | null {
  try {
    return new URL(request.url ?? '/', 'http://localhost');
  } catch {
    return null;
  }
}

const STATUS_TEXT: Readonly<Record<number, string>> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  409: 'Conflict',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};

export function replyText(response: ServerResponse, status: number, text = STATUS_TEXT[status] ?? ''): void {
  if (response.headersSent) {
    response.destroy();
    return;
  }
  const headers: Record<string, string | number> = {
    'Content-Type': 'text/plain; charset=utf-8',
    'Content-Length': Buffer.byteLength(text),
    'Cache-Control': 'no-cache, no-store',
  };
  if (status === 401) headers['WWW-Authenticate'] = 'Bearer';
  response.writeHead(status, headers);
  response.end(text);
}

export function replyJson(response: ServerResponse, body: unknown): void {
  const text = JSON.stringify(body);
  response.writeHead(200, {
    'Content-Type': 'application/json',
    'Content-Length': Buffer.byteLength(text),
    'Cache-Control': 'no-cache, no-store',
  });
  response.end(text);
}

/** Refuses a WebSocket upgrade with a plain HTTP response and drops the socket. */
export function refuseUpgrade(socket: Duplex, status: number, text = STATUS_TEXT[status] ?? ''): void {
  if (socket.destroyed) return;
  const head =
    `HTTP/1.1 ${status} ${STATUS_TEXT[status] ?? ''}\r\n` +
    (status === 401 ? 'WWW-Authenticate: Bearer\r\n' : '') +
    `Content-Type: text/plain; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(text)}\r\nConnection: close\r\n\r\n`;
  socket.end(head + text);
}
