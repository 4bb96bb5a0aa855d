// Delivery to a connection on any node: the per-connection log and the per-node doorbell. A message
// for a connection of this node goes straight to it. One for a connection elsewhere is appended, by
// one script, to that connection's log under the next sequence number, and rung on its node's
// doorbell (pub/sub). The receiving node delivers in sequence order: a duplicate is dropped, and a gap
// (a doorbell lost while its subscription was down) is filled from the log, so nothing is lost, doubled
// or reordered between a sending node and a connection.

import type { Redis } from 'ioredis';
import type { ClientSender } from '@thrume/calls-contract/rules';
import { keys, script, scriptBatch } from './redis.ts';
import { TurnBatch } from './turn-batch.ts';

/** Entries each connection's log keeps: more than a call's signaling lost in one Redis blip. */
const logLength = 512;

/** A frame: [target, args] to send, or [null, error] to close the connection with that error. */
type Frame = [string, readonly unknown[]] | [null, string];

interface Receiver {
  /** The last sequence number delivered to the connection. */
  delivered: number;
  /** Doorbells that arrived while a gap was being filled. */
  held: Array<{ seq: number; frame: string }> | null;
}

export class ClusterRouter implements ClientSender {
  /** The messages routed in one turn go to Redis in one pipeline, in order. */
  private readonly routes: TurnBatch<{ keys: string[]; args: Array<string | number> }, unknown>;
  private readonly receivers = new Map<string, Receiver>();
  private readonly routing = new Set<Promise<unknown>>();

  constructor(
    private readonly redis: Redis,
    private readonly subscriber: Redis,
    private readonly nodeId: () => string,
    /** This node's connections. */
    private readonly local: ClientSender,
    private readonly log: (message: string) => void,
  ) {
    // KEYS: the connection, its sequence, its log. Defined here, run in batches.
    script(
      redis,
      'thrumeRoute',
      3,
      `local node = redis.call('HGET', KEYS[1], 'node')
       if not node then return 0 end
       local seq = redis.call('INCR', KEYS[2])
       redis.call('XADD', KEYS[3], 'MAXLEN', '~', ARGV[2], seq .. '-0', 'f', ARGV[1])
       redis.call('PUBLISH', ARGV[3] .. node, ARGV[4] .. ' ' .. seq .. ' ' .. ARGV[1])
       return 1`,
    );
    this.routes = new TurnBatch((calls) => scriptBatch(redis, 'thrumeRoute', calls));
    subscriber.on('message', (_channel: string, message: string) => this.rang(message));
    // After a lost subscription, every doorbell rung meanwhile is in the logs.
    subscriber.on('ready', () => void this.fillAll());
  }

  /** Subscribes to this node's doorbell. */
  async listen(): Promise<void> {
    await this.subscriber.subscribe(keys.doorbell(this.nodeId()));
  }

  /** A connection of this node opened: messages routed to it from now on are delivered. */
  attach(connectionId: string): void {
    this.receivers.set(connectionId, { delivered: 0, held: null });
  }

  detach(connectionId: string): void {
    this.receivers.delete(connectionId);
  }

  isLocal(connectionId: string): boolean {
    return this.receivers.has(connectionId);
  }

  send(connectionId: string, target: string, args: readonly unknown[]): void {
    if (this.isLocal(connectionId)) this.local.send(connectionId, target, args);
    else this.route(connectionId, [target, args]);
  }

  abort(connectionId: string, error: string): void {
    if (this.isLocal(connectionId)) this.local.abort(connectionId, error);
    else this.route(connectionId, [null, error]);
  }

  /** Settles once every message this node has routed so far has been rung. */
  async routed(): Promise<void> {
    await Promise.all(this.routing);
  }

  /** Settles once every doorbell rung for this node before now has been delivered (PING is answered after them). */
  async heard(): Promise<void> {
    if (this.subscriber.status === 'ready') await this.subscriber.ping();
  }

  private route(connectionId: string, frame: Frame): void {
    const routed = this.routes
      .add({
        keys: [keys.connection(connectionId), keys.deliverySeq(connectionId), keys.deliveryLog(connectionId)],
        args: [JSON.stringify(frame), logLength, keys.doorbellPrefix, connectionId],
      })
      .catch((error: Error) => this.log(`routing ${frame[0] ?? 'a close'} to ${connectionId} failed: ${error.message}`))
      .finally(() => this.routing.delete(routed));
    this.routing.add(routed);
  }

  private rang(message: string): void {
    const first = message.indexOf(' ');
    const second = message.indexOf(' ', first + 1);
    const connectionId = message.slice(0, first);
    const seq = Number(message.slice(first + 1, second));
    const receiver = this.receivers.get(connectionId);
    if (receiver === undefined) return; // closed meanwhile
    const frame = message.slice(second + 1);
    if (receiver.held !== null) receiver.held.push({ seq, frame });
    else if (seq === receiver.delivered + 1) this.deliver(connectionId, receiver, seq, frame);
    else if (seq > receiver.delivered) void this.fill(connectionId, receiver, [{ seq, frame }]);
  }

  private deliver(connectionId: string, receiver: Receiver, seq: number, frame: string): void {
    receiver.delivered = seq;
    const [target, payload] = JSON.parse(frame) as Frame;
    if (target === null) this.local.abort(connectionId, payload);
    else this.local.send(connectionId, target, payload);
  }

  /** Delivers what the log holds after the last delivered message, then what arrived meanwhile. */
  private async fill(connectionId: string, receiver: Receiver, held: Receiver['held'] = []): Promise<void> {
    if (receiver.held !== null) return;
    receiver.held = held;
    try {
      const entries = await this.redis.xrange(keys.deliveryLog(connectionId), `${receiver.delivered + 1}-0`, '+');
      for (const [id, fields] of entries) {
        const seq = Number(id.slice(0, id.indexOf('-')));
        if (seq > receiver.delivered) this.deliver(connectionId, receiver, seq, fields[1]);
      }
    } catch (error) {
      this.log(`filling a gap for ${connectionId} failed: ${(error as Error).message}`);
    } finally {
      const arrived = receiver.held ?? [];
      receiver.held = null;
      for (const { seq, frame } of arrived.sort((a, b) => a.seq - b.seq))
        if (seq > receiver.delivered) this.deliver(connectionId, receiver, seq, frame);
    }
  }

  private async fillAll(): Promise<void> {
    await Promise.all([...this.receivers].map(([connectionId, receiver]) => this.fill(connectionId, receiver)));
  }
}
