// A SignalR hub connection speaking the JSON hub protocol (ASP.NET Core's specs/HubProtocol.md), as
// much of it as signaling uses: the handshake, invocations and their completions, the hub's invocations,
// pings both ways, Close, and automatic reconnect. It runs over any SignalR connection (SignalRTransport:
// a WebSocket, or SignalR's own HTTP transports); streaming and stateful reconnect are not used.
import { TransferFormat } from '@microsoft/signalr';
import { maximumMessageBytes } from '@thrume/calls-contract';
import type { HubLink, HubLinkState } from './hub-signaling.js';
import type { HubConnectionTransport } from './signalr-transport.js';

export interface HubClientOptions {
  /** Delays before each reconnect attempt; it gives up after the last. */
  readonly reconnectDelaysMs: readonly number[];
  /** A ping goes when nothing else was sent for this long. Default 15 s, as the hub expects. */
  readonly keepAliveMs?: number;
  /** The connection is dropped when nothing arrived for this long (the hub pings every 15 s). Default 30 s. */
  readonly serverTimeoutMs?: number;
  /** A longer invocation is refused here, where the hub would close the connection for it. Default 32 KB. */
  readonly maxMessageBytes?: number;
}

type Message = {
  type?: number;
  invocationId?: string;
  target?: string;
  arguments?: unknown[];
  result?: unknown;
  error?: string;
  allowReconnect?: boolean;
};
type Pending = { resolve(result: unknown): void; reject(error: Error): void };

const RS = '\x1e';
const Invocation = 1;
const Completion = 3;
const Ping = 6;
const Close = 7;

export class HubClient implements HubLink {
  onreconnecting?: () => void;
  onreconnected?: () => void;
  /** The connection is gone for good: stopped, refused by the hub, or out of reconnect attempts. */
  onclose?: (error?: Error) => void;
  private readonly handlers = new Map<string, Array<(...args: unknown[]) => void>>();
  private readonly pending = new Map<string, Pending>();
  private nextId = 0;
  private handshake: Pending | null = null;
  private reconnectAllowed = true;
  private stopping = false;
  private keepAlive?: ReturnType<typeof setTimeout>;
  private serverTimeout?: ReturnType<typeof setTimeout>;
  /** Cuts short the wait before the next reconnect attempt (stop() calls it). */
  private wake?: () => void;
  private current: HubLinkState = 'disconnected';

  constructor(
    private readonly transport: HubConnectionTransport,
    private readonly options: HubClientOptions,
  ) {
    transport.onreceive = (data) => this.receive(typeof data === 'string' ? data : new TextDecoder().decode(data));
    transport.onclose = (error) => this.transportClosed(error);
  }

  get state(): HubLinkState {
    return this.current;
  }

  /** Adds a handler of the hub's invocations of `target` (matched case-insensitively), beside any before it, as SignalR's `on` does. */
  on(target: string, handler: (...args: unknown[]) => void): void {
    const name = target.toLowerCase();
    this.handlers.set(name, [...(this.handlers.get(name) ?? []), handler]);
  }

  async start(): Promise<void> {
    if (this.state !== 'disconnected') throw new Error(`The hub connection is already ${this.state}.`);
    this.stopping = false;
    this.current = 'connecting';
    try {
      await this.connect();
      this.current = 'connected';
    } catch (error) {
      this.current = 'disconnected';
      throw error;
    }
  }

  /** Says goodbye to the hub and closes the connection; a reconnect in progress is abandoned. */
  async stop(): Promise<void> {
    if (this.state === 'disconnected') return;
    this.stopping = true;
    this.wake?.();
    if (this.state === 'connected') await this.write({ type: Close }).catch(() => undefined);
    await this.transport.stop();
    this.closed();
  }

  /** Invokes a hub method and resolves with its result; rejects with the hub's error. */
  invoke(target: string, ...args: unknown[]): Promise<unknown> {
    const invocationId = String(this.nextId++);
    return new Promise((resolve, reject) => {
      this.pending.set(invocationId, { resolve, reject });
      this.write({ type: Invocation, invocationId, target, arguments: args }).catch((error: Error) => {
        this.pending.delete(invocationId);
        reject(error);
      });
    });
  }

  /** Invokes a hub method without waiting for it (no completion comes back). */
  send(target: string, ...args: unknown[]): Promise<void> {
    return this.write({ type: Invocation, target, arguments: args });
  }

  private async connect(): Promise<void> {
    this.reconnectAllowed = true;
    await this.transport.start(TransferFormat.Text);
    const handshake = new Promise<unknown>((resolve, reject) => (this.handshake = { resolve, reject }));
    handshake.catch(() => undefined); // a close before the answer is awaited below, or was already thrown by send
    this.watchServer(); // also bounds the wait for the handshake's answer
    const throwIfStopped = () => {
      if (this.stopping) throw new Error('The hub connection was stopped while it started.');
    };
    try {
      throwIfStopped();
      await this.transport.send(`{"protocol":"json","version":1}${RS}`);
      await handshake;
      throwIfStopped();
    } catch (error) {
      this.handshake = null;
      await this.transport.stop();
      throw error;
    }
    if (!this.transport.features.inherentKeepAlive) await this.write({ type: Ping });
  }

