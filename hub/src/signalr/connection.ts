// One hub connection, independent of its transport: handshake, keep-alive and timeouts, the one-at-a-time
// invocation queue, Close messages, and the onConnected/onDisconnected lifecycle.

import { HubError, type ConnectionInfo, type HubDefinition, type Principal } from '@thrume/calls-contract/rules';
import type { HubObserver } from '../ops/hub-events.ts';
import type { Dispatcher, DispatchLogger } from './dispatcher.ts';
import { FrameReader, ProtocolError } from './framing.ts';
import * as protocol from './hub-protocol.ts';

/** What a connection needs from its transport. Records passed to `send` are complete and terminated. */
export interface Transport {
  readonly name: 'WebSockets' | 'ServerSentEvents' | 'LongPolling';
  /** Long polling proves liveness by its polls: no server pings and no client timeout then. */
  readonly inherentKeepAlive: boolean;
  send(record: string): void;
  /** Ends the transport once what was sent is delivered. */
  end(): void;
  /** Backpressure: stop / resume reading from the client while invocations pile up. */
  pause?(): void;
  resume?(): void;
}

export interface ConnectionSettings {
  readonly keepAliveIntervalMs: number;
  readonly clientTimeoutMs: number;
  readonly handshakeTimeoutMs: number;
  readonly maximumReceiveMessageSize: number;
}

export interface ConnectionEnvironment {
  readonly settings: ConnectionSettings;
  readonly hub: HubDefinition;
  readonly dispatcher: Dispatcher;
  readonly logger: DispatchLogger;
  readonly observe: HubObserver;
  /** Called once when the connection is over, before onDisconnected runs. */
  readonly onClosed: (connection: HubConnection) => void;
}

type State = 'handshake' | 'connected' | 'closed';

const PAUSE_AT = 32; // queued invocations before the transport stops reading
const MAX_QUEUED = 1024; // beyond this (transports without pause) the connection is closed

export const CLOSED_WITH_ERROR = 'Connection closed with an error.';
export const CLIENT_TIMEOUT = 'Client timeout elapsed without receiving a message from the client.';

export class HubConnection {
  readonly info: ConnectionInfo;
  /** Settles after hub.onDisconnected finished (at once when onConnected never ran). */
  disconnected: Promise<void> = Promise.resolve();
  private state: State = 'handshake';
  private readonly reader: FrameReader;
  private readonly startedAt = performance.now();
  private lastReceivedAt = this.startedAt;
  private lastSentAt = this.startedAt;
  private queue: Promise<void> = Promise.resolve();
  private queued = 0;
  private paused = false;
  private connectedCalled = false;

  constructor(
    connectionId: string,
    principal: Principal,
    readonly transport: Transport,
    private readonly env: ConnectionEnvironment,
  ) {
    this.info = { connectionId, principal };
    this.reader = new FrameReader(env.settings.maximumReceiveMessageSize);
  }

  get connectionId(): string {
    return this.info.connectionId;
  }

  private get isOpen(): boolean {
    return this.state !== 'closed';
  }

  get isConnected(): boolean {
    return this.state === 'connected';
  }

  /** Bytes from the client, in transport order; `validUtf8` when the transport has already checked them. */
  receive(chunk: Buffer, validUtf8 = false): void {
    if (this.state === 'closed') return;
    this.lastReceivedAt = performance.now();
    let texts: string[];
    try {
      texts = this.reader.push(chunk, validUtf8);
    } catch (error) {
      this.fail(error);
      return;
    }
    for (const text of texts) {
      if (!this.isOpen) return; // a message before this one ended the connection
      try {
        if (this.state === 'handshake') this.handshake(text);
        else this.handle(protocol.parseMessage(text));
      } catch (error) {
        this.fail(error);
      }
    }
  }

  /** Sends one serialized record if the handshake is done; false when the connection cannot take it. */
  send(record: string): boolean {
    if (this.state !== 'connected') return false;
    this.lastSentAt = performance.now();
    this.transport.send(record);
    return true;
  }

  /**
   * Ends the connection from the server side: a Close message (when past the handshake), then the
   * transport ends. `allowReconnect` lets the client's reconnect policy run.
   */
  close(error?: string, allowReconnect = false): void {
    if (this.state === 'closed') return;
    if (this.state === 'connected') this.send(protocol.close(error, allowReconnect));
    this.transport.end();
    this.finish();
  }

  /** The transport is gone (socket closed, long-poll DELETE or disconnect timeout). */
  transportClosed(): void {
    this.finish();
  }

  /** Periodic check driven by the server: handshake timeout, keep-alive ping, client timeout. */
  tick(now: number): void {
    const { settings } = this.env;
    if (this.state === 'handshake') {
      if (now - this.startedAt >= settings.handshakeTimeoutMs) this.rejectHandshake('Handshake was canceled.');
      return;
    }
    if (this.state !== 'connected' || this.transport.inherentKeepAlive) return;
    if (this.paused) this.lastReceivedAt = now; // not reading is our doing, not the client's silence
    if (now - this.lastReceivedAt >= settings.clientTimeoutMs) {
      this.close(CLIENT_TIMEOUT, true);
      return;
    }
    if (now - this.lastSentAt >= settings.keepAliveIntervalMs) this.send(protocol.PING);
  }

