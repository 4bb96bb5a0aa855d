// The SignalR server: plugs into a node:http server owned by the caller (so REST routes share its port),
// serves negotiate, WebSockets, Server-Sent Events and long polling for one hub path, and exposes the
// ClientSender.

import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer } from 'ws';
import type { ClientSender, HubDefinition, Principal } from '@thrume/calls-contract/rules';
import { maximumMessageBytes } from '@thrume/calls-contract';
import { ignoreEvents, type HubObserver } from '../ops/hub-events.ts';
import { answerPreflight, applyCors, bearerToken } from '../http-access.ts';
import type { ConnectionTokens } from './connection-tokens.ts';
import { Dispatcher, type DispatchLogger } from './dispatcher.ts';
import * as http from './http.ts';
import { invocation } from './hub-protocol.ts';
import { negotiate, newId } from './negotiate.ts';
import { Registry, type Slot } from './registry.ts';
import { LongPollingTransport } from './long-polling.ts';
import { ServerSentEventsTransport } from './server-sent-events.ts';
import { WebSocketTransport } from './websocket-transport.ts';

export interface SignalRServerOptions {
  /** Path of the hub, for example "/chathub". */
  readonly path: string;
  readonly hub: HubDefinition;
  /** Validates the `access_token` query parameter or `Authorization: Bearer` header; null means 401. */
  readonly authenticate: (request: IncomingMessage, token: string | null) => Promise<Principal | null>;
  /** Origin allow-list check for CORS and WebSocket upgrades; requests without Origin are allowed. */
  readonly isOriginAllowed: (origin: string) => boolean;
  readonly keepAliveIntervalMs?: number; // default 15 000
  readonly clientTimeoutMs?: number; // default 30 000
  readonly handshakeTimeoutMs?: number; // default 15 000
  readonly maximumReceiveMessageSize?: number; // default 32 768
  /** Told of connections opening and closing, and of slow clients dropped. */
  readonly observe?: HubObserver;
  /**
   * Signs version 1 connection tokens, so a transport request may reach any node sharing the secret and claims
   * (no sticky sessions). Without it tokens are random ids only this process knows, enough for one node.
   */
  readonly connectionTokens?: ConnectionTokens;
}

/** Transport-level knobs ASP.NET keeps outside HubOptions; defaults suit production, tests shorten them. */
export interface ServerTransportOptions {
  /** How long a long poll waits for data before answering 200 empty. Default 90 000 (ASP.NET PollTimeout). */
  readonly longPollTimeoutMs?: number;
  /** A negotiated id unused, or a long-polling client not polling, for this long is dropped. Default 15 000. */
  readonly disconnectTimeoutMs?: number;
  /** Unsent bytes per connection before a slow client is dropped. Default 1 MiB. */
  readonly maxBufferedBytes?: number;
  /** Largest WebSocket frame accepted (a frame may batch several messages). Default 1 MiB, at least 2 messages. */
  readonly maxWebSocketFrameBytes?: number;
  /** Wait for the client's close frame, and on shutdown for sockets to close. Default 5 000. */
  readonly webSocketCloseTimeoutMs?: number;
  /** Where unexpected errors (a hub method that threw something other than HubError) are reported. */
  readonly logger?: DispatchLogger;
}

export interface SignalRServer {
  /** Serves `{path}/negotiate` and `{path}` (long polling, SSE, preflights); false for any other URL. */
  handleRequest(request: IncomingMessage, response: ServerResponse): boolean;
  /** Accepts WebSocket upgrades on `{path}`; false for any other URL (the caller may handle or refuse it). */
  handleUpgrade(request: IncomingMessage, socket: Duplex, head: Buffer): boolean;
  readonly sender: ClientSender;
  readonly connectionCount: number;
  /** Open connections by transport name, for the metrics. */
  connectionsByTransport(): Record<string, number>;
  /**
   * Graceful shutdown: every connection gets Close with `allowReconnect: true`, then its transport ends.
   * Settles when sockets are closed (or the close timeout passed) and every onDisconnected finished.
   */
  close(): Promise<void>;
  /** Every connection gets Close with `allowReconnect: true`, and the server goes on serving new ones. */
  closeConnections(): Promise<void>;
}

