import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { canTransition, normalizeGuid, parseCallStatus } from '@thrume/calls-contract';
import {
  durationSeconds,
  MemoryActiveCallStore,
  MemoryLocks,
  MemoryRateLimiter,
  MemoryTimers,
  type Call,
} from '@thrume/calls-contract/rules';
import { sleep } from './support/call-harness.ts';

const call = (id: string, callerId: string, calleeId: string): Call => ({
  id,
  callerId,
  calleeId,
  callerUserName: 'x',
  type: 'Voice',
  rawCallType: 'voice',
  conversationId: '',
  status: 'Ringing',
  startedAt: new Date(0).toISOString(),
  connectedAt: null,
  endedAt: null,
  rejectionReason: null,
  endReason: null,
  callerConnectionId: 'c',
  calleeConnectionId: null,
});

describe('in-process state behind the interfaces', () => {
  it('MemoryActiveCallStore: create is refused while either user is busy; remove frees only its own entries', async () => {
    const store = new MemoryActiveCallStore();
    assert.equal(await store.create(call('1', 'a', 'b')), true);
    assert.equal(await store.create(call('2', 'c', 'b')), false);
    assert.equal(await store.create(call('3', 'a', 'd')), false);
    assert.equal(await store.create(call('4', 'c', 'd')), true);
    assert.equal((await store.remove('1'))?.id, '1');
    assert.equal(await store.activeCallOf('a'), null);
    assert.equal((await store.activeCallOf('c'))?.id, '4');
    assert.equal(await store.put(call('1', 'a', 'b')), false, 'a removed call cannot be put back');
    assert.equal(await store.remove('1'), null);
  });

  it('MemoryLocks: one task per key at a time, in arrival order, released after a throw', async () => {
    const locks = new MemoryLocks();
    const log: string[] = [];
    const task = (name: string, ms: number) => async () => {
      log.push(`start ${name}`);
      await sleep(ms);
      log.push(`end ${name}`);
    };
    await Promise.all([
      locks.run(['k'], task('1', 20)),
      locks.run(['k', 'other'], task('2', 1)),
      locks
        .run(['k'], async () => {
          throw new Error('boom');
        })
        .catch(() => log.push('threw')),
      locks.run(['k'], task('3', 1)),
    ]);
    assert.deepEqual(log, ['start 1', 'end 1', 'start 2', 'end 2', 'threw', 'start 3', 'end 3']);
    const parallel: string[] = [];
    await Promise.all([
      locks.run(['x'], async () => {
        parallel.push('x');
        await sleep(10);
      }),
      locks.run(['y'], async () => {
        parallel.push('y');
      }),
    ]);
    assert.deepEqual(parallel, ['x', 'y'], 'different keys do not wait for each other');
  });

  it('MemoryRateLimiter: a rolling window per key', async () => {
    let now = 0;
    const limiter = new MemoryRateLimiter(2, 60_000, () => now);
    assert.equal(await limiter.tryAcquire('a'), true);
    now = 30_000;
    assert.equal(await limiter.tryAcquire('a'), true);
    assert.equal(await limiter.tryAcquire('a'), false);
    assert.equal(await limiter.tryAcquire('b'), true);
    now = 60_000; // the first attempt has left the window
    assert.equal(await limiter.tryAcquire('a'), true);
    assert.equal(await limiter.tryAcquire('a'), false);
  });

  it('MemoryTimers: setting a name again replaces its timer; clear cancels; due tasks go to the handler', async () => {
    const timers = new MemoryTimers();
    const fired: string[] = [];
    timers.onDue(async (task) => void fired.push(task.callId));
    timers.set('t', 5, { kind: 'ring', callId: 'first' });
    timers.set('t', 10, { kind: 'ring', callId: 'second' });
    timers.set('u', 5, { kind: 'ring', callId: 'u' });
    timers.clear('u');
    await sleep(40);
    assert.deepEqual(fired, ['second']);
  });
});

describe('validation and the model', () => {
  it('normalizes GUIDs in the D, N, B and P forms and refuses the rest', () => {
    const d = 'a11ce000-0000-4000-8000-000000000001';
    for (const form of [d, d.toUpperCase(), `{${d}}`, `(${d})`, d.replaceAll('-', ''), ` ${d} `])
      assert.equal(normalizeGuid(form), d, form);
    for (const bad of [
      '',
      'a11ce000',
      `${d}-`,
      'a11ce000-0000-4000-8000-00000000000g',
      'a11ce0000-000-4000-8000-000000000001',
      7,
      null,
      {},
    ]) {
      assert.equal(normalizeGuid(bad), null, String(bad));
    }
  });

  it('parses statuses by name in any case or by their number 0-6 only', () => {
    assert.equal(parseCallStatus('connected'), 'Connected');
    assert.equal(parseCallStatus('6'), 'Failed');
    assert.equal(parseCallStatus('7'), null);
    assert.equal(parseCallStatus('-1'), null);
    assert.equal(parseCallStatus(3), null);
  });

  it('follows the state diagram', () => {
    assert.equal(canTransition('Ringing', 'Connected'), true);
    assert.equal(canTransition('Connected', 'Ringing'), false);
    assert.equal(canTransition('Connected', 'Missed'), false);
    assert.equal(canTransition('Ended', 'Connected'), false);
  });

  it('counts duration in whole seconds from connection to end', () => {
    assert.equal(durationSeconds({ connectedAt: '2026-01-01T00:00:00.000Z', endedAt: '2026-01-01T00:01:05.999Z' }), 65);
    assert.equal(durationSeconds({ connectedAt: null, endedAt: '2026-01-01T00:01:05.999Z' }), null);
  });
});
