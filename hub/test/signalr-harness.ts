// Shared by the signalr-*.test.ts files: a real node:http server on 127.0.0.1 (port 0 unless given) with the
// SignalR layer and a small test hub, the official client, and a raw `ws` client for wire-level checks.

import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import {
  HubConnectionBuilder,
  HttpTransportType,
  LogLevel,
  type HubConnection as ClientConnection,
} from '@microsoft/signalr';
import { WebSocket } from 'ws';
import { HubError, type ConnectionInfo, type HubDefinition } from '@thrume/calls-contract/rules';
import {
  createSignalRServer,
  type SignalRServer,
  type ServerTransportOptions,
  type SignalRServerOptions,
} from '../src/signalr/index.ts';

export const ALLOWED_ORIGIN = 'http://allowed.test';
export const RS = '\u001e';

export interface TestHub {
  readonly server: SignalRServer;
  readonly http: Server;
  readonly port: number;
  /** http://127.0.0.1:port/hub */
  readonly url: string;
  /** "connected:<user>:<id>", "disconnected:<user>:<id>", "call:<method>" in order. */
  readonly events: string[];
  readonly errors: unknown[];
  /** "GET /hub?id=…", "POST /hub/negotiate?…", "UPGRADE /hub?id=…" for every request the server saw. */
  readonly requests: string[];
  close(): Promise<void>;
}

type Options = Partial<SignalRServerOptions> & ServerTransportOptions;

export function testHubDefinition(events: string[], sender: () => SignalRServer): HubDefinition {
  let running = 0;
  return {
    methods: {
      Echo: { arity: 1, handler: (_caller, [value]) => value },
      Add: { arity: 2, handler: (_caller, [a, b]) => (a as number) + (b as number) },
      Fail: {
        arity: 0,
        handler: () => {
          throw new HubError('Nope');
        },
      },
      Crash: {
        arity: 0,
        handler: () => {
          throw new Error('secret internal detail');
        },
      },
      WhoAmI: {
        arity: 0,
        handler: (caller: ConnectionInfo) => ({ id: caller.connectionId, user: caller.principal.userId }),
      },
      Nothing: { arity: 0, handler: () => undefined },
      Push: {
        arity: 1,
        handler: (caller, [value]) => {
          sender().sender.send(caller.connectionId, 'Pushed', [value, 'second']);
          return 'pushed';
        },
      },
      Relay: {
        arity: 2,
        handler: (caller, [to, payload]) => {
          sender().sender.send(to as string, 'Relayed', [caller.connectionId, payload]);
        },
      },
      Slow: {
        arity: 2,
        handler: async (_caller, [label, ms]) => {
          running++;
          events.push(`start:${String(label)}:${running}`);
          await sleep(ms as number);
          events.push(`end:${String(label)}`);
          running--;
          return label;
        },
      },
    },
    onConnected: (connection) =>
      void events.push(`connected:${connection.principal.userId}:${connection.connectionId}`),
    onDisconnected: (connection) =>
      void events.push(`disconnected:${connection.principal.userId}:${connection.connectionId}`),
  };
}

export async function startHub(options: Options = {}, port = 0): Promise<TestHub> {
  const events: string[] = [];
  const errors: unknown[] = [];
  const server: SignalRServer = createSignalRServer({
    path: '/hub',
    hub: testHubDefinition(events, () => server),
    authenticate: async (_request, token) =>
      token === 'alice' || token === 'bob' ? { userId: token, userName: token.toUpperCase() } : null,
    isOriginAllowed: (origin) => origin === ALLOWED_ORIGIN,
    logger: { error: (message, error) => void errors.push({ message, error }) },
    ...options,
  });
  const requests: string[] = [];
  const http = createServer((request, response) => {
    requests.push(`${request.method} ${request.url}`);
    if (!server.handleRequest(request, response)) {
      response.writeHead(404).end('not the hub');
    }
  });
  http.on('upgrade', (request, socket, head) => {
    requests.push(`UPGRADE ${request.url}`);
    if (!server.handleUpgrade(request, socket, head)) socket.destroy();
  });
  await new Promise<void>((resolve) => http.listen(port, '127.0.0.1', resolve));
  const actualPort = (http.address() as AddressInfo).port;
  return {
    server,
    http,
    port: actualPort,
    url: `http://127.0.0.1:${actualPort}/hub`,
    events,
    errors,
    requests,
    async close() {
      await server.close();
      http.closeAllConnections();
      await new Promise<void>((resolve) => http.close(() => resolve()));
    },
  };
}

export interface ClientOptions {
  token?: string | null;
  transport?: HttpTransportType;
  skipNegotiation?: boolean;
  reconnectDelays?: number[];
  url?: string;
}

/** The official @microsoft/signalr client, quiet, with a token unless `token: null`. */
export function officialClient(hub: { url: string }, options: ClientOptions = {}): ClientConnection {
  const token = options.token === undefined ? 'alice' : options.token;
  const builder = new HubConnectionBuilder()
    .withUrl(options.url ?? hub.url, {
      ...(token === null ? {} : { accessTokenFactory: () => token }),
      ...(options.transport === undefined ? {} : { transport: options.transport }),
      ...(options.skipNegotiation ? { skipNegotiation: true, transport: HttpTransportType.WebSockets } : {}),
    })
    .configureLogging(LogLevel.None);
  if (options.reconnectDelays) builder.withAutomaticReconnect(options.reconnectDelays);
  return builder.build();
}

export async function waitFor(check: () => boolean, what: string, timeoutMs = 5_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await sleep(10);
  }
}

/** A raw WebSocket client speaking the JSON hub protocol by hand, for wire-level checks. */
export class RawClient {
  readonly messages: Record<string, unknown>[] = [];
  /** Every text frame received, verbatim. */
  readonly frames: string[] = [];
  closeCode: number | undefined;
  readonly closed: Promise<number>;
  readonly opened: Promise<void>;

  constructor(readonly socket: WebSocket) {
    this.opened = new Promise((resolve, reject) => {
      socket.once('open', () => resolve());
      socket.once('error', reject);
    });
    this.closed = new Promise((resolve) =>
      socket.once('close', (code) => {
        this.closeCode = code;
        resolve(code);
      }),
    );
    socket.on('message', (data) => {
      const text = String(data);
      this.frames.push(text);
      for (const part of text.split(RS).slice(0, -1)) this.messages.push(JSON.parse(part) as Record<string, unknown>);
    });
  }

  /** Opens `ws://…/hub` without negotiation (a new connection), as user `token`. */
  static async open(hub: TestHub, token = 'alice', handshake: string | null = `{"protocol":"json","version":1}${RS}`) {
    const client = new RawClient(
      new WebSocket(hub.url.replace('http:', 'ws:'), { headers: { Authorization: `Bearer ${token}` } }),
    );
    await client.opened;
    if (handshake !== null) {
      client.send(handshake);
      await client.next((message) => !('type' in message), 'handshake response');
    }
    return client;
  }

  send(text: string | Buffer): void {
    this.socket.send(text);
  }

  async next(match: (message: Record<string, unknown>) => boolean, what: string, timeoutMs = 5_000) {
    let found: Record<string, unknown> | undefined;
    await waitFor(() => (found = this.messages.find(match)) !== undefined, what, timeoutMs);
    return found!;
  }

  completion(invocationId: string) {
    return this.next((m) => m['type'] === 3 && m['invocationId'] === invocationId, `completion ${invocationId}`);
  }

  close(): void {
    this.socket.terminate();
  }
}

export { HttpTransportType, sleep };
