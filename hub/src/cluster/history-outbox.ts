// History on several nodes: the call rules' records go first to a Redis stream (the outbox), which
// answers while the database is away, and one node at a time writes them to the database in stream
// order, each removed from the stream once written. A database that is down delays history and loses
// none of it; a drainer that dies mid-way leaves its entries to the next one, and writing a record
// twice is harmless (save replaces a call's record).

import { randomUUID } from 'node:crypto';
import type { Redis } from 'ioredis';
import type { CallLog, CallRecord } from '@thrume/calls-contract/rules';
import { keys, script } from './redis.ts';

export interface HistoryOutboxOptions {
  readonly drainMs?: number;
  /** False while this node may not change shared state: it does not drain. */
  readonly isLive: () => boolean;
  readonly log: (message: string) => void;
}

export class HistoryOutbox implements CallLog {
  private readonly drainer: NodeJS.Timeout;
  private readonly holder = randomUUID();
  private readonly holdScript;
  private draining = false;
  private lastFailure = '';

  constructor(
    private readonly redis: Redis,
    private readonly database: CallLog,
    private readonly options: HistoryOutboxOptions,
  ) {
    // Takes or keeps the drainer's lease: set if free, extended if this node holds it.
    this.holdScript = script(
      redis,
      'thrumeHoldDrainer',
      1,
      `local holder = redis.call('GET', KEYS[1])
       if holder and holder ~= ARGV[1] then return 0 end
       redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2])
       return 1`,
    );
    this.drainer = setInterval(() => void this.drain(), options.drainMs ?? 100);
    this.drainer.unref();
  }

  async save(call: CallRecord): Promise<void> {
    await this.redis.xadd(keys.historyOutbox, '*', 'record', JSON.stringify(call));
  }

  /** Never asked on a cluster: a node's shutdown leaves its calls to the others. */
  suspend(callIds: readonly string[], suspendedAt: string): Promise<void> {
    return this.database.suspend(callIds, suspendedAt);
  }

  /** Records not yet in the database. */
  waiting(): Promise<number> {
    return this.redis.xlen(keys.historyOutbox);
  }

  /** Stops draining here; what is left is drained by the other nodes, or by this one's next start. */
  async close(): Promise<void> {
    clearInterval(this.drainer);
    await this.drain();
  }

  private async drain(): Promise<void> {
    if (this.draining || !this.options.isLive()) return;
    this.draining = true;
    try {
      if ((await this.holdScript([keys.historyDrainer], [this.holder, 5_000])) !== 1) return;
      const entries = await this.redis.xrange(keys.historyOutbox, '-', '+', 'COUNT', 200);
      for (const [id, fields] of entries) {
        await this.database.save(JSON.parse(fields[1]) as CallRecord);
        await this.redis.xdel(keys.historyOutbox, id);
      }
      if (this.lastFailure !== '') this.options.log('history: the database is back, the waiting records are written');
      this.lastFailure = '';
    } catch (error) {
      const failure = (error as Error).message;
      if (failure !== this.lastFailure)
        this.options.log(`history waits in Redis until the database answers again: ${failure}`);
      this.lastFailure = failure;
    } finally {
      this.draining = false;
    }
  }
}
