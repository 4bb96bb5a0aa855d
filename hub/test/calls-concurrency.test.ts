import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createHarness, ids, harnessTargets } from './support/call-harness.ts';

for (const target of harnessTargets)
  describe(`atomic check-and-create and rate limits (${target})`, () => {
    it('glare: alice -> bob and bob -> alice at the same moment, exactly one rings', async () => {
      for (let round = 0; round < 20; round++) {
        const h = await createHarness({ target });
        const alice = await h.connect('alice');
        const bob = await h.connect('bob');
        const results = await Promise.all([
          h.invoke(alice, 'InitiateCallAsync', ids.bob, 'voice', ''),
          h.invoke(bob, 'InitiateCallAsync', ids.alice, 'video', ''),
        ]);
        assert.equal(
          results.filter((r) => typeof r === 'string').length,
          1,
          `round ${round}: ${JSON.stringify(results)}`,
        );
        assert.equal(h.sender.to(alice, 'IncomingCall').length + h.sender.to(bob, 'IncomingCall').length, 1);
        assert.equal(
          [h.lastError(alice), h.lastError(bob)].filter((e) => e === 'User is not available for calls').length,
          1,
        );
        assert.equal((await h.calls.all()).length, 1);
        await h.close();
      }
    });

    it('two callers racing for the same callee: exactly one rings', async () => {
      const h = await createHarness({ target });
      const alice = await h.connect('alice');
      const carol = await h.connect('carol');
      const bob = await h.connect('bob');
      await Promise.all([
        h.invoke(alice, 'InitiateCallAsync', ids.bob, 'voice', ''),
        h.invoke(carol, 'InitiateCallAsync', ids.bob, 'voice', ''),
      ]);
      assert.equal(h.sender.args(bob, 'IncomingCall').length, 1);
      assert.equal((await h.calls.all()).length, 1);
      await h.close();
    });

    it('ending one call never frees the users of another (busy entries belong to their call)', async () => {
      const h = await createHarness({ target });
      const alice = await h.connect('alice');
      const bob = await h.connect('bob');
      const carol = await h.connect('carol');
      const first = await h.ring(alice, 'bob');
      await h.invoke(alice, 'EndCallAsync', first);
      const second = await h.ring(carol, 'alice');
      await h.invoke(bob, 'RejectCallAsync', first, null); // stale id
      assert.equal(h.lastError(bob), 'Call not found');
      assert.equal((await h.calls.activeCallOf(ids.alice))?.id, second);
      assert.equal((await h.calls.activeCallOf(ids.carol))?.id, second);
      await h.close();
    });

    it('limits InitiateCallAsync per user per rolling minute, counting invalid attempts too', async () => {
      const h = await createHarness({ target, callRatePerMinute: 3 });
      const alice = await h.connect('alice');
      const bob = await h.connect('bob');
      for (let i = 0; i < 3; i++) {
        await h.invoke(alice, 'InitiateCallAsync', 'bad id', 'voice', '');
        assert.equal(h.lastError(alice), 'Invalid callee ID');
      }
      assert.equal(await h.invoke(alice, 'InitiateCallAsync', ids.bob, 'voice', ''), null);
      assert.equal(h.lastError(alice), 'Rate limit exceeded');
      assert.equal(h.sender.args(bob, 'IncomingCall').length, 0);
      // The limit is per user: bob is not affected.
      assert.equal(typeof (await h.invoke(bob, 'InitiateCallAsync', ids.alice, 'voice', '')), 'string');
      await h.close();
    });
  });
