// Faults in a cluster of real hub processes sharing one real redis-server: a node killed (SIGKILL) or
// paused (SIGSTOP) while its users are in calls, and Redis restarting with and without its AOF. Users
// connect with the official SignalR client over WebSockets to the node each test names. Timings are
// short (heartbeat 500 ms, dead after 1500 ms) except where the defaults themselves are under test.

import assert from 'node:assert/strict';
import { afterEach, describe, it } from 'node:test';
import { HttpTransportType, HubConnectionBuilder, LogLevel, type HubConnection } from '@microsoft/signalr';
import { refusalTexts } from '@thrume/calls-contract';
import { Redis } from 'ioredis';
import { startHubProcess } from '../../scripts/hub-process.mjs';
import { startRedis } from '../../scripts/redis-process.mjs';
import { keys } from '../src/cluster/redis.ts';
import { candidate, conversationAB, ids, offer, sleep } from './support/call-harness.ts';

/** What scripts/hub-process.mjs resolves with (a JS module, so its types are spelled out here). */
interface HubProcess {
  readonly url: string;
  readonly pid: number;
  kill(): Promise<unknown>;
  output(): string;
}
const startHub = startHubProcess as (env: Record<string, string>) => Promise<HubProcess>;
type RedisServer = Awaited<ReturnType<typeof startRedis>>;

const conversationBC = 'c0000000-0000-4000-8000-0000000000bc';
const short = { THRUME_NODE_HEARTBEAT_MS: '500', THRUME_NODE_DEAD_AFTER_MS: '1500' };
const fenced = 'this node was taken for dead';
const lostState = 'Redis lost the cluster state';
const reaped = 'stopped beating: cleared its 1 connection(s)';

interface Client {
  readonly userId: string;
  readonly connection: HubConnection;
  readonly events: Array<[string, unknown[]]>;
  /** The server closed the connection (no automatic reconnect is configured). */
  closed: boolean;
  named(event: string): unknown[][];
}

const clientEvents = ['IncomingCall', 'CallAccepted', 'CallEnded', 'ReceiveOffer', 'ReceiveIceCandidate', 'CallError'];

// Everything a test starts, stopped after it whatever its outcome: nodes first (a paused one would
// hold a client's stop() in its close handshake), then clients, then Redis.
const nodes: HubProcess[] = [];
const clients: Client[] = [];
const redises: RedisServer[] = [];
const admins: Redis[] = [];
afterEach(async () => {
  for (const node of nodes.splice(0)) {
    resume(node);
    await node.kill();
  }
  await Promise.all(clients.splice(0).map((c) => c.connection.stop().catch(() => {})));
  for (const admin of admins.splice(0)) admin.disconnect();
  for (const redis of redises.splice(0)) await redis.stop();
});

function resume(node: HubProcess): void {
  try {
    process.kill(node.pid, 'SIGCONT');
  } catch {
    // already gone
  }
}

async function startCluster(count: number, env: Record<string, string>, redisOptions = {}) {
  const redis = await startRedis(redisOptions);
  redises.push(redis);
  const started = await Promise.allSettled(Array.from({ length: count }, () => startNode(redis, env)));
  for (const result of started) if (result.status === 'rejected') throw result.reason;
  return { redis, nodes: started.map((result) => (result as PromiseFulfilledResult<HubProcess>).value) };
}

/** A then B, started in turn so that B's node id is the one the nodes' set gains second; and a Redis client. */
async function startPair(env: Record<string, string>) {
  const redis = await startRedis();
  redises.push(redis);
  const admin = new Redis(redis.url);
  admins.push(admin);
  const a = await startNode(redis, env);
  const [aId] = await admin.zrange(keys.nodes, 0, -1);
  const b = await startNode(redis, env);
  const bId = (await admin.zrange(keys.nodes, 0, -1)).find((id) => id !== aId)!;
  /** Resolves as B's next heartbeat lands: from then on B is silent for as long as the test makes it. */
  const afterBeatOfB = async () => {
    const beat = await admin.zscore(keys.nodes, bId);
    await until(async () => (await admin.zscore(keys.nodes, bId)) !== beat, 6_000, "B's next heartbeat");
  };
  return { admin, a, b, afterBeatOfB };
}

async function startNode(redis: RedisServer, env: Record<string, string>): Promise<HubProcess> {
  const node = await startHub({
    THRUME_REDIS_URL: redis.url,
    THRUME_JWT_SECRET: 'cluster-faults-test-key-of-at-least-32-bytes',
    THRUME_HUB_ENV: 'development', // dev tokens
    THRUME_HUB_MODE: 'extended', // the default, said here because rejoin and CallEnded reasons need it
    THRUME_DATA_DIR: 'memory',
    ...env,
  });
  nodes.push(node);
  return node;
}

