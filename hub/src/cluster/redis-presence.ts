// Presence in Redis: a user's connections on every node, and each connection's node, which is where
// the router delivers to it and what the reaper clears when that node dies.

import type { Redis } from 'ioredis';
import type { Presence } from '@thrume/calls-contract/rules';
import { keys, script } from './redis.ts';

export class RedisPresence implements Presence {
  private readonly removeScript;

  constructor(
    private readonly redis: Redis,
    private readonly nodeId: () => string,
  ) {
    // KEYS: the user's connections, the connection, its delivery sequence and log.
    this.removeScript = script(
      redis,
      'thrumeRemoveConnection',
      4,
      `local node = redis.call('HGET', KEYS[2], 'node')
       redis.call('SREM', KEYS[1], ARGV[1])
       redis.call('DEL', KEYS[2], KEYS[3], KEYS[4])
       if node then redis.call('SREM', ARGV[2] .. node .. ':connections', ARGV[1]) end
       return 1`,
    );
  }

  async add(userId: string, connectionId: string): Promise<void> {
    const node = this.nodeId();
    await this.redis
      .multi()
      .sadd(keys.userConnections(userId), connectionId)
      .hset(keys.connection(connectionId), 'node', node, 'user', userId)
      .sadd(keys.nodeConnections(node), connectionId)
      .exec();
  }

  async remove(userId: string, connectionId: string): Promise<void> {
    await this.removeScript(
      [
        keys.userConnections(userId),
        keys.connection(connectionId),
        keys.deliverySeq(connectionId),
        keys.deliveryLog(connectionId),
      ],
      [connectionId, keys.nodeConnectionsPrefix],
    );
  }

  connectionsOf(userId: string): Promise<string[]> {
    return this.redis.smembers(keys.userConnections(userId));
  }
}
