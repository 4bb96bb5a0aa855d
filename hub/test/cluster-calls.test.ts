// Two hub nodes sharing one real Redis (THRUME_REDIS_URL), in this process: each with its own HTTP
// server, SignalR layer and call hub. Users connect with the official client to the node named, and the
// calls between them follow the same rules as on one node.

import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { HubConnectionBuilder, LogLevel, type HubConnection } from '@microsoft/signalr';
import { Redis } from 'ioredis';
import { startPostgres } from '../../scripts/postgres-process.mjs';
import { startRedis } from '../../scripts/redis-process.mjs';
import { SqlStore } from '../src/store/sql-store.ts';
import { answer, candidate, conversationAB, ids, offer, waitFor } from './support/call-harness.ts';
import { startTestServer, type TestServer } from './support/hub-server.ts';
import { recordEvents, type Events } from './support/recorded-events.ts';

/** Polls an async predicate until it holds, or fails naming `what`. */
async function waitForAsync(predicate: () => Promise<boolean>, what: string, timeoutMs = 5_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await predicate().catch(() => false))) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

interface Client {
  readonly connection: HubConnection;
  readonly events: Events;
  named(event: string): unknown[][];
}

async function client(node: TestServer, name: keyof typeof ids): Promise<Client> {
  const token = await node.token(name);
  const connection = new HubConnectionBuilder()
    .withUrl(`${node.hub.url}/chathub`, { accessTokenFactory: () => token })
    .configureLogging(LogLevel.None)
    .build();
  const events = recordEvents(connection);
  await connection.start();
  return {
    connection,
    events,
    named: (event) => events.filter(([n]) => n === event).map(([, args]) => args),
  };
}

