// Signaling over SignalR: the hub's methods and events (hub-signaling.ts) on a HubClient (JSON hub
// protocol) over a SignalRTransport. These three modules are the only ones that import @microsoft/signalr.
import type { LogLevel } from '@microsoft/signalr';
import { HubClient } from './hub-client.js';
import { HubSignaling } from './hub-signaling.js';
import { SignalRTransport } from './signalr-transport.js';
import { CallError } from '../errors.js';
import type { IceServerList } from '../ice-servers.js';

export interface SignalRSignalingOptions {
  /** The hub's URL, for example `https://api.example.com/chathub`. */
  readonly url: string;
  /** Bearer token source (sent as `access_token` by browsers). Without it, cookies are used. */
  readonly accessTokenFactory?: () => string | Promise<string>;
  /** Send cookies cross-origin (Thrume's own hub authenticates by cookie). Default true. */
  readonly withCredentials?: boolean;
  /** Delays before each automatic reconnect attempt; it gives up after the last one. Default 0, 2, 5, 10, 30 s. */
  readonly reconnectDelaysMs?: readonly number[];
  /** What SignalR's HTTP transports, when they are used, log to the console. Default warnings and errors. */
  readonly logLevel?: LogLevel;
}

export class SignalRSignaling extends HubSignaling {
  private readonly transport: SignalRTransport;

  constructor(private readonly options: SignalRSignalingOptions) {
    const transport = new SignalRTransport(options.url, {
      accessTokenFactory: options.accessTokenFactory,
      withCredentials: options.withCredentials ?? true,
      logLevel: options.logLevel,
    });
    super(new HubClient(transport, { reconnectDelaysMs: options.reconnectDelaysMs ?? [0, 2000, 5000, 10000, 30000] }));
    this.transport = transport;
  }

  /** `WebSockets`, or `HTTP` when a WebSocket could not be had and SignalR's server-sent events or long polling carry the calls. */
  get transportName(): 'WebSockets' | 'HTTP' {
    return this.transport.usesHttp ? 'HTTP' : 'WebSockets';
  }

  override async iceServers(): Promise<IceServerList | null> {
    if (!this.hubInfo.features.has('ice-servers')) return null;
    const token = await this.options.accessTokenFactory?.();
    const response = await fetch(new URL('/api/call/ice-servers', this.options.url), {
      credentials: this.options.withCredentials === false ? 'same-origin' : 'include',
      headers: token ? { Authorization: `Bearer ${token}` } : {},
    });
    if (!response.ok)
      throw new CallError('NETWORK_ERROR', `The hub did not give ICE servers (HTTP ${response.status}).`);
    const body = (await response.json()) as { iceServers?: unknown; ttlSeconds?: unknown };
    if (!Array.isArray(body.iceServers)) return null;
    const ttlSeconds = typeof body.ttlSeconds === 'number' && body.ttlSeconds > 0 ? body.ttlSeconds : null;
    return { iceServers: body.iceServers as RTCIceServer[], ttlSeconds };
  }
}
