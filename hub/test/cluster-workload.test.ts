// A randomised workload across three hub nodes on one Redis: scripted calls between eight users with
// one or two devices each, on random nodes, chosen by a seeded generator and bounded in count and time.
// Every event each connection receives is recorded, and the invariants of a correct cluster are checked
// on the record (docs/scale-design.md §5, shared/notes/scale-design.md): one terminal state per call,
// no call ringing twice, signaling delivered whole and in order, ring timeouts once, nobody left busy,
// and presence gone once everyone has left.

import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { HubConnectionBuilder, LogLevel, type HubConnection } from '@microsoft/signalr';
import { Redis } from 'ioredis';
import { startRedis } from '../../scripts/redis-process.mjs';
import { candidate, waitFor } from './support/call-harness.ts';
import { startTestServer, type TestServer } from './support/hub-server.ts';
import { recordEvents, type Events } from './support/recorded-events.ts';

const seed = Number(process.env.THRUME_WORKLOAD_SEED ?? 20261206);
const scenarios = 36;
const concurrent = 3;
const ringTimeoutMs = 700;
const conversationId = 'c0000000-0000-4000-8000-0000000000ff';
const users = Array.from({ length: 8 }, (_, i) => ({
  id: `0000000${i}-0000-4000-8000-00000000000${i}`,
  userName: `user${i}`,
  displayName: `User ${i}`,
}));

