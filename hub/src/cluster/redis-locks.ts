// Mutual exclusion and the call-rate limit across nodes. A lock is a key set only if absent, with an
// expiry so that a node that dies holding it does not hold it for ever, released only by its holder.

import { randomUUID } from 'node:crypto';
import type { Redis } from 'ioredis';
import type { Locks, RateLimiter } from '@thrume/calls-contract/rules';
import { keys, luaNow, script } from './redis.ts';

export interface RedisLocksOptions {
  /** How long a lock outlives a holder that never releases it. */
  readonly holdMs?: number;
  /** How long a task waits for its locks before it fails. */
  readonly waitMs?: number;
  /** Throws when this node may not change shared state (it lost its place in the cluster). */
  readonly assertLive?: () => void;
}

export class RedisLocks implements Locks {
  private readonly releaseScript;
  private readonly holdMs: number;
  private readonly waitMs: number;

  constructor(
    private readonly redis: Redis,
    private readonly options: RedisLocksOptions = {},
  ) {
    this.holdMs = options.holdMs ?? 10_000;
    this.waitMs = options.waitMs ?? 5_000;
    this.releaseScript = script(
      redis,
      'thrumeReleaseLock',
      1,
      `if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
       return 0`,
    );
  }

  async run<T>(lockKeys: readonly string[], task: () => Promise<T>): Promise<T> {
    this.options.assertLive?.();
    const token = randomUUID();
    const held: string[] = [];
    try {
      for (const key of [...new Set(lockKeys)].sort()) {
        await this.acquire(keys.lock(key), token);
        held.push(keys.lock(key));
      }
      return await task();
    } finally {
      await Promise.allSettled(held.map((key) => this.releaseScript([key], [token])));
    }
  }

  private async acquire(key: string, token: string): Promise<void> {
    const deadline = Date.now() + this.waitMs;
    for (let attempt = 1; ; attempt++) {
      if ((await this.redis.set(key, token, 'PX', this.holdMs, 'NX')) === 'OK') return;
      if (Date.now() > deadline) throw new Error(`timed out waiting for the lock ${key}`);
      await new Promise((resolve) => setTimeout(resolve, Math.min(attempt, 10)));
    }
  }
}

/** A rolling window of attempts per key, as MemoryRateLimiter, on Redis's clock. */
export class RedisRateLimiter implements RateLimiter {
  private readonly acquireScript;

  constructor(
    redis: Redis,
    private readonly limit: number,
    private readonly windowMs: number,
  ) {
    this.acquireScript = script(
      redis,
      'thrumeAcquireAttempt',
      1,
      `${luaNow}
       redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now - tonumber(ARGV[2]))
       if redis.call('ZCARD', KEYS[1]) >= tonumber(ARGV[1]) then return 0 end
       redis.call('ZADD', KEYS[1], now, ARGV[3])
       redis.call('PEXPIRE', KEYS[1], ARGV[2])
       return 1`,
    );
  }

  async tryAcquire(key: string): Promise<boolean> {
    return (await this.acquireScript([keys.attempts(key)], [this.limit, this.windowMs, randomUUID()])) === 1;
  }
}
