// Active calls and the busy map in Redis, for several hub nodes: each method is one atomic step (a
// script where it reads and writes), as ActiveCallStore asks. A call is JSON under call:{id}.

import type { Redis } from 'ioredis';
import type { ActiveCallStore, Call } from '@thrume/calls-contract/rules';
import { keys, script } from './redis.ts';
import { TurnBatch } from './turn-batch.ts';

export class RedisActiveCallStore implements ActiveCallStore {
  private readonly createScript;
  private readonly putScript;
  private readonly removeScript;
  private readonly activeScript;
  /** Every relay reads its call: the reads of one turn are one MGET. */
  private readonly reads: TurnBatch<string, string | null>;

  constructor(private readonly redis: Redis) {
    this.reads = new TurnBatch((ids) => redis.mget(ids.map(keys.call)));
    // KEYS: call, busy of the caller, busy of the callee, the set of calls.
    this.createScript = script(
      redis,
      'thrumeCreateCall',
      4,
      `if redis.call('EXISTS', KEYS[1], KEYS[2], KEYS[3]) > 0 then return 0 end
       redis.call('SET', KEYS[1], ARGV[1])
       redis.call('SET', KEYS[2], ARGV[2])
       redis.call('SET', KEYS[3], ARGV[2])
       redis.call('SADD', KEYS[4], ARGV[2])
       return 1`,
    );
    this.putScript = script(
      redis,
      'thrumePutCall',
      1,
      `if redis.call('EXISTS', KEYS[1]) == 0 then return 0 end
       redis.call('SET', KEYS[1], ARGV[1])
       return 1`,
    );
    // Busy entries go only if they still name this call.
    this.removeScript = script(
      redis,
      'thrumeRemoveCall',
      4,
      `local call = redis.call('GET', KEYS[1])
       if not call then return false end
       redis.call('DEL', KEYS[1])
       redis.call('SREM', KEYS[4], ARGV[1])
       for i = 2, 3 do
         if redis.call('GET', KEYS[i]) == ARGV[1] then redis.call('DEL', KEYS[i]) end
       end
       return call`,
    );
    this.activeScript = script(
      redis,
      'thrumeActiveCall',
      1,
      `local id = redis.call('GET', KEYS[1])
       if not id then return false end
       return redis.call('GET', ARGV[1] .. id)`,
    );
  }

  async create(call: Call): Promise<boolean> {
    const created = await this.createScript(
      [keys.call(call.id), keys.busy(call.callerId), keys.busy(call.calleeId), keys.calls],
      [JSON.stringify(call), call.id],
    );
    return created === 1;
  }

  async get(callId: string): Promise<Call | null> {
    return parse(await this.reads.add(callId));
  }

  async put(call: Call): Promise<boolean> {
    return (await this.putScript([keys.call(call.id)], [JSON.stringify(call)])) === 1;
  }

  async remove(callId: string): Promise<Call | null> {
    const call = await this.get(callId);
    if (call === null) return null;
    const removed = await this.removeScript(
      [keys.call(callId), keys.busy(call.callerId), keys.busy(call.calleeId), keys.calls],
      [callId],
    );
    return parse(removed as string | null);
  }

  async activeCallOf(userId: string): Promise<Call | null> {
    return parse((await this.activeScript([keys.busy(userId)], [keys.callPrefix])) as string | null);
  }

  async all(): Promise<Call[]> {
    const ids = await this.redis.smembers(keys.calls);
    if (ids.length === 0) return [];
    const calls = await this.redis.mget(ids.map(keys.call));
    return calls.map(parse).filter((call): call is Call => call !== null);
  }
}

function parse(json: string | null): Call | null {
  return json === null ? null : (JSON.parse(json) as Call);
}
