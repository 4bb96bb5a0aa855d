// Timers in a Redis sorted set (name → deadline on Redis's clock), so that a ring timeout or a grace
// fires even when the node that set it has died. Every node sweeps for due timers; a script claims
// each one for a lease, the handler runs, and the timer goes only if nobody set it again meanwhile. A
// node that dies between claim and done leaves it to fire again when the lease ends: the call rules'
// handlers check the call's state under its lock, so a second firing changes nothing.

import type { Redis } from 'ioredis';
import type { TimerTask, Timers } from '@thrume/calls-contract/rules';
import { keys, luaNow, script } from './redis.ts';

export interface RedisTimersOptions {
  readonly sweepMs?: number;
  readonly leaseMs?: number;
  /** False while this node may not change shared state: it does not sweep. */
  readonly isLive?: () => boolean;
  readonly log?: (message: string) => void;
}

export class RedisTimers implements Timers {
  private readonly setScript;
  private readonly claimScript;
  private readonly doneScript;
  private handler: (task: TimerTask) => Promise<void> = async () => {};
  private readonly sweeper: NodeJS.Timeout;
  private sweeping = false;
  private lastFailure = '';

  constructor(
    private readonly redis: Redis,
    private readonly options: RedisTimersOptions = {},
  ) {
    this.setScript = script(
      redis,
      'thrumeSetTimer',
      2,
      `${luaNow}
       redis.call('ZADD', KEYS[1], now + tonumber(ARGV[2]), ARGV[1])
       redis.call('HSET', KEYS[2], ARGV[1], ARGV[3])
       return 1`,
    );
    // Returns name, lease and task of each due timer, claimed until its lease ends.
    this.claimScript = script(
      redis,
      'thrumeClaimTimers',
      2,
      `${luaNow}
       local due = redis.call('ZRANGEBYSCORE', KEYS[1], '-inf', now, 'LIMIT', 0, 50)
       local claimed = {}
       for _, name in ipairs(due) do
         local lease = now + tonumber(ARGV[1])
         redis.call('ZADD', KEYS[1], lease, name)
         table.insert(claimed, name)
         table.insert(claimed, tostring(lease))
         table.insert(claimed, redis.call('HGET', KEYS[2], name) or '')
       end
       return claimed`,
    );
    this.doneScript = script(
      redis,
      'thrumeTimerDone',
      2,
      `if tonumber(redis.call('ZSCORE', KEYS[1], ARGV[1])) == tonumber(ARGV[2]) then
         redis.call('ZREM', KEYS[1], ARGV[1])
         redis.call('HDEL', KEYS[2], ARGV[1])
       end
       return 1`,
    );
    this.sweeper = setInterval(() => void this.sweep(), options.sweepMs ?? 250);
    this.sweeper.unref();
  }

  onDue(handler: (task: TimerTask) => Promise<void>): void {
    this.handler = handler;
  }

  async set(name: string, delayMs: number, task: TimerTask): Promise<void> {
    await this.setScript(
      [keys.timers, keys.timerTasks],
      [name, Math.max(0, Math.round(delayMs)), JSON.stringify(task)],
    );
  }

  async clear(name: string): Promise<void> {
    await this.redis.multi().zrem(keys.timers, name).hdel(keys.timerTasks, name).exec();
  }

  /** This node stops sweeping; the timers stay for the other nodes. */
  clearAll(): void {
    clearInterval(this.sweeper);
  }

  private async sweep(): Promise<void> {
    if (this.sweeping || this.options.isLive?.() === false) return;
    this.sweeping = true;
    try {
      const claimed = (await this.claimScript(
        [keys.timers, keys.timerTasks],
        [this.options.leaseMs ?? 10_000],
      )) as string[];
      for (let i = 0; i < claimed.length; i += 3) {
        const [name, lease, task] = [claimed[i], claimed[i + 1], claimed[i + 2]];
        if (task !== '') await this.handler(JSON.parse(task) as TimerTask);
        await this.doneScript([keys.timers, keys.timerTasks], [name, lease]);
      }
      this.lastFailure = '';
    } catch (error) {
      // Said once per outage, not four times a second.
      const failure = (error as Error).message;
      if (failure !== this.lastFailure) this.options.log?.(`timer sweep failed: ${failure}`);
      this.lastFailure = failure;
    } finally {
      this.sweeping = false;
    }
  }
}
