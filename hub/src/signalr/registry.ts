// Who is connected: negotiated ids waiting for a transport ("slots", keyed by connectionToken; negotiated
// here, or on another node for a signed token) and live hub connections (keyed by connectionId). Also the
// periodic tick that drives every timeout.

import type { ServerResponse } from 'node:http';
import type { Principal } from '@thrume/calls-contract/rules';
import { HubConnection, type ConnectionEnvironment } from './connection.ts';
import { LongPollingTransport, type LongPollingOptions } from './long-polling.ts';
import { ServerSentEventsTransport } from './server-sent-events.ts';
import type { WebSocketTransport } from './websocket-transport.ts';

export interface Slot {
  readonly connectionId: string;
  readonly token: string;
  readonly principal: Principal;
  readonly createdAt: number;
  /** Set once a transport claimed the slot (a WebSocket upgrade is in progress or done); a second is refused. */
  claimed: boolean;
  transport: WebSocketTransport | ServerSentEventsTransport | LongPollingTransport | null;
  connection: HubConnection | null;
}

export interface RegistrySettings {
  readonly disconnectTimeoutMs: number;
  readonly maxBufferedBytes: number;
  readonly longPolling: LongPollingOptions;
}

export class Registry {
  private readonly slots = new Map<string, Slot>();
  private readonly connections = new Map<string, HubConnection>();
  private readonly tokens = new Map<string, string>(); // connectionId -> token of its slot
  private readonly environment: ConnectionEnvironment;

  constructor(
    environment: Omit<ConnectionEnvironment, 'onClosed'>,
    private readonly settings: RegistrySettings,
  ) {
    this.environment = { ...environment, onClosed: (connection) => this.closed(connection) };
  }

  get connectionCount(): number {
    return this.connections.size;
  }

  connectionsByTransport(): Record<string, number> {
    const counts: Record<string, number> = {};
    for (const { transport } of this.connections.values()) counts[transport.name] = (counts[transport.name] ?? 0) + 1;
    return counts;
  }

  connection(connectionId: string): HubConnection | undefined {
    return this.connections.get(connectionId);
  }

  slot(token: string): Slot | undefined {
    return this.slots.get(token);
  }

  /** A negotiated (or, for skipNegotiation, immediately claimed) id pair. */
  reserve(connectionId: string, token: string, principal: Principal): Slot {
    const slot: Slot = {
      connectionId,
      token,
      principal,
      createdAt: performance.now(),
      claimed: false,
      transport: null,
      connection: null,
    };
    this.slots.set(token, slot);
    return slot;
  }

  /** A claimed slot whose token turned out to be in use on another node. */
  forget(slot: Slot): void {
    this.slots.delete(slot.token);
  }

  startWebSocket(slot: Slot, transport: WebSocketTransport): void {
    this.start(slot, transport);
  }

  startServerSentEvents(slot: Slot, response: ServerResponse): void {
    this.start(slot, new ServerSentEventsTransport(response, this.settings.maxBufferedBytes));
  }

  startLongPolling(slot: Slot): LongPollingTransport {
    const transport = new LongPollingTransport(this.settings.longPolling, () => this.slots.delete(slot.token));
    this.start(slot, transport);
    return transport;
  }

  private start(slot: Slot, transport: NonNullable<Slot['transport']>): void {
    const connection = new HubConnection(slot.connectionId, slot.principal, transport, this.environment);
    slot.claimed = true;
    slot.transport = transport;
    slot.connection = connection;
    this.connections.set(slot.connectionId, connection);
    this.tokens.set(slot.connectionId, slot.token);
    transport.attach(connection);
  }

  tick(now: number): void {
    for (const connection of this.connections.values()) connection.tick(now);
    for (const [token, slot] of this.slots) {
      if (slot.transport === null || slot.connection === null) {
        // Negotiated but never connected (or an upgrade that failed): forget it.
        if (now - slot.createdAt >= this.settings.disconnectTimeoutMs) this.slots.delete(token);
      } else if (slot.transport instanceof LongPollingTransport) {
        slot.transport.tick(now); // may finish it, which removes the slot
      }
    }
  }

  /** Server shutdown: every connection gets `Close{allowReconnect:true}`; settles when all have ended. */
  async closeAll(graceMs: number): Promise<void> {
    const connections = [...this.connections.values()];
    const sockets = connections
      .map((connection) => connection.transport)
      .filter((transport): transport is WebSocketTransport => transport.name === 'WebSockets');
    for (const connection of connections) connection.close(undefined, true);
    for (const slot of this.slots.values()) {
      if (slot.transport instanceof LongPollingTransport) slot.transport.shutdown();
    }
    this.slots.clear();
    if (sockets.length > 0) {
      let timer: NodeJS.Timeout | undefined;
      const grace = new Promise<void>((resolve) => (timer = setTimeout(resolve, graceMs)));
      await Promise.race([Promise.all(sockets.map((socket) => socket.closed)), grace]);
      clearTimeout(timer);
      for (const socket of sockets) socket.terminate();
    }
    await Promise.all(connections.map((connection) => connection.disconnected));
  }

  private closed(connection: HubConnection): void {
    this.connections.delete(connection.connectionId);
    const token = this.tokens.get(connection.connectionId);
    this.tokens.delete(connection.connectionId);
    const slot = token === undefined ? undefined : this.slots.get(token);
    // A long-polling slot stays until its last poll was answered (LongPollingTransport's onFinished).
    if (slot !== undefined && !(slot.transport instanceof LongPollingTransport)) this.slots.delete(slot.token);
  }
}