async function connect(node: HubProcess, name: keyof typeof ids): Promise<Client> {
  const response = await fetch(`${node.url}/api/auth/dev-token`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ userId: ids[name] }),
  });
  const { accessToken } = (await response.json()) as { accessToken: string };
  const connection = new HubConnectionBuilder()
    .withUrl(`${node.url}/chathub`, { accessTokenFactory: () => accessToken, transport: HttpTransportType.WebSockets })
    .configureLogging(LogLevel.None)
    .build();
  const client: Client = {
    userId: ids[name],
    connection,
    events: [],
    closed: false,
    named: (event) => client.events.filter(([n]) => n === event).map(([, args]) => args),
  };
  for (const event of clientEvents) connection.on(event, (...args: unknown[]) => client.events.push([event, args]));
  connection.onclose(() => (client.closed = true));
  clients.push(client);
  await connection.start();
  return client;
}

/** Polls `predicate` every 20 ms until it holds; fails naming `what` after `timeoutMs`. */
async function until(predicate: () => boolean | Promise<boolean>, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await predicate())) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await sleep(20);
  }
}

/** `caller` calls `userId`, refused because nobody of theirs is connected (so neither is busy, either). */
async function refusedNotOnline(caller: Client, userId: string): Promise<void> {
  assert.equal(await caller.connection.invoke('InitiateCallAsync', userId, 'voice', conversationAB), null);
  await until(() => caller.named('CallError').length > 0, 3_000, 'CallError for the caller');
  assert.equal(caller.named('CallError').at(-1)![0], refusalTexts['not-online']);
}

const ready = async (node: HubProcess) => (await fetch(`${node.url}/ready`).catch(() => null))?.status === 200;
const logged = (node: HubProcess, text: string) => node.output().includes(text);

/** `caller` calls `callee`'s user: the call rings on `callee`. */
async function ring(caller: Client, callee: Client, conversation = conversationAB): Promise<string> {
  const callId = await caller.connection.invoke<string | null>(
    'InitiateCallAsync',
    callee.userId,
    'video',
    conversation,
  );
  assert.ok(callId, `InitiateCallAsync refused: ${JSON.stringify(caller.named('CallError').at(-1))}`);
  await until(
    () => callee.named('IncomingCall').some(([m]) => (m as { callId: string }).callId === callId),
    3_000,
    `IncomingCall on the callee's connection`,
  );
  return callId;
}

async function connectedCall(alice: Client, bob: Client): Promise<string> {
  const callId = await ring(alice, bob);
  await bob.connection.invoke('AcceptCallAsync', callId);
  await until(() => alice.named('CallAccepted').length === 1, 3_000, 'CallAccepted for alice');
  return callId;
}

/** An offer from alice reaches `bob` and a candidate from `bob` reaches alice, each exactly once. */
async function signalingFlows(callId: string, alice: Client, bob: Client): Promise<void> {
  await alice.connection.invoke('SendOfferAsync', callId, offer);
  await bob.connection.invoke('SendIceCandidateAsync', callId, candidate);
  await until(() => bob.named('ReceiveOffer').length > 0, 5_000, 'the offer relayed to bob');
  await until(() => alice.named('ReceiveIceCandidate').length > 0, 5_000, 'the candidate relayed to alice');
  assert.deepEqual(bob.named('ReceiveOffer'), [[callId, offer]]);
  assert.deepEqual(alice.named('ReceiveIceCandidate'), [[callId, candidate]]);
  assert.deepEqual([...alice.named('CallError'), ...bob.named('CallError')], []);
}