  private write(message: Message): Promise<void> {
    if (this.state !== 'connected' && message.type !== Ping) {
      return Promise.reject(new Error(`Cannot send to the hub while ${this.state}.`));
    }
    const frame = JSON.stringify(message) + RS;
    const limit = this.options.maxMessageBytes ?? maximumMessageBytes;
    // UTF-8 takes at most three bytes per UTF-16 unit: most messages need no encoding to be measured.
    const bytes = frame.length * 3 > limit ? new TextEncoder().encode(frame).length : 0;
    if (bytes > limit) {
      const size = (n: number) => n.toLocaleString('en-US');
      return Promise.reject(
        new Error(`The message is ${size(bytes)} bytes, over the hub's limit of ${size(limit)} bytes: not sent.`),
      );
    }
    clearTimeout(this.keepAlive);
    if (!this.transport.features.inherentKeepAlive) {
      this.keepAlive = setTimeout(
        () => void this.write({ type: Ping }).catch(() => undefined),
        this.options.keepAliveMs ?? 15_000,
      );
    }
    return this.transport.send(frame);
  }

  /** Whole records only: a throw here makes the transport close with that error. */
  private receive(data: string): void {
    this.watchServer();
    const records = data.split(RS);
    if (records.pop() !== '') throw new Error('The hub sent an incomplete message.');
    for (const record of records) {
      const message = JSON.parse(record) as Message;
      if (this.handshake) this.answerHandshake(message);
      else this.dispatch(message);
    }
  }

  private answerHandshake(message: Message): void {
    const handshake = this.handshake!;
    this.handshake = null;
    if (message.type !== undefined) handshake.reject(new Error('Expected a handshake response from the server.'));
    else if (message.error) handshake.reject(new Error(`Server returned handshake error: ${message.error}`));
    else handshake.resolve(undefined);
  }

  private dispatch(message: Message): void {
    if (message.type === Invocation) {
      const handlers = this.handlers.get(String(message.target).toLowerCase());
      if (handlers) for (const handler of handlers) handler(...(message.arguments ?? []));
      else if (message.invocationId)
        void this.write({
          type: Completion,
          invocationId: message.invocationId,
          error: "Client didn't provide a result.",
        });
    } else if (message.type === Completion) {
      const pending = this.pending.get(String(message.invocationId));
      this.pending.delete(String(message.invocationId));
      if (message.error) pending?.reject(new Error(message.error));
      else pending?.resolve(message.result ?? null);
    } else if (message.type === Close) {
      this.reconnectAllowed = message.allowReconnect === true;
      void this.transport.stop(
        message.error ? new Error(`Server returned an error on close: ${message.error}`) : undefined,
      );
    }
  }

  /** The hub pings every 15 s; silence for twice that means it is gone. */
  private watchServer(): void {
    clearTimeout(this.serverTimeout);
    if (this.transport.features.inherentKeepAlive) return;
    this.serverTimeout = setTimeout(() => {
      void this.transport.stop(new Error('Server timeout elapsed without receiving a message from the server.'));
    }, this.options.serverTimeoutMs ?? 30_000);
  }

  private transportClosed(error?: Error): void {
    clearTimeout(this.keepAlive);
    clearTimeout(this.serverTimeout);
    const lost = error ?? new Error('The connection to the hub was closed.');
    this.handshake?.reject(lost);
    this.handshake = null;
    for (const pending of this.pending.values()) pending.reject(lost);
    this.pending.clear();
    if (this.state !== 'connected') return; // a start or a reconnect attempt sees its own failure
    if (this.stopping || !this.reconnectAllowed || !this.options.reconnectDelaysMs.length) this.closed(error);
    else void this.reconnect(error);
  }

  private async reconnect(error?: Error): Promise<void> {
    this.current = 'reconnecting';
    this.onreconnecting?.();
    for (const delay of this.options.reconnectDelaysMs) {
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, delay);
        this.wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
      if (this.stopping) return;
      try {
        await this.connect();
      } catch (attemptError) {
        error = attemptError as Error;
        if (this.stopping || !this.reconnectAllowed) break;
        continue;
      }
      this.current = 'connected';
      this.onreconnected?.();
      return;
    }
    if (!this.stopping) this.closed(error);
  }

  private closed(error?: Error): void {
    if (this.state === 'disconnected') return;
    this.current = 'disconnected';
    clearTimeout(this.keepAlive);
    clearTimeout(this.serverTimeout);
    this.onclose?.(error);
  }
}
