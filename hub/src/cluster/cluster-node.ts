// One hub node among several sharing a Redis: its place in the cluster (a heartbeat in a sorted set),
// the reaper that clears a dead node's connections, and fencing. A node whose heartbeat is older than
// `deadAfterMs` is taken for dead by any other: its connections leave presence and their calls get the
// reconnect grace. A node that comes back after that (it was paused) finds itself gone, closes its
// connections and joins again; until its next heartbeat lands it changes nothing shared (assertLive).
// A Redis that lost its data (restarted without persistence) shows a new epoch: every node closes its
// connections, so presence is rebuilt as clients reconnect, and rejoins of the lost calls fail cleanly.

import { randomUUID } from 'node:crypto';
import {
  type ActiveCallStore,
  type CallHub,
  type CallLog,
  type ClientSender,
  type ConnectionInfo,
  type HubDefinition,
  type Locks,
  type Presence,
  type RateLimiter,
  type Timers,
} from '@thrume/calls-contract/rules';
import { HistoryOutbox } from './history-outbox.ts';
import { RedisActiveCallStore } from './redis-calls.ts';
import { RedisLocks, RedisRateLimiter } from './redis-locks.ts';
import { RedisPresence } from './redis-presence.ts';
import { RedisTimers } from './redis-timers.ts';
import { keys, luaNow, openRedis, script, type RedisLinks } from './redis.ts';
import { ClusterRouter } from './router.ts';

export interface ClusterOptions {
  readonly redisUrl: string;
  readonly heartbeatMs?: number;
  readonly deadAfterMs?: number;
  readonly timerSweepMs?: number;
  readonly callRatePerMinute: number;
  readonly log: (message: string) => void;
  /**
   * Redis lost the calls in progress before `since` (it restarted without persistence then): told to
   * one node, which records them as ended in the database.
   */
  readonly onStateLost?: (since: Date) => Promise<void>;
}

/** What the call rules run on, shared by every node. */
export interface ClusterParts {
  readonly calls: ActiveCallStore;
  readonly presence: Presence;
  readonly timers: Timers;
  readonly locks: Locks;
  readonly rateLimiter: RateLimiter;
  readonly sender: ClusterRouter;
}

export class ClusterNode {
  readonly nodeId = randomUUID();
  readonly parts: ClusterParts;
  private readonly heartbeatMs: number;
  private readonly deadAfterMs: number;
  private readonly beatScript;
  private readonly joinScript;
  private readonly reapScript;
  private readonly beater: NodeJS.Timeout;
  private epoch = '';
  private lastBeat = 0;
  private hub: CallHub | null = null;
  private outbox: HistoryOutbox | null = null;
  private closeConnections: () => Promise<void> = async () => {};
  private beating = false;
  /** This node's connections that closed while it could not clear them (not live, or Redis failing). */
  private readonly uncleared = new Map<string, ConnectionInfo>();
  private closed = false;

  private constructor(
    private readonly links: RedisLinks,
    private readonly options: ClusterOptions,
    local: ClientSender,
  ) {
    const { commands } = links;
    this.heartbeatMs = options.heartbeatMs ?? 3_000;
    this.deadAfterMs = options.deadAfterMs ?? 10_000;
    const assertLive = () => this.assertLive();
    const router = new ClusterRouter(commands, links.subscriber, () => this.nodeId, local, options.log);
    this.parts = {
      calls: new RedisActiveCallStore(commands),
      presence: new RedisPresence(commands, () => this.nodeId),
      timers: new RedisTimers(commands, {
        sweepMs: options.timerSweepMs,
        isLive: () => this.isLive(),
        log: options.log,
      }),
      locks: new RedisLocks(commands, { assertLive }),
      rateLimiter: new RedisRateLimiter(commands, options.callRatePerMinute, 60_000),
      sender: router,
    };
    // KEYS: nodes, epoch. Returns the epoch this node now belongs to.
    this.joinScript = script(
      commands,
      'thrumeJoin',
      2,
      `${luaNow}
       redis.call('SET', KEYS[2], ARGV[2], 'NX')
       redis.call('ZADD', KEYS[1], now, ARGV[1])
       return redis.call('GET', KEYS[2])`,
    );
    this.beatScript = script(
      commands,
      'thrumeBeat',
      2,
      `if redis.call('GET', KEYS[2]) ~= ARGV[2] then return 'lost' end
       if not redis.call('ZSCORE', KEYS[1], ARGV[1]) then return 'fenced' end
       ${luaNow}
       redis.call('ZADD', KEYS[1], now, ARGV[1])
       return 'ok'`,
    );
    // Claims the nodes silent for longer than ARGV[1]: only the node whose ZREM removes one reaps it.
    this.reapScript = script(
      commands,
      'thrumeReap',
      1,
      `${luaNow}
       local dead = redis.call('ZRANGEBYSCORE', KEYS[1], '-inf', now - tonumber(ARGV[1]), 'LIMIT', 0, 10)
       local claimed = {}
       for _, node in ipairs(dead) do
         if redis.call('ZREM', KEYS[1], node) == 1 then table.insert(claimed, node) end
       end
       return claimed`,
    );
    this.beater = setInterval(() => void this.beat(), this.heartbeatMs);
    this.beater.unref();
  }

  /** Connects to Redis and takes a place in the cluster; fails naming THRUME_REDIS_URL. */
  static async join(options: ClusterOptions, local: ClientSender): Promise<ClusterNode> {
    const links = await openRedis(options.redisUrl);
    const node = new ClusterNode(links, options, local);
    await node.parts.sender.listen();
    await node.register();
    return node;
  }

