// The seam between the SignalR protocol layer (src/signalr/) and the application hub (src/calls/, REST).
// The protocol layer knows nothing about calls; the call rules know nothing about frames or transports.

import type { IncomingMessage } from 'node:http';
import type { HubObserver } from './ops/hub-events.ts';

/** Who is on the other end of one SignalR connection, as the authentication hook established it. */
export interface Principal {
  readonly userId: string;
  readonly userName: string;
}

export interface ConnectionInfo {
  readonly connectionId: string;
  readonly principal: Principal;
}

/** Raised by a hub method: the client's invocation fails with this message, worded as ASP.NET words a HubException. */
export class HubError extends Error {
  override name = 'HubError';
}

export interface HubMethod {
  /** Exact number of arguments the method takes; any other count fails as ASP.NET fails it. */
  readonly arity: number;
  readonly handler: (caller: ConnectionInfo, args: readonly unknown[]) => unknown | Promise<unknown>;
}

/** The application side of a hub. Method names are matched case-insensitively, as ASP.NET does. */
export interface HubDefinition {
  readonly methods: Readonly<Record<string, HubMethod>>;
  onConnected?(connection: ConnectionInfo): void | Promise<void>;
  onDisconnected?(connection: ConnectionInfo): void | Promise<void>;
}

/** Delivery to connections: what the application uses to push client events. */
export interface ClientSender {
  /** Sends an invocation of `target` with `args` to one connection; unknown or closed ids are ignored. */
  send(connectionId: string, target: string, args: readonly unknown[]): void;
  /** Closes a connection with an error text (the client sees a Close message). */
  abort(connectionId: string, error: string): void;
}

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
}