describe('a hub node killed (SIGKILL)', () => {
  it('while a call rings: the ring timeout fires once, from the surviving node, and the callee is free', async (t) => {
    const ringMs = 3_000;
    const env = { ...short, THRUME_RING_TIMEOUT_MS: String(ringMs), THRUME_RECONNECT_GRACE_MS: '20000' };
    const {
      nodes: [a, b],
    } = await startCluster(2, env);
    const [alice, bob] = [await connect(a, 'alice'), await connect(b, 'bob')];
    const callId = await ring(alice, bob);
    await a.kill();
    const killedAt = Date.now();

    await until(() => bob.named('CallEnded').length > 0, ringMs + 3_000, 'CallEnded for bob');
    t.diagnostic(`CallEnded "missed" reached bob ${Date.now() - killedAt} ms after the kill`);
    await sleep(ringMs); // a second firing would land within a ring timeout
    assert.deepEqual(bob.named('CallEnded'), [[callId, 'missed']]);
    const missed = b
      .output()
      .split('\n')
      .filter((line) => line.includes(callId) && line.includes('"status":"Missed"'));
    assert.equal(missed.length, 1, `B logs the call missed once:\n${b.output()}`);

    const carol = await connect(b, 'carol');
    await ring(carol, bob, conversationBC);
  });

  it('while a call is connected: the party rejoins from another node within the grace, and signaling flows', async () => {
    const {
      nodes: [a, b, c],
    } = await startCluster(3, { ...short, THRUME_RECONNECT_GRACE_MS: '3000' });
    const [alice, bob] = [await connect(a, 'alice'), await connect(b, 'bob')];
    const callId = await connectedCall(alice, bob);
    await b.kill();

    // Rejoin after the grace has started, as a client that needed a few seconds to reconnect would.
    await until(() => logged(a, reaped) || logged(c, reaped), 4_000, "B's connection cleared by A or C");
    const bobAgain = await connect(c, 'bob');
    const rejoined = await bobAgain.connection.invoke('RejoinCallAsync', callId);
    assert.deepEqual(rejoined, { callId, status: 'Connected', role: 'callee' });
    await signalingFlows(callId, alice, bobAgain);
    await sleep(3_500); // past the grace that the rejoin cleared
    assert.deepEqual(alice.named('CallEnded'), []);
  });

  it('while a call is connected: a party that does not come back ends it once, "disconnected"', async (t) => {
    const graceMs = 2_000;
    const {
      nodes: [a, b],
    } = await startCluster(2, { ...short, THRUME_RECONNECT_GRACE_MS: String(graceMs) });
    const [alice, bob] = [await connect(a, 'alice'), await connect(b, 'bob')];
    const callId = await connectedCall(alice, bob);
    await b.kill();
    const killedAt = Date.now();

    // Reaped within dead-after plus a heartbeat, then the grace, then a timer sweep.
    await until(() => alice.named('CallEnded').length > 0, 2_000 + graceMs + 3_000, 'CallEnded for alice');
    t.diagnostic(`CallEnded "disconnected" reached alice ${Date.now() - killedAt} ms after the kill`);
    await sleep(graceMs);
    assert.deepEqual(alice.named('CallEnded'), [[callId, 'disconnected']]);
    await refusedNotOnline(alice, ids.bob);
  });

  it("with the default timings: the dead node's users are offline within 15 s", async (t) => {
    // The worst case, killed just after a heartbeat: the whole dead-after passes, then the other
    // node's next heartbeat reaps it.
    const { a, b, afterBeatOfB } = await startPair({ THRUME_CALL_RATE_PER_MINUTE: '10000' }); // polled by calling
    const [alice] = [await connect(a, 'alice'), await connect(b, 'bob')];
    await afterBeatOfB();
    await b.kill();
    const killedAt = Date.now();

    // Bob looks online as long as a call to him rings (on a dead connection): end it and try again.
    for (;;) {
      const callId = await alice.connection.invoke<string | null>(
        'InitiateCallAsync',
        ids.bob,
        'voice',
        conversationAB,
      );
      if (callId === null) break;
      assert.ok(Date.now() < killedAt + 30_000, 'bob still online 30 s after B was killed');
      await alice.connection.invoke('EndCallAsync', callId);
      await sleep(250);
    }
    const goneAfterMs = Date.now() - killedAt;
    await until(() => alice.named('CallError').length > 0, 3_000, 'CallError for alice');
    assert.equal(alice.named('CallError')[0][0], refusalTexts['not-online']);
    t.diagnostic(`bob offline ${goneAfterMs} ms after B was killed`);
    assert.ok(goneAfterMs < 15_000, `bob was still online ${goneAfterMs} ms after B was killed`);
  });
});

