import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { answer, candidate, createHarness, ids, offer, sleep, harnessTargets } from './support/call-harness.ts';

const baseline = { extensions: false } as const;

for (const target of harnessTargets)
  describe(`THRUME_HUB_MODE=baseline (Thrume's ChatHub without its holes) (${target})`, () => {
    it('InitiateCallAsync returns null; the caller learns the id from CallRinging', async () => {
      const h = await createHarness({ target, ...baseline });
      const alice = await h.connect('alice');
      const bob = await h.connect('bob');
      assert.equal(await h.invoke(alice, 'InitiateCallAsync', ids.bob, 'voice', ''), null);
      const [[callId]] = h.sender.args(alice, 'CallRinging') as [[string]];
      assert.equal((h.sender.args(bob, 'IncomingCall')[0]?.[0] as { callId: string }).callId, callId);
      await h.close();
    });

    it("IncomingCall is Thrume's object exactly: the user name, no display name or picture", async () => {
      const h = await createHarness({ target, ...baseline });
      const alice = await h.connect('alice');
      const bob = await h.connect('bob');
      const callId = await h.ring(alice, 'bob');
      const [incoming] = h.sender.args(bob, 'IncomingCall')[0] as [Record<string, unknown>];
      assert.deepEqual(
        { ...incoming, timestamp: 'T' },
        {
          callId,
          callerId: ids.alice,
          callerUsername: 'alice',
          callType: 'voice',
          conversationId: '',
          timestamp: 'T',
          offer: null,
        },
      );
      await h.close();
    });

    it('GetHubInfoAsync and RejoinCallAsync do not exist', async () => {
      const h = await createHarness({ target, ...baseline });
      const alice = await h.connect('alice');
      await assert.rejects(h.invoke(alice, 'GetHubInfoAsync'), /Method does not exist/);
      await assert.rejects(h.invoke(alice, 'RejoinCallAsync', ids.bob), /Method does not exist/);
      assert.deepEqual(Object.keys(h.hub.methods).sort(), [
        'AcceptCallAsync',
        'EndCallAsync',
        'InitiateCallAsync',
        'RejectCallAsync',
        'SendAnswerAsync',
        'SendIceCandidateAsync',
        'SendOfferAsync',
        'UpdateCallStatusAsync',
      ]);
      await h.close();
    });

    it('hang up: CallEnded(callId) with no reason to both bound connections, the sender included', async () => {
      const h = await createHarness({ target, ...baseline });
      const alice = await h.connect('alice');
      const bob = await h.connect('bob');
      const callId = await h.ring(alice, 'bob');
      await h.invoke(bob, 'AcceptCallAsync', callId);
      await h.invoke(alice, 'EndCallAsync', callId);
      assert.deepEqual(h.sender.args(alice, 'CallEnded'), [[callId]]);
      assert.deepEqual(h.sender.args(bob, 'CallEnded'), [[callId]]);
      await h.close();
    });

    it('no elsewhere notices: accept and reject tell only the caller and the accepting connection', async () => {
      const h = await createHarness({ target, ...baseline });
      const alice = await h.connect('alice');
      const bob1 = await h.connect('bob');
      const bob2 = await h.connect('bob');
      let callId = await h.ring(alice, 'bob');
      await h.invoke(bob1, 'AcceptCallAsync', callId);
      assert.deepEqual(h.sender.args(bob2, 'CallEnded'), []);
      await h.invoke(bob2, 'AcceptCallAsync', callId); // still refused: the takeover is a hole (B4)
      assert.equal(h.lastError(bob2), 'Call already accepted');
      await h.invoke(bob1, 'EndCallAsync', callId);
      callId = await h.ring(alice, 'bob');
      await h.invoke(bob1, 'RejectCallAsync', callId, null);
      assert.deepEqual(h.sender.args(alice, 'CallRejected').at(-1), [callId, null]);
      assert.equal(h.sender.args(bob2, 'CallEnded').length, 0);
      await h.close();
    });

    it('cancel while ringing echoes to the caller only (the baseline cannot reach the callee)', async () => {
      const h = await createHarness({ target, ...baseline });
      const alice = await h.connect('alice');
      const bob = await h.connect('bob');
      const callId = await h.ring(alice, 'bob');
      await h.invoke(alice, 'EndCallAsync', callId);
      assert.deepEqual(h.sender.args(alice, 'CallEnded'), [[callId]]);
      assert.deepEqual(h.sender.args(bob, 'CallEnded'), []);
      await h.invoke(bob, 'AcceptCallAsync', callId);
      assert.equal(h.lastError(bob), 'Call not found');
      await h.close();
    });

    it('offers only caller to callee, answers only callee to caller; refusals are silent', async () => {
      const h = await createHarness({ target, ...baseline });
      const alice = await h.connect('alice');
      const bob = await h.connect('bob');
      const bob2 = await h.connect('bob');
      const callId = await h.ring(alice, 'bob');
      await h.invoke(bob, 'AcceptCallAsync', callId);
      await h.invoke(bob, 'SendOfferAsync', callId, offer);
      await h.invoke(alice, 'SendAnswerAsync', callId, answer);
      await h.invoke(bob2, 'SendIceCandidateAsync', callId, candidate);
      await h.invoke(alice, 'SendOfferAsync', callId, 'not json');
      await h.invoke(alice, 'UpdateCallStatusAsync', callId, 'Ringing');
      assert.deepEqual(h.sender.args(alice, 'ReceiveOffer'), []);
      assert.deepEqual(h.sender.args(bob, 'ReceiveAnswer'), []);
      assert.deepEqual(h.sender.args(alice, 'ReceiveIceCandidate'), []);
      assert.deepEqual(h.sender.args(bob, 'ReceiveOffer'), []);
      for (const c of [alice, bob, bob2]) assert.equal(h.lastError(c), undefined);
      await h.invoke(alice, 'SendOfferAsync', callId, offer);
      await h.invoke(bob, 'SendAnswerAsync', callId, answer);
      await h.invoke(bob, 'SendIceCandidateAsync', callId, candidate);
      assert.deepEqual(h.sender.args(bob, 'ReceiveOffer'), [[callId, offer]]);
      assert.deepEqual(h.sender.args(alice, 'ReceiveAnswer'), [[callId, answer]]);
      assert.deepEqual(h.sender.args(alice, 'ReceiveIceCandidate'), [[callId, candidate]]);
      await h.close();
    });

    it('UpdateCallStatusAsync(Ended) tells the peer with the baseline CallEnded (Thrume told nobody)', async () => {
      const h = await createHarness({ target, ...baseline });
      const alice = await h.connect('alice');
      const bob = await h.connect('bob');
      const callId = await h.ring(alice, 'bob');
      await h.invoke(bob, 'AcceptCallAsync', callId);
      await h.invoke(bob, 'UpdateCallStatusAsync', callId, 'ended');
      assert.deepEqual(h.sender.args(alice, 'CallEnded'), [[callId]]);
      assert.equal((await h.store.get(callId))?.status, 'Ended');
      await h.close();
    });

    it('a bound connection that closes ends the call at once, and both users are free again', async () => {
      const h = await createHarness({ target, ...baseline, reconnectGraceMs: 10_000 });
      const alice = await h.connect('alice');
      const bob = await h.connect('bob');
      const callId = await h.ring(alice, 'bob');
      await h.invoke(bob, 'AcceptCallAsync', callId);
      await h.disconnect(bob);
      assert.deepEqual(h.sender.args(alice, 'CallEnded'), [[callId]]);
      assert.equal((await h.store.get(callId))?.endReason, 'disconnected');
      await h.connect('bob');
      await h.ring(alice, 'bob');
      await h.close();
    });

    it('an unanswered call is ended silently after twice the ring timeout (no Missed event, nobody busy)', async () => {
      const h = await createHarness({ target, ...baseline, ringTimeoutMs: 150 });
      const alice = await h.connect('alice');
      const bob = await h.connect('bob');
      const callId = await h.ring(alice, 'bob');
      await sleep(160);
      assert.equal((await h.calls.get(callId))?.status, 'Ringing', "the clients' own ring timeout acts first");
      await sleep(300);
      assert.equal((await h.store.get(callId))?.status, 'Missed');
      assert.deepEqual(h.sender.args(alice, 'CallEnded'), []);
      assert.deepEqual(h.sender.args(bob, 'CallEnded'), []);
      await h.ring(alice, 'bob');
      await h.close();
    });

    it('keeps the fixes that close holes: authorization, validation, rate limit', async () => {
      const h = await createHarness({ target, ...baseline, callRatePerMinute: 2 });
      const alice = await h.connect('alice');
      await h.connect('dave');
      // dave shares no conversation with alice; the loopback lets anyone call anyone but themselves
      await h.invoke(alice, 'InitiateCallAsync', target === 'hub' ? ids.dave : ids.alice, 'voice', '');
      assert.equal(h.lastError(alice), 'User is not available for calls');
      await h.invoke(alice, 'InitiateCallAsync', ids.dave, '1', '');
      assert.equal(h.lastError(alice), 'Invalid call type');
      await h.invoke(alice, 'InitiateCallAsync', ids.dave, 'voice', '');
      assert.equal(h.lastError(alice), 'Rate limit exceeded');
      await h.close();
    });
  });