  private handshake(text: string): void {
    let request: protocol.HandshakeRequest;
    try {
      request = protocol.parseHandshakeRequest(text);
    } catch (error) {
      this.rejectHandshake(handshakeFailureText(error));
      return;
    }
    const { protocol: name, version } = request;
    if (name !== 'json') {
      this.rejectHandshake(`The protocol '${name}' is not supported.`);
    } else if (!protocol.SUPPORTED_JSON_VERSIONS.includes(version)) {
      this.rejectHandshake(`The server does not support version ${version} of the '${name}' protocol.`);
    } else {
      this.state = 'connected';
      this.send(protocol.HANDSHAKE_OK);
      this.enqueue(() => this.connected());
    }
  }

  private rejectHandshake(error: string): void {
    this.transport.send(protocol.handshakeError(error));
    this.transport.end();
    this.finish();
  }

  /** The transport dropped a client that stopped reading (its unsent bytes passed the limit). */
  dropSlowClient(bufferedBytes: number): void {
    this.env.observe({
      type: 'slow-client',
      connectionId: this.connectionId,
      userId: this.info.principal.userId,
      bufferedBytes,
    });
  }

  private lifecycle(state: 'open' | 'closed'): void {
    const { connectionId, principal } = this.info;
    this.env.observe({
      type: 'connection',
      state,
      connectionId,
      userId: principal.userId,
      transport: this.transport.name,
    });
  }

  private async connected(): Promise<void> {
    this.connectedCalled = true;
    this.lifecycle('open');
    try {
      await this.env.hub.onConnected?.(this.info);
    } catch (error) {
      if (!(error instanceof HubError)) this.env.logger.error('hub.onConnected failed.', error);
      this.close(error instanceof HubError ? `${CLOSED_WITH_ERROR} HubException: ${error.message}` : CLOSED_WITH_ERROR);
    }
  }

  private handle(message: protocol.IncomingMessage): void {
    switch (message.type) {
      case protocol.MessageType.Invocation:
      case protocol.MessageType.StreamInvocation:
        this.invoke(message);
        return;
      case protocol.MessageType.Close:
        // The client is leaving; it expects no answer.
        this.transport.end();
        this.finish();
        return;
      default:
        return; // CancelInvocation (nothing streams), Ping, and the rest need no action
    }
  }

  /**
   * Runs an invocation after those before it. With nothing queued it starts at once, and a method that
   * answers synchronously (a relay) is done without a promise; one that awaits holds the queue until it settles.
   */
  private invoke(message: protocol.InvocationMessage): void {
    if (this.queued > 0) {
      this.enqueue(async () => this.answer(await this.env.dispatcher.dispatch(this.info, message)));
      return;
    }
    let outcome: string | null | Promise<string | null>;
    try {
      outcome = this.env.dispatcher.dispatch(this.info, message);
    } catch (error) {
      this.env.logger.error(`Connection ${this.connectionId}: unexpected failure in an invocation.`, error);
      return;
    }
    if (outcome instanceof Promise) this.enqueue(async () => this.answer(await outcome));
    else this.answer(outcome);
  }

  private answer(completion: string | null): void {
    if (completion !== null) this.send(completion);
  }

  /** Runs tasks one at a time, in arrival order; tasks queued when the connection closes are dropped. */
  private enqueue(task: () => Promise<void>): void {
    if (++this.queued > MAX_QUEUED) {
      this.fail(new ProtocolError('Too many pending invocations.'));
      return;
    }
    if (this.queued >= PAUSE_AT && !this.paused && this.transport.pause) {
      this.paused = true;
      this.transport.pause();
    }
    this.queue = this.queue.then(async () => {
      try {
        if (this.state !== 'closed') await task();
      } catch (error) {
        this.env.logger.error(`Connection ${this.connectionId}: unexpected failure in a queued task.`, error);
      } finally {
        this.queued--;
        if (this.paused && this.queued < PAUSE_AT / 2) {
          this.paused = false;
          this.transport.resume?.();
        }
      }
    });
  }

  private fail(error: unknown): void {
    if (this.state === 'handshake') {
      this.rejectHandshake(handshakeFailureText(error));
      return;
    }
    if (!(error instanceof ProtocolError)) this.env.logger.error('Unexpected error processing a message.', error);
    const text =
      error instanceof ProtocolError ? `${CLOSED_WITH_ERROR} ${error.kind}: ${error.message}` : CLOSED_WITH_ERROR;
    this.close(text, false);
  }

  private finish(): void {
    if (this.state === 'closed') return;
    this.state = 'closed';
    this.env.onClosed(this);
    // After onConnected and any running invocation settle; queued invocations are skipped.
    this.disconnected = this.queue.then(async () => {
      if (!this.connectedCalled) return;
      this.lifecycle('closed');
      try {
        await this.env.hub.onDisconnected?.(this.info);
      } catch (error) {
        this.env.logger.error('hub.onDisconnected failed.', error);
      }
    });
  }
}

function handshakeFailureText(error: unknown): string {
  const text = 'An unexpected error occurred during connection handshake.';
  return error instanceof ProtocolError ? `${text} ${error.kind}: ${error.message}` : text;
}
