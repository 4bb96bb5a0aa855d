// A call hub driven directly, without the SignalR protocol layer: fake connections, a recording
// ClientSender, the real call rules, in-memory stores and the demo directory.

import assert from 'node:assert/strict';
import type { ClientSender, ConnectionInfo } from '../../src/hub-api.ts';
import { createCallHub, type CallHub } from '../../src/calls/call-hub.ts';
import { MemoryActiveCallStore } from '../../src/calls/active-call-store.ts';
import { MemoryLocks } from '../../src/calls/locks.ts';
import { CallPolicy } from '../../src/calls/policy.ts';
import { MemoryPresence } from '../../src/calls/presence.ts';
import { MemoryRateLimiter } from '../../src/calls/rate-limit.ts';
import { MemoryTimers } from '../../src/calls/timers.ts';
import { demoDirectoryPath, loadDirectory, type Directory } from '../../src/directory.ts';
import { SqliteStore } from '../../src/store/sqlite-store.ts';

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
    return this.sent.filter((s) => s.connectionId === connection.connectionId && (target === undefined || s.target === target));
  }

  /** The arguments of the events `target` sent to `connection`. */
  args(connection: ConnectionInfo, target: string): Array<readonly unknown[]> {
    return this.to(connection, target).map((s) => s.args);
  }

  clear(): void {
    this.sent.length = 0;
  }
}

export interface HarnessOptions {
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
  readonly store: SqliteStore;
  readonly policy: CallPolicy;
  connect(name: keyof typeof ids | string): Promise<ConnectionInfo>;
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
  const store = await SqliteStore.open(null);
  const policy = new CallPolicy(directory, store);
  const timers = new MemoryTimers();
  const hub = createCallHub({
    extensions: options.extensions ?? true,
    ringTimeoutMs: options.ringTimeoutMs ?? 5_000,
    reconnectGraceMs: options.reconnectGraceMs ?? 5_000,
    sender,
    calls,
    presence: new MemoryPresence(),
    timers,
    locks: new MemoryLocks(),
    rateLimiter: new MemoryRateLimiter(options.callRatePerMinute ?? 1_000, 60_000),
    policy,
    history: store,
    directory: options.directory ?? directory,
  });

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
export const candidate = JSON.stringify({ candidate: 'candidate:1 1 udp 2122260223 192.0.2.1 54400 typ host', sdpMid: '0', sdpMLineIndex: 0, usernameFragment: 'abcd' });
