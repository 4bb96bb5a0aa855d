// The Redis connections of one hub node, the key names every node shares, and Lua scripts. Commands
// fail at once while Redis is unreachable (no offline queue), so a hub method never relays a stale
// candidate seconds later; ioredis reconnects by itself and the node carries on when Redis is back.

import { Redis } from 'ioredis';

export interface RedisLinks {
  /** Commands and scripts. */
  readonly commands: Redis;
  /** The node's doorbell subscription (a subscribed connection takes no other command). */
  readonly subscriber: Redis;
  close(): Promise<void>;
}

const options = {
  lazyConnect: true,
  enableOfflineQueue: false,
  maxRetriesPerRequest: 0,
  commandTimeout: 2_000,
  retryStrategy: (attempt: number) => Math.min(attempt * 100, 1_000),
};

/** Both connections, ready; a clear error naming THRUME_REDIS_URL when Redis cannot be reached. */
export async function openRedis(url: string, connectTimeoutMs = 3_000): Promise<RedisLinks> {
  const commands = new Redis(url, options);
  const subscriber = new Redis(url, options);
  // ioredis reports each failed reconnect attempt as an error event; the node's readiness says it once.
  for (const link of [commands, subscriber]) link.on('error', () => {});
  const close = async () => {
    commands.disconnect();
    subscriber.disconnect();
  };
  try {
    await withTimeout(Promise.all([commands.connect(), subscriber.connect()]), connectTimeoutMs);
  } catch (error) {
    await close();
    throw new Error(`THRUME_REDIS_URL (${redacted(url)}) cannot be reached: ${(error as Error).message}`, {
      cause: error,
    });
  }
  return { commands, subscriber, close };
}

/** The URL without its password, for messages. */
export function redacted(url: string): string {
  return url.replace(/\/\/([^:@/]*):[^@/]*@/, '//$1:***@');
}

async function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

const prefix = 'thrume:';

/** Every key and channel the nodes share. */
export const keys = {
  call: (callId: string) => `${prefix}call:${callId}`,
  /** Prefix of `call(id)`, for scripts that reach a call from a busy entry. */
  callPrefix: `${prefix}call:`,
  calls: `${prefix}calls`,
  busy: (userId: string) => `${prefix}busy:${userId}`,
  userConnections: (userId: string) => `${prefix}user:${userId}:connections`,
  /** Hash: node, user. */
  connection: (connectionId: string) => `${prefix}connection:${connectionId}`,
  deliverySeq: (connectionId: string) => `${prefix}connection:${connectionId}:seq`,
  deliveryLog: (connectionId: string) => `${prefix}connection:${connectionId}:log`,
  nodeConnections: (nodeId: string) => `${prefix}node:${nodeId}:connections`,
  nodeConnectionsPrefix: `${prefix}node:`,
  doorbell: (nodeId: string) => `${prefix}doorbell:${nodeId}`,
  doorbellPrefix: `${prefix}doorbell:`,
  /** Sorted set: node id → its last heartbeat (Redis time, ms). */
  nodes: `${prefix}nodes`,
  /** Set once per Redis data set: a node that finds another value (or none) knows Redis lost its data. */
  epoch: `${prefix}epoch`,
  timers: `${prefix}timers`,
  timerTasks: `${prefix}timer-tasks`,
  lock: (key: string) => `${prefix}lock:${key}`,
  attempts: (key: string) => `${prefix}attempts:${key}`,
  claim: (connectionId: string) => `${prefix}claim:${connectionId}`,
  /** Stream of call records on their way to the database. */
  historyOutbox: `${prefix}history-outbox`,
  /** Which node writes the outbox to the database now. */
  historyDrainer: `${prefix}history-drainer`,
} as const;

/** Redis's own clock in ms, so that no node's clock decides a deadline. */
export const luaNow = `local t = redis.call('TIME') local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)`;

export type Script = (keys: readonly string[], args: ReadonlyArray<string | number>) => Promise<unknown>;

/** What defineCommand adds to a client or a pipeline: a method named after the script. */
type Scripted = Record<string, (...args: Array<string | number>) => unknown>;

/** A Lua script run by its hash (ioredis loads it again after a Redis restart). */
export function script(redis: Redis, name: string, numberOfKeys: number, lua: string): Script {
  redis.defineCommand(name, { numberOfKeys, lua });
  return (keys, args) => (redis as unknown as Scripted)[name](...keys, ...args) as Promise<unknown>;
}

/** Calls of the script `name` in one pipeline, each answered alone: its result, or its Error. */
export async function scriptBatch(
  redis: Redis,
  name: string,
  calls: ReadonlyArray<{ readonly keys: readonly string[]; readonly args: ReadonlyArray<string | number> }>,
): Promise<unknown[]> {
  const pipeline = redis.pipeline();
  for (const { keys, args } of calls) (pipeline as unknown as Scripted)[name](...keys, ...args);
  const replies = (await pipeline.exec()) ?? [];
  return replies.map(([error, result]) => error ?? result);
}
