import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createHarness, offer, sleep, waitFor, harnessTargets } from './support/call-harness.ts';

for (const target of harnessTargets)
  describe(`reconnect grace and RejoinCallAsync (${target})`, () => {
    it('a participant who rejoins within the grace period keeps the call, on the new connection', async () => {
      const h = await createHarness({ target, reconnectGraceMs: 60 });
      const alice = await h.connect('alice');
      const bob = await h.connect('bob');
      const callId = await h.ring(alice, 'bob');
      await h.invoke(bob, 'AcceptCallAsync', callId);
      await h.disconnect(alice);
      const alice2 = await h.connect('alice');
      assert.deepEqual(await h.invoke(alice2, 'RejoinCallAsync', callId.toUpperCase()), {
        callId,
        status: 'Connected',
        role: 'caller',
      });
      await sleep(120);
      assert.equal((await h.calls.get(callId))?.status, 'Connected', 'the grace timer was cancelled');
      assert.deepEqual(h.sender.args(bob, 'CallEnded'), []);
      await h.invoke(bob, 'SendOfferAsync', callId, offer);
      assert.deepEqual(h.sender.args(alice2, 'ReceiveOffer'), [[callId, offer]]);
      // The old connection id no longer signals for the call (on a cluster its refusal goes nowhere: it is closed).
      await h.invoke(alice, 'SendOfferAsync', callId, offer);
      assert.deepEqual(h.sender.args(bob, 'ReceiveOffer'), []);
      if (target !== 'cluster') assert.equal(h.lastError(alice), 'Not authorized to signal for this call');
      await h.close();
    });

    it('the callee can rejoin too', async () => {
      const h = await createHarness({ target, reconnectGraceMs: 60 });
      const alice = await h.connect('alice');
      const bob = await h.connect('bob');
      const callId = await h.ring(alice, 'bob');
      await h.invoke(bob, 'AcceptCallAsync', callId);
      await h.disconnect(bob);
      const bob2 = await h.connect('bob');
      assert.deepEqual(await h.invoke(bob2, 'RejoinCallAsync', callId), {
        callId,
        status: 'Connected',
        role: 'callee',
      });
      await h.invoke(alice, 'SendOfferAsync', callId, offer);
      assert.deepEqual(h.sender.args(bob2, 'ReceiveOffer'), [[callId, offer]]);
      await sleep(100);
      assert.equal((await h.calls.get(callId))?.status, 'Connected');
      await h.close();
    });

    it('ends the call with "disconnected" when the grace period passes', async () => {
      const h = await createHarness({ target, reconnectGraceMs: 30 });
      const alice = await h.connect('alice');
      const bob = await h.connect('bob');
      const callId = await h.ring(alice, 'bob');
      await h.invoke(bob, 'AcceptCallAsync', callId);
      await h.disconnect(alice);
      assert.equal((await h.calls.get(callId))?.status, 'Connected', 'not ended at once');
      await waitFor(() => h.sender.args(bob, 'CallEnded').length > 0, 2_000, 'disconnected');
      assert.deepEqual(h.sender.args(bob, 'CallEnded'), [[callId, 'disconnected']]);
      const record = await h.store.get(callId);
      assert.equal(record?.status, 'Ended');
      assert.equal(record?.endReason, 'disconnected');
      const alice2 = await h.connect('alice');
      await assert.rejects(h.invoke(alice2, 'RejoinCallAsync', callId), /Call not found/);
      await h.close();
    });

    it('a caller gone while ringing: the callee devices get "disconnected" after the grace period', async () => {
      const h = await createHarness({ target, reconnectGraceMs: 30 });
      const alice = await h.connect('alice');
      const bob1 = await h.connect('bob');
      const bob2 = await h.connect('bob');
      const callId = await h.ring(alice, 'bob');
      await h.disconnect(alice);
      await waitFor(() => h.sender.args(bob2, 'CallEnded').length > 0, 2_000, 'disconnected');
      for (const bob of [bob1, bob2]) assert.deepEqual(h.sender.args(bob, 'CallEnded'), [[callId, 'disconnected']]);
      await h.close();
    });

    it('closing a connection that is not bound changes nothing', async () => {
      const h = await createHarness({ target, reconnectGraceMs: 20 });
      const alice = await h.connect('alice');
      const bob1 = await h.connect('bob');
      const bob2 = await h.connect('bob');
      const callId = await h.ring(alice, 'bob');
      await h.invoke(bob1, 'AcceptCallAsync', callId);
      await h.disconnect(bob2);
      await sleep(60);
      assert.equal((await h.calls.get(callId))?.status, 'Connected');
      await h.close();
    });

    it('refuses rejoin to a non-participant and for unknown calls', async () => {
      const h = await createHarness({ target });
      const alice = await h.connect('alice');
      await h.connect('bob');
      const carol = await h.connect('carol');
      const callId = await h.ring(alice, 'bob');
      await assert.rejects(h.invoke(carol, 'RejoinCallAsync', callId), /Not authorized to rejoin this call/);
      await assert.rejects(h.invoke(carol, 'RejoinCallAsync', 'x'), /Call not found/);
      assert.equal((await h.calls.get(callId))?.callerConnectionId, alice.connectionId);
      await h.close();
    });

    it('a ringing callee that rejoins learns the status without being bound', async () => {
      const h = await createHarness({ target });
      const alice = await h.connect('alice');
      await h.connect('bob');
      const callId = await h.ring(alice, 'bob');
      const bob2 = await h.connect('bob');
      assert.deepEqual(await h.invoke(bob2, 'RejoinCallAsync', callId), { callId, status: 'Ringing', role: 'callee' });
      assert.equal((await h.calls.get(callId))?.calleeConnectionId, null);
      await h.invoke(bob2, 'AcceptCallAsync', callId);
      assert.equal((await h.calls.get(callId))?.calleeConnectionId, bob2.connectionId);
      await h.close();
    });

    it('GetHubInfoAsync describes the extensions and the configured timings', async () => {
      const h = await createHarness({ target, ringTimeoutMs: 1234, reconnectGraceMs: 567 });
      const alice = await h.connect('alice');
      assert.deepEqual(await h.invoke(alice, 'gethubinfoasync'), {
        protocol: 'thrume-calls',
        version: 1,
        features: [
          'call-id-result',
          'end-reasons',
          'rejoin',
          'renegotiate-both-ways',
          'elsewhere',
          'ice-servers',
          'caller-profile',
          'refusal-codes',
        ],
        ringTimeoutMs: 1234,
        reconnectGraceMs: 567,
      });
      await h.close();
    });
  });
