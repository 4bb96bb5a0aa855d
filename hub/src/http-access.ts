// Who may call the hub over HTTP, one rule each for SignalR's endpoints and for REST: the bearer token
// a request carries, and CORS for a browser page's origin.
import type { IncomingMessage, ServerResponse } from 'node:http';

const allowedHeaders = 'x-requested-with, x-signalr-user-agent, content-type, authorization';
const allowedMethods = 'GET, POST, DELETE, OPTIONS';

/**
 * The bearer token: the `access_token` query parameter (browsers cannot set headers on WebSockets and
 * event streams), else the `Authorization: Bearer` header. The query wins, as in ASP.NET's documented
 * `JwtBearerEvents.OnMessageReceived`, which sets the token from it before the header is read.
 */
export function bearerToken(request: IncomingMessage): string | null {
  const query = new URL(request.url ?? '/', 'http://localhost').searchParams.get('access_token');
  if (query) return query;
  const match = /^Bearer\s+(\S+)\s*$/i.exec(request.headers.authorization ?? '');
  return match ? match[1] : null;
}

/**
 * CORS for a request: an allowed Origin is echoed with credentials allowed (the clients send
 * credentials, so `*` would not do). Returns false for an origin not allowed; the caller answers 403.
 * Requests without an Origin (not from a browser) pass. `Vary: Origin` on every answer, so a cache
 * never hands one origin's answer to another.
 */
export function applyCors(
  request: IncomingMessage,
  response: ServerResponse,
  isOriginAllowed: (origin: string) => boolean,
): boolean {
  response.setHeader('Vary', 'Origin');
  const origin = request.headers.origin;
  if (origin === undefined) return true;
  if (!isOriginAllowed(origin)) return false;
  response.setHeader('Access-Control-Allow-Origin', origin);
  response.setHeader('Access-Control-Allow-Credentials', 'true');
  return true;
}

/** Answers a CORS preflight (after applyCors accepted the origin). */
export function answerPreflight(response: ServerResponse): void {
  response.writeHead(204, {
    'Access-Control-Allow-Methods': allowedMethods,
    'Access-Control-Allow-Headers': allowedHeaders,
    'Access-Control-Max-Age': '600',
    'Content-Length': 0,
  });
  response.end();
}