describe('a hub node paused (SIGSTOP)', () => {
  it('longer than dead-after: handled as disconnected meanwhile, fenced when it resumes, then serves again', async () => {
    const graceMs = 1_500;
    const {
      redis,
      nodes: [a, b],
    } = await startCluster(2, { ...short, THRUME_RECONNECT_GRACE_MS: String(graceMs) });
    const admin = new Redis(redis.url);
    admins.push(admin);
    const [alice, bob] = [await connect(a, 'alice'), await connect(b, 'bob')];
    const callId = await connectedCall(alice, bob);
    process.kill(b.pid, 'SIGSTOP');

    const grace = `grace:${callId}:callee`;
    await until(async () => (await admin.zscore(keys.timers, grace)) !== null, 4_000, "bob's grace, started by A");
    await until(() => alice.named('CallEnded').length > 0, graceMs + 2_000, 'CallEnded for alice, B still paused');
    assert.deepEqual(alice.named('CallEnded'), [[callId, 'disconnected']]);
    assert.ok(logged(a, reaped), `A says it cleared B's connection:\n${a.output()}`);

    resume(b);
    await until(() => logged(b, fenced), 3_000, 'B to log that it was fenced');
    await until(() => bob.closed, 7_000, "bob's connection to B closed");
    await until(() => ready(b), 3_000, 'B ready again');
    await ring(alice, await connect(b, 'bob'));
  });

  it('not long enough to be reaped: a client that left meanwhile still gets the grace', async () => {
    // B holds itself not live from dead-after minus a heartbeat (2500 ms) after its last heartbeat; the
    // others reap it from dead-after (3000 ms). Paused for 2700 ms, it is neither live nor reaped.
    const env = {
      THRUME_NODE_HEARTBEAT_MS: '500',
      THRUME_NODE_DEAD_AFTER_MS: '3000',
      THRUME_RECONNECT_GRACE_MS: '1000',
    };
    const { a, b, afterBeatOfB } = await startPair(env);
    const [alice, bob] = [await connect(a, 'alice'), await connect(b, 'bob')];
    const callId = await connectedCall(alice, bob);
    await afterBeatOfB();
    process.kill(b.pid, 'SIGSTOP');
    const leaving = bob.connection.stop(); // B reads the close when it resumes
    await sleep(2_700);
    resume(b);
    await leaving;

    await until(() => alice.named('CallEnded').length > 0, 5_000, 'CallEnded for alice: bob left and did not rejoin');
    assert.deepEqual(alice.named('CallEnded'), [[callId, 'disconnected']]);
    await refusedNotOnline(alice, ids.bob);
  });
});

describe('Redis restarting', () => {
  const env = { THRUME_NODE_HEARTBEAT_MS: '500', THRUME_NODE_DEAD_AFTER_MS: '5000', THRUME_RECONNECT_GRACE_MS: '1000' };

  /** Two nodes on a Redis with its AOF, alice on A and bob on B in a connected call. */
  async function callOnTwoNodes() {
    const {
      redis,
      nodes: [a, b],
    } = await startCluster(2, env, { appendOnly: true });
    const [alice, bob] = [await connect(a, 'alice'), await connect(b, 'bob')];
    return { redis, a, b, alice, bob, callId: await connectedCall(alice, bob) };
  }

  it('with its AOF, within dead-after: a connected call goes on', async () => {
    const { redis, a, b, alice, bob, callId } = await callOnTwoNodes();
    await redis.kill();
    await sleep(1_000);
    await redis.restart();

    // ioredis reconnects within a second of Redis answering; each node is ready once it has beaten.
    await until(async () => (await ready(a)) && (await ready(b)), 5_000, 'both nodes ready after the restart');
    await signalingFlows(callId, alice, bob);
    assert.deepEqual([alice.closed, bob.closed], [false, false]);
    for (const node of [a, b]) assert.ok(!logged(node, fenced) && !logged(node, lostState), node.output());
    assert.deepEqual([...alice.named('CallEnded'), ...bob.named('CallEnded')], []);
  });

  it('with its AOF: a client that left while Redis was down still gets the grace, and goes offline', async () => {
    const { redis, a, b, alice, bob, callId } = await callOnTwoNodes();
    await redis.kill();
    await bob.connection.stop();
    await sleep(500);
    await redis.restart();

    await until(async () => (await ready(a)) && (await ready(b)), 5_000, 'both nodes ready after the restart');
    await until(() => alice.named('CallEnded').length > 0, 5_000, 'CallEnded for alice: bob left and did not rejoin');
    assert.deepEqual(alice.named('CallEnded'), [[callId, 'disconnected']]);
    await refusedNotOnline(alice, ids.bob);
  });

  it('without persistence: the nodes close their connections, and presence is rebuilt as clients return', async () => {
    const {
      redis,
      nodes: [a, b],
    } = await startCluster(2, short);
    const [alice, bob] = [await connect(a, 'alice'), await connect(b, 'bob')];
    await connectedCall(alice, bob);
    await redis.kill();
    await redis.restart();

    for (const node of [a, b]) await until(() => logged(node, lostState), 5_000, `${node.url} to log the lost state`);
    await until(() => alice.closed && bob.closed, 7_000, 'both connections closed');
    await until(async () => (await ready(a)) && (await ready(b)), 5_000, 'both nodes ready again');
    // The call was lost with Redis: nobody is left busy with it.
    await ring(await connect(a, 'alice'), await connect(b, 'bob'));
  });
});