export function createSignalRServer(options: SignalRServerOptions & ServerTransportOptions): SignalRServer {
  const logger: DispatchLogger = options.logger ?? { error: (message, error) => console.error(message, error) };
  const settings = {
    keepAliveIntervalMs: options.keepAliveIntervalMs ?? 15_000,
    clientTimeoutMs: options.clientTimeoutMs ?? 30_000,
    handshakeTimeoutMs: options.handshakeTimeoutMs ?? 15_000,
    maximumReceiveMessageSize: options.maximumReceiveMessageSize ?? maximumMessageBytes,
  };
  const disconnectTimeoutMs = options.disconnectTimeoutMs ?? 15_000;
  const maxBufferedBytes = options.maxBufferedBytes ?? 1 << 20;
  const closeTimeoutMs = options.webSocketCloseTimeoutMs ?? 5_000;
  const registry = new Registry(
    {
      settings,
      hub: options.hub,
      dispatcher: new Dispatcher(options.hub, logger),
      logger,
      observe: options.observe ?? ignoreEvents,
    },
    {
      disconnectTimeoutMs,
      maxBufferedBytes,
      longPolling: { pollTimeoutMs: options.longPollTimeoutMs ?? 90_000, disconnectTimeoutMs, maxBufferedBytes },
    },
  );
  const wss = new WebSocketServer({
    noServer: true,
    maxPayload: options.maxWebSocketFrameBytes ?? Math.max(1 << 20, 2 * settings.maximumReceiveMessageSize),
    perMessageDeflate: false,
  });
  const shortest = Math.min(
    settings.keepAliveIntervalMs,
    settings.clientTimeoutMs,
    settings.handshakeTimeoutMs,
    disconnectTimeoutMs,
  );
  const ticker = setInterval(() => registry.tick(performance.now()), Math.max(10, Math.min(1000, shortest / 4)));
  ticker.unref();
  let closing: Promise<void> | null = null;

  const tokens = options.connectionTokens;

  const authenticate = (request: IncomingMessage): Promise<Principal | null> =>
    options.authenticate(request, bearerToken(request));

  /** The slot `id` names: negotiated here, or, for a request that starts a transport, signed by any node. */
  function slotFor(id: string, startsTransport: boolean): Slot | undefined {
    const negotiated = registry.slot(id);
    if (negotiated || !startsTransport || !tokens) return negotiated;
    const verified = tokens.verify(id);
    return verified ? registry.reserve(verified.connectionId, id, verified.principal) : undefined;
  }

  /**
   * A transport takes the slot: here at once (a second one gets 409), and on every node through the token's
   * claim, so a token negotiated here and used on another node cannot be replayed here, nor the other way.
   */
  async function take(slot: Slot): Promise<boolean> {
    slot.claimed = true;
    if (!tokens || (await tokens.claim(slot.connectionId))) return true;
    registry.forget(slot);
    return false;
  }

  async function serve(request: IncomingMessage, response: ServerResponse, route: http.Route, url: URL) {
    if (!applyCors(request, response, options.isOriginAllowed)) return http.replyText(response, 403);
    if (request.method === 'OPTIONS') return answerPreflight(response);
    if (closing) return http.replyText(response, 503, 'The server is shutting down.');
    if (route === 'negotiate') {
      if (request.method !== 'POST') return http.replyText(response, 405);
      const principal = await authenticate(request);
      if (principal === null) return http.replyText(response, 401);
      const result = negotiate(
        url.searchParams.get('negotiateVersion'),
        tokens && ((connectionId) => tokens.mint(connectionId, principal)),
      );
      if (result.ok && !closing) registry.reserve(result.connectionId, result.connectionToken, principal);
      return http.replyJson(response, result.body);
    }
    const id = url.searchParams.get('id');
    if (!id) return http.replyText(response, 400, 'Connection ID required');
    if (!slotFor(id, request.method === 'GET')) return http.replyText(response, 404, 'No Connection with that ID');
    const principal = await authenticate(request);
    if (principal === null) return http.replyText(response, 401);
    const slot = registry.slot(id);
    if (!slot) return http.replyText(response, 404, 'No Connection with that ID');
    if (principal.userId !== slot.principal.userId) return http.replyText(response, 403);
    await serveHttpTransport(request, response, slot);
  }

  /** Long polling and Server-Sent Events: `GET`, `POST` and `DELETE` on `{path}?id=…`. */
  async function serveHttpTransport(request: IncomingMessage, response: ServerResponse, slot: Slot) {
    const { transport } = slot;
    const method = request.method;
    if (transport instanceof WebSocketTransport) {
      if (method === 'POST') return http.replyText(response, 405);
      return http.replyText(response, 400, 'Cannot change transports mid-connection.');
    }
    if (transport === null && slot.claimed) return http.replyText(response, 409, 'Connection already has a transport.');
    if (method === 'GET') {
      const eventStream = request.headers.accept?.includes('text/event-stream') === true;
      if (transport === null) {
        if (!(await take(slot))) return http.replyText(response, 404, 'No Connection with that ID');
        if (closing) return http.replyText(response, 503, 'The server is shutting down.');
        if (eventStream) return registry.startServerSentEvents(slot, response);
        return registry.startLongPolling(slot).firstPoll(response);
      }
      if (eventStream || transport instanceof ServerSentEventsTransport) {
        return http.replyText(response, 409, 'Connection already has a transport.');
      }
      return transport.poll(request, response);
    }
    if (method === 'POST') {
      // Negotiated here but not started here: the transport may well be on another node.
      if (transport === null) return http.replyText(response, 404, 'No Connection with that ID');
      return transport.post(request, response);
    }
    if (method === 'DELETE') {
      if (transport instanceof LongPollingTransport) return transport.delete(response);
      return http.replyText(response, 400, 'Cannot terminate this connection using the DELETE endpoint.');
    }
    return http.replyText(response, 405);
  }

  async function upgrade(request: IncomingMessage, socket: Duplex, head: Buffer, url: URL) {
    const origin = request.headers.origin;
    if (origin !== undefined && !options.isOriginAllowed(origin)) return http.refuseUpgrade(socket, 403);
    if (closing) return http.refuseUpgrade(socket, 503);
    const id = url.searchParams.get('id');
    if (id !== null && !slotFor(id, true)) return http.refuseUpgrade(socket, 404, 'No Connection with that ID');
    const principal = await authenticate(request);
    if (principal === null) return http.refuseUpgrade(socket, 401);
    if (closing || socket.destroyed) return http.refuseUpgrade(socket, 503);
    let slot: Slot;
    if (id === null) {
      // skipNegotiation: a WebSocket without id is a new connection.
      slot = registry.reserve(newId(), newId(), principal);
      slot.claimed = true;
    } else {
      const found = registry.slot(id);
      if (!found) return http.refuseUpgrade(socket, 404, 'No Connection with that ID');
      if (found.principal.userId !== principal.userId) return http.refuseUpgrade(socket, 403);
      if (found.claimed) return http.refuseUpgrade(socket, 409, 'Connection already has a transport.');
      if (!(await take(found))) return http.refuseUpgrade(socket, 404, 'No Connection with that ID');
      if (closing || socket.destroyed) return http.refuseUpgrade(socket, 503);
      slot = found;
    }
    wss.handleUpgrade(request, socket, head, (ws) => {
      if (closing) return ws.close(1001);
      registry.startWebSocket(slot, new WebSocketTransport(ws, { maxBufferedBytes, closeTimeoutMs }));
    });
  }

  function fail(error: unknown) {
    logger.error('SignalR request failed.', error);
  }

  return {
    handleRequest(request, response) {
      const url = http.parseUrl(request);
      const route = url && http.matchRoute(url.pathname, options.path);
      if (!url || !route) return false;
      serve(request, response, route, url).catch((error: unknown) => {
        fail(error);
        http.replyText(response, 500);
      });
      return true;
    },
    handleUpgrade(request, socket, head) {
      const url = http.parseUrl(request);
      if (!url || http.matchRoute(url.pathname, options.path) !== 'connection') return false;
      socket.on('error', () => socket.destroy());
      upgrade(request, socket, head, url).catch((error: unknown) => {
        fail(error);
        http.refuseUpgrade(socket, 500);
      });
      return true;
    },
    sender: {
      send(connectionId, target, args) {
        const connection = registry.connection(connectionId);
        if (connection?.isConnected) connection.send(invocation(target, args));
      },
      abort(connectionId, error) {
        registry.connection(connectionId)?.close(error, false);
      },
    },
    get connectionCount() {
      return registry.connectionCount;
    },
    connectionsByTransport: () => registry.connectionsByTransport(),
    closeConnections: () => registry.closeAll(closeTimeoutMs),
    close() {
      closing ??= (async () => {
        clearInterval(ticker);
        await registry.closeAll(closeTimeoutMs);
        await new Promise<void>((resolve) => wss.close(() => resolve()));
      })();
      return closing;
    },
  };
}
