// An in-memory hub that several controllers in one page call each other through: for tests,
// Storybook and integrators' own tests. It runs the reference hub's own call rules (the contract
// package's `rules`), so it obeys exactly what the hub obeys: `extended` mode has every extension
// but `ice-servers`, `baseline` mode behaves like the reference hub's baseline (docs/hub-contract.md).
// As on the hub, user ids are GUIDs.
import { hubFeatures, normalizeGuid } from '@thrume/calls-contract';
import {
  bindInvocation,
  createMemoryCallHub,
  invocationErrorText,
  methodsByName,
  type CallHub,
  type ConnectionInfo,
  type HubMethod,
} from '@thrume/calls-contract/rules';
import { HubSignaling, type HubLink, type HubLinkState } from './hub-signaling.js';

export interface LoopbackHubOptions {
  readonly mode?: 'extended' | 'baseline';
  /** Default 45 s, as the reference hub's. */
  readonly ringTimeoutMs?: number;
  /** Default 20 s, as the reference hub's. */
  readonly reconnectGraceMs?: number;
  /** Delay of every delivery, to make races visible. Default 0 (still asynchronous). */
  readonly latencyMs?: number;
}

export interface LoopbackUser {
  /** A GUID, as the hub's user ids are. */
  readonly id: string;
  /** What `IncomingCall` carries as `callerUsername`. */
  readonly name: string;
  /** Sent as `callerDisplayName` in extended mode (the user name without it), as the reference hub sends its directory's. */
  readonly displayName?: string;
  /** Sent as `callerAvatarUrl` in extended mode. */
  readonly avatarUrl?: string;
}

export class LoopbackHub {
  private readonly hub: CallHub;
  private readonly methods: ReadonlyMap<string, HubMethod>;
  private readonly links = new Map<string, LoopbackLink>();
  private readonly users = new Map<string, LoopbackUser>();

  constructor(private readonly options: LoopbackHubOptions = {}) {
    this.hub = createMemoryCallHub({
      extensions: (options.mode ?? 'extended') === 'extended',
      ringTimeoutMs: options.ringTimeoutMs ?? 45_000,
      reconnectGraceMs: options.reconnectGraceMs ?? 20_000,
      features: hubFeatures.filter((feature) => feature !== 'ice-servers'),
      sender: {
        send: (connectionId, target, args) => this.links.get(connectionId)?.deliver(target, args),
        abort: (connectionId) => void this.links.get(connectionId)?.stop(),
      },
      profileOf: (userId) => {
        const user = this.users.get(userId);
        return user && { displayName: user.displayName ?? user.name, avatarUrl: user.avatarUrl };
      },
    });
    this.methods = methodsByName(this.hub);
  }

  /** A signaling endpoint for `user`: one hub connection once `connect()` is called, as a new one after each reconnect. */
  connect(user: LoopbackUser): LoopbackSignaling {
    const id = normalizeGuid(user.id);
    if (id === null)
      throw new TypeError(`LoopbackHub: the user id "${user.id}" is not a GUID, and the hub's user ids are.`);
    this.users.set(id, user);
    return new LoopbackSignaling(
      new LoopbackLink(this.hub, this.methods, user, this.links, this.options.latencyMs ?? 0),
    );
  }
}

export class LoopbackSignaling extends HubSignaling {
  declare protected readonly link: LoopbackLink;

  /** Simulates SignalR's automatic reconnect: the hub sees this connection close, and a new one open after `downMs`. */
  simulateReconnect(downMs = 0): Promise<void> {
    return this.link.reconnect(downMs);
  }
}

/** One user's connection to the loopback hub, as SignalR's HubConnection behaves: one invocation at a time, events after a delay. */
class LoopbackLink implements HubLink {
  onreconnecting?: () => void;
  onreconnected?: () => void;
  onclose?: (error?: Error) => void;
  private current: HubLinkState = 'disconnected';
  private connection: ConnectionInfo | null = null;
  private readonly handlers = new Map<string, Array<(...args: unknown[]) => void>>();
  /** The hub runs one invocation of a connection at a time (MaximumParallelInvocationsPerClient = 1). */
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly hub: CallHub,
    private readonly methods: ReadonlyMap<string, HubMethod>,
    private readonly user: LoopbackUser,
    private readonly links: Map<string, LoopbackLink>,
    private readonly latencyMs: number,
  ) {}

  get state(): HubLinkState {
    return this.current;
  }

  on(target: string, handler: (...args: unknown[]) => void): void {
    const name = target.toLowerCase();
    this.handlers.set(name, [...(this.handlers.get(name) ?? []), handler]);
  }

  async start(): Promise<void> {
    this.current = 'connecting';
    await this.open();
  }

  async stop(): Promise<void> {
    if (this.current === 'disconnected') return;
    await this.close();
    this.current = 'disconnected';
    this.onclose?.();
  }

  async reconnect(downMs: number): Promise<void> {
    await this.close();
    this.current = 'reconnecting';
    this.onreconnecting?.();
    await new Promise((resolve) => setTimeout(resolve, downMs));
    await this.open();
    this.onreconnected?.();
  }

  invoke(target: string, ...args: unknown[]): Promise<unknown> {
    const run = async () => {
      const connection = this.connection;
      if (connection === null) throw new Error("Cannot send data if the connection is not in the 'Connected' State.");
      await this.tick();
      try {
        const method = bindInvocation(this.methods, target, args.length);
        if (typeof method === 'string') throw new Error(method);
        try {
          return overTheWire(await method.handler(connection, overTheWire(args)));
        } catch (error) {
          throw new Error(invocationErrorText(target, error), { cause: error });
        }
      } finally {
        await this.tick(); // the completion, result or error, arrives after the events the invocation caused
      }
    };
    const next = this.queue.then(run, run);
    this.queue = next.catch(() => undefined);
    return next;
  }

  async send(target: string, ...args: unknown[]): Promise<void> {
    if (this.connection === null)
      throw new Error("Cannot send data if the connection is not in the 'Connected' State.");
    this.invoke(target, ...args).catch(() => undefined); // no completion comes back, not even an error
  }

  /** The hub pushes an event to this connection; it arrives after the latency, if the connection still stands. */
  deliver(target: string, args: readonly unknown[]): void {
    const connection = this.connection;
    const copy = overTheWire(args);
    setTimeout(() => {
      if (this.connection !== connection) return;
      for (const handler of this.handlers.get(target.toLowerCase()) ?? []) handler(...copy);
    }, this.latencyMs);
  }

  private async open(): Promise<void> {
    await this.tick();
    const connection = {
      connectionId: crypto.randomUUID(),
      principal: { userId: this.user.id, userName: this.user.name },
    };
    this.connection = connection;
    this.links.set(connection.connectionId, this);
    this.current = 'connected';
    await this.hub.onConnected?.(connection);
  }

  private async close(): Promise<void> {
    const connection = this.connection;
    if (connection === null) return;
    this.connection = null;
    this.links.delete(connection.connectionId);
    await this.hub.onDisconnected?.(connection);
  }

  private tick(): Promise<void> {
    return new Promise((resolve) => setTimeout(resolve, this.latencyMs));
  }
}

/** What arrives at the other end of SignalR's JSON hub protocol: a copy, undefined as null. */
function overTheWire<T>(value: T): T {
  return value === undefined ? value : (JSON.parse(JSON.stringify(value)) as T);
}
