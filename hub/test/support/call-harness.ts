// A call hub driven directly, without the SignalR protocol layer: fake connections, a recording
// ClientSender, the real call rules, in-memory stores and the demo directory. The rules' suites run
// against two compositions of the one rules module: the reference hub's (its call policy over the
// directory) and the kit loopback's (createMemoryCallHub: anyone may call anyone).

import assert from 'node:assert/strict';
import {
  createCallHub,
  createMemoryCallHub,
  MemoryActiveCallStore,
  MemoryLocks,
  MemoryPresence,
  MemoryRateLimiter,
  MemoryTimers,
  type CallHub,
  type ClientSender,
  type ConnectionInfo,
} from '@thrume/calls-contract/rules';
import { CallPolicy } from '../../src/calls/policy.ts';
import { demoDirectoryPath, loadDirectory, type Directory } from '../../src/directory.ts';
import { SqlStore } from '../../src/store/sql-store.ts';

export const directory = loadDirectory(demoDirectoryPath());
const byName = new Map(directory.users().map((u) => [u.userName, u]));

export function userId(name: string): string {
  const user = byName.get(name);
  assert.ok(user, `no user ${name} in the demo directory`);
  return user.id;
}

export const ids = {
  alice: userId('alice'),
  bob: userId('bob'),
  carol: userId('carol'),
  dave: userId('dave'),
  erin: userId('erin'),
};
export const conversationAB = 'c0000000-0000-4000-8000-0000000000ab';
export const conversationAC = 'c0000000-0000-4000-8000-0000000000ac';

export interface Sent {
  readonly connectionId: string;
  readonly target: string;
  readonly args: readonly unknown[];
}

export class RecordingSender implements ClientSender {
  readonly sent: Sent[] = [];
  readonly aborted: Array<{ connectionId: string; error: string }> = [];

  send(connectionId: string, target: string, args: readonly unknown[]): void {
    this.sent.push({ connectionId, target, args: structuredClone([...args]) });
  }

  abort(connectionId: string, error: string): void {
    this.aborted.push({ connectionId, error });
  }

  /** Events sent to one connection, optionally of one target. */
  to(connection: ConnectionInfo, target?: string): Sent[] {
    return this.sent.filter(
      (s) => s.connectionId === connection.connectionId && (target === undefined || s.target === target),
    );
  }

  /** The arguments of the events `target` sent to `connection`. */
  args(connection: ConnectionInfo, target: string): Array<readonly unknown[]> {
    return this.to(connection, target).map((s) => s.args);
  }

  clear(): void {
    this.sent.length = 0;
  }
}

/** The hub's composition of the rules, and the loopback's. */
export const harnessTargets = ['hub', 'loopback'] as const;
export type HarnessTarget = (typeof harnessTargets)[number];

export interface HarnessOptions {
  /** Default the hub's. */
  readonly target?: HarnessTarget;
  readonly extensions?: boolean;
  readonly ringTimeoutMs?: number;
  readonly reconnectGraceMs?: number;
  readonly callRatePerMinute?: number;
  /** false: a call store without `peek`, as a shared (Redis) store would be; relays take the locked path. */
  readonly peek?: boolean;
  /** The users the hub knows, for what IncomingCall says of the caller; the demo directory without it. */
  readonly directory?: Directory;
}

export interface Harness {
  readonly hub: CallHub;
  readonly sender: RecordingSender;
  readonly calls: MemoryActiveCallStore;
  readonly store: SqlStore;
  readonly policy: CallPolicy;
  /** A demo directory user by name, or any other principal name. */
  connect(name: string): Promise<ConnectionInfo>;
  disconnect(connection: ConnectionInfo): Promise<void>;
  /** Invokes a hub method as the protocol layer would: name case-insensitive, exact arity. */
  invoke(connection: ConnectionInfo, method: string, ...args: unknown[]): Promise<unknown>;
  /** The last CallError message sent to a connection, or undefined. */
  lastError(connection: ConnectionInfo): string | undefined;
  /** Starts a call from `from` to `to` (by name) and returns its id from CallRinging. */
  ring(from: ConnectionInfo, to: string): Promise<string>;
  close(): Promise<void>;
}

let connectionCounter = 0;

export async function createHarness(options: HarnessOptions = {}): Promise<Harness> {
  const sender = new RecordingSender();
  const calls = new MemoryActiveCallStore();
  if (options.peek === false) Object.defineProperty(calls, 'peek', { value: undefined });
  const store = await SqlStore.open({ databaseUrl: null, dataDir: null });
  const policy = new CallPolicy(directory, store);
  const timers = new MemoryTimers();
  const known = options.directory ?? directory;
  const common = {
    extensions: options.extensions ?? true,
    ringTimeoutMs: options.ringTimeoutMs ?? 5_000,
    reconnectGraceMs: options.reconnectGraceMs ?? 5_000,
    sender,
    calls,
    timers,
    rateLimiter: new MemoryRateLimiter(options.callRatePerMinute ?? 1_000, 60_000),
    history: store,
    profileOf: (id: string) => known.user(id),
  };
  const hub =
    options.target === 'loopback'
      ? createMemoryCallHub(common)
      : createCallHub({ ...common, presence: new MemoryPresence(), locks: new MemoryLocks(), policy });

  const harness: Harness = {
    hub,
    sender,
    calls,
    store,
    policy,
    async connect(name) {
      const user = byName.get(name);
      const connection: ConnectionInfo = {
        connectionId: `${name}-conn-${++connectionCounter}`,
        principal: { userId: user?.id ?? name, userName: user?.userName ?? name },
      };
      await hub.onConnected?.(connection);
      return connection;
    },
    async disconnect(connection) {
      await hub.onDisconnected?.(connection);
    },
    async invoke(connection, method, ...args) {
      const entry = Object.entries(hub.methods).find(([name]) => name.toLowerCase() === method.toLowerCase());
      if (entry === undefined) throw new Error(`Method does not exist.`);
      const [, hubMethod] = entry;
      if (hubMethod.arity !== args.length) {
        throw new Error(`Invocation provides ${args.length} argument(s) but target expects ${hubMethod.arity}.`);
      }
      return hubMethod.handler(connection, args);
    },
    lastError(connection) {
      return sender.args(connection, 'CallError').at(-1)?.[0] as string | undefined;
    },
    async ring(from, to) {
      await harness.invoke(from, 'InitiateCallAsync', ids[to as keyof typeof ids] ?? to, 'voice', '');
      const ringing = sender.args(from, 'CallRinging').at(-1);
      assert.ok(ringing, `no CallRinging for ${from.connectionId}; CallError: ${harness.lastError(from)}`);
      return ringing[0] as string;
    },
    async close() {
      timers.clearAll();
      await store.close();
    },
  };
  return harness;
}

/** Polls `predicate` until it is true or `timeoutMs` passes. */
export async function waitFor(predicate: () => boolean, timeoutMs = 2_000, what = 'condition'): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!predicate()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

export const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

export const offer = JSON.stringify({ type: 'offer', sdp: 'v=0\r\no=- 1 2 IN IP4 127.0.0.1\r\n' });
export const answer = JSON.stringify({ type: 'answer', sdp: 'v=0\r\no=- 3 4 IN IP4 127.0.0.1\r\n' });
export const candidate = JSON.stringify({
  candidate: 'candidate:1 1 udp 2122260223 192.0.2.1 54400 typ host',
  sdpMid: '0',
  sdpMLineIndex: 0,
  usernameFragment: 'abcd',
});