describe('two hub nodes on one Redis', () => {
  let redis: Awaited<ReturnType<typeof startRedis>>;
  let postgres: Awaited<ReturnType<typeof startPostgres>>;
  let a: TestServer;
  let b: TestServer;
  const open: Client[] = [];
  const connect = async (node: TestServer, name: keyof typeof ids) => {
    const c = await client(node, name);
    open.push(c);
    return c;
  };

  before(async () => {
    [redis, postgres] = await Promise.all([startRedis({ appendOnly: true }), startPostgres({ keepData: true })]);
    const env = {
      THRUME_REDIS_URL: redis.url,
      THRUME_DATABASE_URL: postgres.url,
      THRUME_RING_TIMEOUT_MS: '800',
      THRUME_NODE_HEARTBEAT_MS: '300',
      THRUME_NODE_DEAD_AFTER_MS: '3000',
    };
    a = await startTestServer(env);
    b = await startTestServer(env);
  });
  after(async () => {
    await Promise.all(open.map((c) => c.connection.stop()));
    await a?.close();
    await b?.close();
    await redis?.stop();
    await postgres?.stop();
  });

  /** A connected call from alice on A to bob on B. */
  async function connectedCall(): Promise<{ alice: Client; bob: Client; callId: string }> {
    const alice = await connect(a, 'alice');
    const bob = await connect(b, 'bob');
    const callId = await alice.connection.invoke<string>('InitiateCallAsync', ids.bob, 'voice', conversationAB);
    await waitFor(() => bob.named('IncomingCall').length === 1, 3_000, 'IncomingCall on B');
    await bob.connection.invoke('AcceptCallAsync', callId);
    await waitFor(() => alice.named('CallAccepted').length === 1, 3_000, 'CallAccepted on A');
    return { alice, bob, callId };
  }

  it('one history in PostgreSQL for both nodes; PostgreSQL stopped for a while delays a record and loses none', async () => {
    const database = await SqlStore.open({ databaseUrl: postgres.url, dataDir: null });
    const statusOf = async (callId: string) => (await database.get(callId))?.status;
    try {
      const first = await connectedCall();
      await first.alice.connection.invoke('EndCallAsync', first.callId);
      await waitFor(() => first.bob.named('CallEnded').length === 1, 3_000, 'CallEnded');
      await waitForAsync(async () => (await statusOf(first.callId)) === 'Ended', 'the first call written');

      const second = await connectedCall();
      await waitForAsync(async () => (await statusOf(second.callId)) === 'Connected', 'the second call written');
      await postgres.stop();
      // Hanging up answers while the database is away: the record waits in Redis.
      await second.bob.connection.invoke('EndCallAsync', second.callId);
      await waitFor(() => second.alice.named('CallEnded').length === 1, 3_000, 'CallEnded while PostgreSQL is down');
      await new Promise((resolve) => setTimeout(resolve, 500));
      // Operators see the backlog.
      const waiting = async () => /^thrume_history_waiting (\d+)$/m.exec(await (await a.get('/metrics')).text())?.[1];
      assert.equal(await waiting(), '1');
      postgres = await startPostgres({ port: postgres.port, dataDir: postgres.dataDir, keepData: true });
      await waitForAsync(async () => (await statusOf(second.callId)) === 'Ended', 'the waiting record written', 15_000);
      assert.equal((await database.get(second.callId))?.endReason, 'hangup');
      await waitForAsync(async () => (await waiting()) === '0', 'the backlog drained');
    } finally {
      await database.close();
    }
  });

  it('alice on A calls bob on B: ring, accept, signaling in order both ways, hang-up', async () => {
    const alice = await connect(a, 'alice');
    const bob = await connect(b, 'bob');
    const callId = await alice.connection.invoke<string>('InitiateCallAsync', ids.bob, 'video', conversationAB);
    await waitFor(() => bob.named('IncomingCall').length === 1, 3_000, 'IncomingCall on B');
    assert.equal((bob.named('IncomingCall')[0][0] as { callId: string }).callId, callId);

    await bob.connection.invoke('AcceptCallAsync', callId);
    await waitFor(() => alice.named('CallAccepted').length === 1, 3_000, 'CallAccepted on A');
    await alice.connection.invoke('SendOfferAsync', callId, offer);
    const candidates = Array.from({ length: 10 }, (_, i) => candidate.replace('54400', String(50_000 + i)));
    for (const c of candidates) await alice.connection.invoke('SendIceCandidateAsync', callId, c);
    await bob.connection.invoke('SendAnswerAsync', callId, answer);
    for (const c of candidates) await bob.connection.invoke('SendIceCandidateAsync', callId, c);

    await waitFor(() => bob.named('ReceiveIceCandidate').length === 10, 3_000, 'candidates on B');
    await waitFor(() => alice.named('ReceiveIceCandidate').length === 10, 3_000, 'candidates on A');
    assert.deepEqual(
      bob.events.filter(([n]) => n.startsWith('Receive')).map(([, args]) => args[1]),
      [offer, ...candidates],
    );
    assert.deepEqual(
      alice.events.filter(([n]) => n.startsWith('Receive')).map(([, args]) => args[1]),
      [answer, ...candidates],
    );

    await alice.connection.invoke('EndCallAsync', callId);
    await waitFor(() => bob.named('CallEnded').length === 1, 3_000, 'CallEnded on B');
    assert.deepEqual(bob.named('CallEnded')[0], [callId, 'hangup']);
    assert.equal(alice.named('CallError').length + bob.named('CallError').length, 0);
  });

  it('Redis lost mid-call: a hub method fails at once, nothing stale is relayed later, and the nodes recover by themselves', async () => {
    const { alice, bob, callId } = await connectedCall();
    await new Promise((resolve) => setTimeout(resolve, 1_500)); // the append-only file is written each second
    await redis.kill();
    const started = Date.now();
    const stale = candidate.replace('54400', '40000');
    await alice.connection.invoke('SendIceCandidateAsync', callId, stale);
    await waitFor(() => alice.named('CallError').length === 1, 1_000, 'a CallError while Redis is gone');
    assert.ok(Date.now() - started < 1_000, `failed after ${Date.now() - started} ms`);
    assert.deepEqual(alice.named('CallError')[0].slice(0, 2), [
      'Failed to send ICE candidate',
      'send-candidate-failed',
    ]);

    await redis.restart();
    const fresh = candidate.replace('54400', '40001');
    await waitForAsync(
      async () => {
        await alice.connection.invoke('SendIceCandidateAsync', callId, fresh);
        return bob.named('ReceiveIceCandidate').length > 0;
      },
      'relaying again after Redis is back',
      10_000,
    );
    assert.ok(
      bob.named('ReceiveIceCandidate').every(([, c]) => c === fresh),
      'the candidate sent while Redis was gone never arrives',
    );
    await bob.connection.invoke('EndCallAsync', callId);
    await waitFor(() => alice.named('CallEnded').length === 1, 3_000, 'CallEnded after the restart');
  });

  it('Redis losing its data: the nodes close their connections, and the lost call is recorded as ended, once', async () => {
    const database = await SqlStore.open({ databaseUrl: postgres.url, dataDir: null });
    try {
      const { alice, bob, callId } = await connectedCall();
      await waitForAsync(async () => (await database.get(callId))?.status === 'Connected', 'the call written');
      const closed = Promise.all([alice, bob].map((c) => new Promise((resolve) => c.connection.onclose(resolve))));
      const admin = new Redis(redis.url);
      await admin.flushall(); // as a restart without persistence would leave it
      admin.disconnect();
      await closed;
      await waitForAsync(async () => (await database.get(callId))?.status === 'Ended', 'the lost call ended', 5_000);
      assert.equal((await database.get(callId))?.endReason, 'failed');
      // Presence is rebuilt as clients come back, and nobody is left busy.
      const again = await connectedCall();
      await again.alice.connection.invoke('EndCallAsync', again.callId);
      await waitFor(() => again.bob.named('CallEnded').length === 1, 3_000, 'CallEnded after the loss');
    } finally {
      await database.close();
    }
  });
});
