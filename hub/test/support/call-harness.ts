// A call hub driven directly, without the SignalR protocol layer: fake connections, a recording
// ClientSender, the real call rules, in-memory stores and the demo directory. The rules' suites run
// against three compositions of the one rules module: the reference hub's (its call policy over the
// directory), the kit loopback's (createMemoryCallHub: anyone may call anyone), and the reference hub
// as a cluster: two nodes on a real Redis, each connection on one of them in turn, so that every call
// crosses nodes. There every step waits until what it sent has been delivered, wherever it went.

import assert from 'node:assert/strict';
import { after } from 'node:test';
import {
  createCallHub,
  createMemoryCallHub,
  MemoryActiveCallStore,
  MemoryLocks,
  MemoryPresence,
  MemoryRateLimiter,
  MemoryTimers,
  type ActiveCallStore,
  type CallHub,
  type ClientSender,
  type ConnectionInfo,
  type HubDefinition,
} from '@thrume/calls-contract/rules';
import { Redis } from 'ioredis';
import { startRedis } from '../../../scripts/redis-process.mjs';
import { ClusterNode } from '../../src/cluster/cluster-node.ts';
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

/** The hub's composition of the rules, the loopback's, and the hub's on two nodes. */
export const harnessTargets = ['hub', 'loopback', 'cluster'] as const;
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
  readonly calls: ActiveCallStore;
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
  const store = await SqlStore.open({ databaseUrl: null, dataDir: null });
  const policy = new CallPolicy(directory, store);
  const known = options.directory ?? directory;
  const rules = {
    extensions: options.extensions ?? true,
    ringTimeoutMs: options.ringTimeoutMs ?? 5_000,
    reconnectGraceMs: options.reconnectGraceMs ?? 5_000,
    history: store,
    profileOf: (id: string) => known.user(id),
  };
  const callRatePerMinute = options.callRatePerMinute ?? 1_000;
  const cluster = options.target === 'cluster' ? await startCluster(sender, callRatePerMinute) : null;
  const calls = cluster?.nodes[0]!.parts.calls ?? new MemoryActiveCallStore();
  if (options.peek === false) Object.defineProperty(calls, 'peek', { value: undefined });
  const timers = new MemoryTimers();
  const common = {
    ...rules,
    sender,
    calls,
    timers,
    rateLimiter: new MemoryRateLimiter(callRatePerMinute, 60_000),
  };
  const nodes: Array<{ hub: CallHub; serving: HubDefinition }> =
    cluster?.nodes.map((node) => {
      const hub = createCallHub({ ...rules, ...node.parts, policy });
      return { hub, serving: node.serve(hub, async () => {}) };
    }) ??
    [
      options.target === 'loopback'
        ? createMemoryCallHub(common)
        : createCallHub({ ...common, presence: new MemoryPresence(), locks: new MemoryLocks(), policy }),
    ].map((hub) => ({ hub, serving: hub }));
  const hub = nodes[0].hub;
  /** Each connection's node: with two, every other connection is on the second. */
  const nodeOf = new Map<string, HubDefinition>();
  /** Runs a step; on a cluster, settles once what it sent reached its connections on either node. */
  const step = async <T>(run: () => T | Promise<T>): Promise<T> => {
    const result = await run();
    await cluster?.delivered();
    return result;
  };

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
      const node = nodes[connectionCounter % nodes.length].serving;
      nodeOf.set(connection.connectionId, node);
      await step(() => node.onConnected?.(connection));
      return connection;
    },
    async disconnect(connection) {
      const node = nodeOf.get(connection.connectionId) ?? nodes[0].serving;
      await step(() => node.onDisconnected?.(connection));
    },
    async invoke(connection, method, ...args) {
      const node = nodeOf.get(connection.connectionId) ?? nodes[0].serving;
      const entry = Object.entries(node.methods).find(([name]) => name.toLowerCase() === method.toLowerCase());
      if (entry === undefined) throw new Error(`Method does not exist.`);
      const [, hubMethod] = entry;
      if (hubMethod.arity !== args.length) {
        throw new Error(`Invocation provides ${args.length} argument(s) but target expects ${hubMethod.arity}.`);
      }
      return step(() => hubMethod.handler(connection, args));
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
      await cluster?.close();
      await store.close();
    },
  };
  return harness;
}

let redis: ReturnType<typeof startRedis> | null = null;
// The test file's last step: its Redis would otherwise keep the process alive.
after(async () => (await redis)?.stop());

/** Two cluster nodes on this process's Redis (started once, emptied for each harness), delivering to `local`. */
async function startCluster(local: ClientSender, callRatePerMinute: number) {
  const { url } = await (redis ??= startRedis());
  const options = { redisUrl: url, timerSweepMs: 10, callRatePerMinute, log: () => {} };
  const admin = new Redis(url);
  await admin.flushall();
  admin.disconnect();
  const nodes = [await ClusterNode.join(options, local), await ClusterNode.join(options, local)];
  return {
    nodes,
    async delivered() {
      await Promise.all(nodes.map((node) => node.parts.sender.routed()));
      await Promise.all(nodes.map((node) => node.parts.sender.heard()));
    },
    close: () => Promise.all(nodes.map((node) => node.close())),
  };
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