/** mulberry32: the same seed gives the same workload. */
function generator(state: number): () => number {
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Device {
  readonly user: (typeof users)[number];
  readonly node: number;
  readonly connection: HubConnection;
  /** Every event received, in order. */
  readonly events: Events;
}

/** The events of one call: each names it first (IncomingCall in its message). */
const of = (device: Device, event: string, callId: string) =>
  device.events.filter(
    ([name, args]) => name === event && (args[0] === callId || (args[0] as { callId?: string })?.callId === callId),
  );

describe('a randomised workload on three nodes', () => {
  let redis: Awaited<ReturnType<typeof startRedis>>;
  const nodes: TestServer[] = [];
  const devices: Device[] = [];
  const random = generator(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)];

  before(async () => {
    redis = await startRedis();
    const dir = mkdtempSync(path.join(tmpdir(), 'thrume-workload-'));
    const directory = path.join(dir, 'directory.json');
    const participantIds = users.map((u) => u.id);
    writeFileSync(directory, JSON.stringify({ users, conversations: [{ id: conversationId, participantIds }] }));
    const env = {
      THRUME_REDIS_URL: redis.url,
      THRUME_DIRECTORY: directory,
      THRUME_RING_TIMEOUT_MS: String(ringTimeoutMs),
      THRUME_CALL_RATE_PER_MINUTE: '10000',
    };
    for (let i = 0; i < 3; i++) nodes.push(await startTestServer(env));
    for (const user of users) {
      for (let n = 0; n < (random() < 0.4 ? 2 : 1); n++) devices.push(await connect(user, Math.floor(random() * 3)));
    }
  });
  after(async () => {
    await Promise.all(devices.map((d) => d.connection.stop()));
    for (const node of nodes) await node.close();
    await redis?.stop();
  });

  async function connect(user: (typeof users)[number], node: number): Promise<Device> {
    const response = await nodes[node].post('/api/auth/dev-token', { userId: user.id });
    const { accessToken } = (await response.json()) as { accessToken: string };
    const connection = new HubConnectionBuilder()
      .withUrl(`${nodes[node].hub.url}/chathub`, { accessTokenFactory: () => accessToken })
      .configureLogging(LogLevel.None)
      .build();
    const device: Device = { user, node, connection, events: recordEvents(connection) };
    await connection.start();
    return device;
  }

  it('keeps every invariant', async () => {
    const idle = new Set(users.map((u) => u.id));
    const inCall = new Set<string>();
    const pinned = new Map<string, number>();
    const outcomes: Record<string, number> = {};
    const connected: Array<{
      callId: string;
      caller: Device;
      callee: Device;
      sent: Record<'caller' | 'callee', string[]>;
    }> = [];
    const calls: Array<{ callId: string; caller: Device; ringing: Device[]; endedByCaller: boolean }> = [];
    const devicesOf = (userId: string) => devices.filter((d) => d.user.id === userId);
    const deadline = Date.now() + 60_000;

    const scenario = async (index: number) => {
      const free = users.filter((u) => idle.has(u.id));
      if (free.length < 2) return;
      const callerUser = pick(free);
      idle.delete(callerUser.id);
      // Now and then the callee is someone in a connected call: a refusal, and nobody changes state.
      // The call is pinned until the refusal is in, so that it cannot end first.
      const inCalls = users.filter((u) => inCall.has(u.id) && u.id !== callerUser.id);
      const busyCallee = index % 6 === 5 && inCalls.length > 0;
      const calleeUser = busyCallee ? pick(inCalls) : pick(free.filter((u) => u.id !== callerUser.id));
      if (busyCallee) pinned.set(calleeUser.id, (pinned.get(calleeUser.id) ?? 0) + 1);
      else idle.delete(calleeUser.id);
      const caller = pick(devicesOf(callerUser.id));
      const ringing = devicesOf(calleeUser.id);
      try {
        const callId = await caller.connection.invoke<string | null>(
          'InitiateCallAsync',
          calleeUser.id,
          'voice',
          conversationId,
        );
        if (busyCallee) {
          assert.equal(callId, null, 'a call to a user in a call is refused');
          outcomes.refused = (outcomes.refused ?? 0) + 1;
          return;
        }
        assert.ok(
          callId,
          `call ${index} refused: ${JSON.stringify(caller.events.filter(([n]) => n === 'CallError').at(-1))}`,
        );
        const call = { callId, caller, ringing, endedByCaller: false };
        calls.push(call);
        await waitFor(
          () => ringing.every((d) => of(d, 'IncomingCall', callId).length === 1),
          3_000,
          `call ${index} rings`,
        );
        const outcome = pick(['accept', 'accept', 'accept', 'reject', 'cancel', 'timeout'] as const);
        outcomes[outcome] = (outcomes[outcome] ?? 0) + 1;
        if (outcome === 'timeout') {
          await waitFor(
            () => of(caller, 'CallEnded', callId).length === 1,
            ringTimeoutMs + 3_000,
            `call ${index} times out`,
          );
          assert.deepEqual(of(caller, 'CallEnded', callId)[0][1], [callId, 'missed']);
        } else if (outcome === 'cancel') {
          call.endedByCaller = true;
          await caller.connection.invoke('EndCallAsync', callId);
          await waitFor(
            () => ringing.every((d) => of(d, 'CallEnded', callId).length === 1),
            3_000,
            `call ${index} cancelled`,
          );
        } else if (outcome === 'reject') {
          await pick(ringing).connection.invoke('RejectCallAsync', callId, 'busy');
          await waitFor(() => of(caller, 'CallRejected', callId).length === 1, 3_000, `call ${index} rejected`);
        } else {
          // Sometimes two devices accept at once: one wins, and the other hears it was answered elsewhere.
          const accepting = ringing.length > 1 && random() < 0.5 ? ringing : [pick(ringing)];
          await Promise.all(accepting.map((d) => d.connection.invoke('AcceptCallAsync', callId)));
          await waitFor(() => of(caller, 'CallAccepted', callId).length === 1, 3_000, `call ${index} accepted`);
          await waitFor(() => ringing.some((d) => of(d, 'CallConnected', callId).length === 1), 3_000, 'CallConnected');
          const callee = ringing.find((d) => of(d, 'CallConnected', callId).length === 1)!;
          const sent = { caller: [] as string[], callee: [] as string[] };
          connected.push({ callId, caller, callee, sent });
          const count = 3 + Math.floor(random() * 10);
          const send = async (from: Device, side: 'caller' | 'callee', base: number) => {
            for (let i = 0; i < count; i++) {
              const payload = candidate.replace('54400', String(base + i));
              sent[side].push(payload);
              await from.connection.invoke('SendIceCandidateAsync', callId, payload);
            }
          };
          await Promise.all([send(caller, 'caller', 10_000), send(callee, 'callee', 20_000)]);
          await waitFor(
            () =>
              of(callee, 'ReceiveIceCandidate', callId).length === count &&
              of(caller, 'ReceiveIceCandidate', callId).length === count,
            3_000,
            `call ${index}'s signaling`,
          );
          inCall.add(callerUser.id).add(calleeUser.id);
          await new Promise((resolve) => setTimeout(resolve, random() * 200));
          inCall.delete(callerUser.id);
          inCall.delete(calleeUser.id);
          await waitFor(() => !pinned.get(callerUser.id) && !pinned.get(calleeUser.id), 3_000, 'refusals in');
          const hangingUp = random() < 0.5 ? caller : callee;
          call.endedByCaller = hangingUp === caller;
          await hangingUp.connection.invoke('EndCallAsync', callId);
          const other = hangingUp === caller ? callee : caller;
          await waitFor(() => of(other, 'CallEnded', callId).length === 1, 3_000, `call ${index} hung up`);
        }
      } finally {
        idle.add(callerUser.id);
        if (busyCallee) pinned.set(calleeUser.id, pinned.get(calleeUser.id)! - 1);
        else idle.add(calleeUser.id);
      }
    };

    const running = new Set<Promise<void>>();
    for (let i = 0; i < scenarios && Date.now() < deadline; i++) {
      const run = scenario(i).finally(() => running.delete(run));
      running.add(run);
      if (running.size >= concurrent) await Promise.race(running);
    }
    await Promise.all(running);
    // Late events (a second ring timeout, a doubled CallEnded) would arrive within this.
    await new Promise((resolve) => setTimeout(resolve, ringTimeoutMs + 500));

    assert.ok(calls.length >= scenarios / 2, `only ${calls.length} calls were placed`);
    for (const { callId, caller, ringing, endedByCaller } of calls) {
      // One terminal state: the caller hears exactly one end, unless it ended the call itself (then none).
      const ends = of(caller, 'CallEnded', callId).length + of(caller, 'CallRejected', callId).length;
      assert.equal(ends, endedByCaller ? 0 : 1, `call ${callId}: ends heard by the caller`);
      for (const device of ringing) {
        assert.equal(of(device, 'IncomingCall', callId).length, 1, 'rings each device once');
        assert.ok(of(device, 'CallEnded', callId).length <= 1, 'ends each device at most once');
      }
    }
    for (const { callId, caller, callee, sent } of connected) {
      // Signaling whole, in order, only to the two bound connections.
      assert.deepEqual(
        of(callee, 'ReceiveIceCandidate', callId).map(([, args]) => args[1]),
        sent.caller,
      );
      assert.deepEqual(
        of(caller, 'ReceiveIceCandidate', callId).map(([, args]) => args[1]),
        sent.callee,
      );
      for (const device of devices)
        if (device !== caller && device !== callee)
          assert.equal(of(device, 'ReceiveIceCandidate', callId).length, 0, 'nobody else hears the signaling');
    }
    for (const kind of ['accept', 'timeout'])
      assert.ok((outcomes[kind] ?? 0) > 0, `no ${kind} in ${JSON.stringify(outcomes)}`);

    // Nobody is left busy, and no call is left in Redis.
    const admin = new Redis(redis.url);
    try {
      assert.deepEqual(await admin.keys('thrume:busy:*'), []);
      assert.deepEqual(await admin.keys('thrume:call:*'), []);
      assert.deepEqual(await admin.zrange('thrume:timers', 0, -1), []);
      // Presence converges: once everyone has left, no connection is listed.
      await Promise.all(devices.map((d) => d.connection.stop()));
      const deadlineForPresence = Date.now() + 5_000;
      while ((await admin.keys('thrume:user:*')).length > 0 && Date.now() < deadlineForPresence)
        await new Promise((resolve) => setTimeout(resolve, 50));
      assert.deepEqual(await admin.keys('thrume:user:*'), []);
      assert.deepEqual(await admin.keys('thrume:connection:*'), []);
    } finally {
      admin.disconnect();
    }
    console.log(`workload seed ${seed}: ${calls.length} calls, outcomes ${JSON.stringify(outcomes)}`);
  });
});