  /**
   * The hub as the SignalR server runs it on this node: its connections are this node's to deliver
   * to, and `closeConnections` ends them all when the node is fenced.
   */
  serve(hub: CallHub, closeConnections: () => Promise<void>): HubDefinition {
    this.hub = hub;
    this.closeConnections = closeConnections;
    const router = this.parts.sender;
    return {
      methods: hub.methods,
      onConnected: async (connection) => {
        router.attach(connection.connectionId);
        await hub.onConnected?.(connection);
      },
      onDisconnected: async (connection) => {
        router.detach(connection.connectionId);
        // Not live is not yet reaped: cleared after the next heartbeat, by this node or by its reaper.
        if (!this.isLive()) return void this.uncleared.set(connection.connectionId, connection);
        try {
          await hub.onDisconnected?.(connection);
        } catch (error) {
          this.uncleared.set(connection.connectionId, connection);
          throw error;
        }
      },
    };
  }

  /** Where the call rules record calls: the outbox in front of `database`, which this node helps drain. */
  history(database: CallLog): HistoryOutbox {
    this.outbox = new HistoryOutbox(this.links.commands, database, {
      isLive: () => this.isLive(),
      log: this.options.log,
    });
    return this.outbox;
  }

  /** Call records not yet in the database. */
  async historyWaiting(): Promise<number> {
    return (await this.outbox?.waiting()) ?? 0;
  }

  /** Single use of a connection token across nodes. */
  async claim(connectionId: string, ttlMs: number): Promise<boolean> {
    return (await this.links.commands.set(keys.claim(connectionId), this.nodeId, 'PX', ttlMs, 'NX')) === 'OK';
  }

  /** Why this node cannot serve now, or null: for readiness. */
  async whyUnavailable(): Promise<string | null> {
    if (this.links.commands.status !== 'ready') return `Redis (THRUME_REDIS_URL) is ${this.links.commands.status}`;
    return this.isLive() ? null : 'this node has lost its place in the cluster and is joining again';
  }

  /** Leaves the cluster: stops the heartbeat and the timer sweep, and closes Redis. */
  async close(): Promise<void> {
    await this.outbox?.close();
    this.closed = true;
    clearInterval(this.beater);
    this.parts.timers.clearAll();
    await this.parts.sender.routed();
    await this.links.commands.zrem(keys.nodes, this.nodeId).catch(() => {});
    await this.links.close();
  }

  private isLive(): boolean {
    return !this.closed && Date.now() - this.lastBeat < this.deadAfterMs - this.heartbeatMs;
  }

  private assertLive(): void {
    if (!this.isLive()) throw new Error('this hub node has no recent heartbeat in Redis, so it changes nothing shared');
  }

  /** Takes a place in the cluster; true when this node began a new data set (the first after a loss). */
  private async register(): Promise<boolean> {
    const proposed = randomUUID();
    this.epoch = (await this.joinScript([keys.nodes, keys.epoch], [this.nodeId, proposed])) as string;
    this.lastBeat = Date.now();
    return this.epoch === proposed;
  }

  /** When the Redis now running started: every call state older than that is gone. */
  private async redisStartedAt(): Promise<Date> {
    const uptime = /uptime_in_seconds:(\d+)/.exec(await this.links.commands.info('server'))?.[1];
    return new Date(Date.now() - Number(uptime ?? 0) * 1000);
  }

  private async beat(): Promise<void> {
    if (this.beating || this.closed) return;
    this.beating = true;
    try {
      const started = Date.now();
      const state = await this.beatScript([keys.nodes, keys.epoch], [this.nodeId, this.epoch]);
      if (state === 'ok') {
        this.lastBeat = started;
        await this.clearUncleared();
        await this.reap();
        return;
      }
      this.lastBeat = 0; // changes nothing shared until it has joined again
      this.options.log(
        state === 'fenced'
          ? 'this node was taken for dead (paused or cut off for too long): closing its connections and joining again'
          : 'Redis lost the cluster state (restarted without persistence): closing connections so presence is rebuilt',
      );
      await this.closeConnections();
      this.uncleared.clear(); // its reaper cleared them, or Redis lost them
      if ((await this.register()) && state === 'lost') await this.options.onStateLost?.(await this.redisStartedAt());
    } catch (error) {
      this.options.log(`heartbeat failed: ${(error as Error).message}`);
    } finally {
      this.beating = false;
    }
  }

  /** Runs the disconnects this node could not run when they happened; a repeat changes nothing. */
  private async clearUncleared(): Promise<void> {
    for (const [connectionId, connection] of this.uncleared) {
      await this.hub?.onDisconnected?.(connection);
      this.uncleared.delete(connectionId);
    }
  }

  /** Clears the connections of every node that stopped beating: as if each had disconnected. */
  private async reap(): Promise<void> {
    const { commands } = this.links;
    const dead = (await this.reapScript([keys.nodes], [this.deadAfterMs])) as string[];
    for (const node of dead) {
      const connectionIds = await commands.smembers(keys.nodeConnections(node));
      for (const connectionId of connectionIds) {
        const userId = await commands.hget(keys.connection(connectionId), 'user');
        const connection: ConnectionInfo = { connectionId, principal: { userId: userId ?? '', userName: '' } };
        if (userId !== null) await this.hub?.onDisconnected?.(connection);
      }
      // Only those read: a node that was taken for dead may have joined again under its id meanwhile.
      if (connectionIds.length > 0) await commands.srem(keys.nodeConnections(node), ...connectionIds);
      this.options.log(`node ${node} stopped beating: cleared its ${connectionIds.length} connection(s)`);
    }
  }
}
