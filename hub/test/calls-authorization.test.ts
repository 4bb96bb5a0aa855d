import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { createDirectory, demoDirectoryPath } from '../src/directory.ts';
import { conversationAB, conversationAC, createHarness, directory, ids } from './support/call-harness.ts';

const fixture = JSON.parse(readFileSync(demoDirectoryPath(), 'utf8')) as { expectations: Record<string, string> };
const names = directory.users().map((u) => u.userName);

/** Expands the fixture's expectations ("erin -> anyone", "x -> x") into concrete pairs. */
function expectedPairs(): Array<{ from: string; to: string; rings: boolean; why: string }> {
  const pairs: Array<{ from: string; to: string; rings: boolean; why: string }> = [];
  for (const [key, outcome] of Object.entries(fixture.expectations)) {
    const [from, to] = key.split('->').map((s) => s.trim()) as [string, string];
    const rings = outcome.startsWith('rings');
    assert.ok(rings || outcome.startsWith('refused'), `unexpected outcome text ${outcome}`);
    if (from === 'x' && to === 'x') for (const n of names) pairs.push({ from: n, to: n, rings, why: outcome });
    else if (to === 'anyone')
      for (const n of names.filter((n) => n !== from)) pairs.push({ from, to: n, rings, why: outcome });
    else if (from === 'anyone')
      for (const n of names.filter((n) => n !== to)) pairs.push({ from: n, to, rings, why: outcome });
    else pairs.push({ from, to, rings, why: outcome });
  }
  return pairs;
}

describe('who may call whom (demo directory expectations)', () => {
  const pairs = expectedPairs();
  it('covers every expectation of the fixture', () => {
    assert.ok(pairs.length >= 20, `only ${pairs.length} pairs`);
    assert.ok(pairs.some((p) => p.rings) && pairs.some((p) => !p.rings));
  });

  for (const { from, to, rings, why } of pairs) {
    it(`${from} -> ${to}: ${why}`, async () => {
      const h = await createHarness();
      try {
        const caller = await h.connect(from);
        const callee = from === to ? caller : await h.connect(to);
        const result = await h.invoke(caller, 'InitiateCallAsync', ids[to as keyof typeof ids], 'video', '');
        const incoming = h.sender.args(callee, 'IncomingCall');
        if (rings) {
          assert.equal(typeof result, 'string');
          assert.equal(incoming.length, 1);
          assert.equal(h.lastError(caller), undefined);
        } else {
          assert.equal(result, null);
          assert.equal(incoming.length, 0);
          // A refusal never says why: a block reads exactly like a busy or unwilling callee.
          assert.equal(h.lastError(caller), 'User is not available for calls');
          assert.equal((await h.calls.all()).length, 0);
        }
      } finally {
        await h.close();
      }
    });
  }
});

describe('InitiateCallAsync authorization details', () => {
  it('refuses "User is not online" when the callee has no connection', async () => {
    const h = await createHarness();
    const alice = await h.connect('alice');
    assert.equal(await h.invoke(alice, 'InitiateCallAsync', ids.bob, 'voice', conversationAB), null);
    assert.equal(h.lastError(alice), 'User is not online');
    await h.close();
  });

  it('does not reveal presence to a blocked caller', async () => {
    const h = await createHarness();
    const alice = await h.connect('alice');
    await h.invoke(alice, 'InitiateCallAsync', ids.dave, 'voice', ''); // dave offline and blocking alice
    assert.equal(h.lastError(alice), 'User is not available for calls');
    await h.close();
  });

  it('rings in the named conversation and echoes its id in IncomingCall', async () => {
    const h = await createHarness();
    const alice = await h.connect('alice');
    const bob = await h.connect('bob');
    const callId = await h.invoke(alice, 'InitiateCallAsync', ids.bob, 'Voice', conversationAB.toUpperCase());
    const [incoming] = h.sender.args(bob, 'IncomingCall')[0] as [Record<string, unknown>];
    assert.deepEqual(Object.keys(incoming).sort(), [
      'callId',
      'callType',
      'callerDisplayName',
      'callerId',
      'callerUsername',
      'conversationId',
      'offer',
      'timestamp',
    ]);
    assert.equal(incoming.callId, callId);
    assert.equal(incoming.callerId, ids.alice);
    assert.equal(incoming.callerUsername, 'alice');
    assert.equal(incoming.callerDisplayName, 'Alice Moreau'); // caller-profile: the directory's display name
    assert.equal(incoming.callType, 'Voice'); // the raw string the caller sent, as the baseline echoes it
    assert.equal(incoming.conversationId, conversationAB);
    assert.equal(incoming.offer, null);
    // .NET's round-trip format, as Thrume sends it: seven fractional digits.
    assert.match(String(incoming.timestamp), /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{7}Z$/);
    assert.ok(Math.abs(Date.parse(String(incoming.timestamp)) - Date.now()) < 5_000);
    await h.close();
  });

  it("adds the caller's picture to IncomingCall where the directory has one", async () => {
    const data = JSON.parse(readFileSync(demoDirectoryPath(), 'utf8')) as { users: Array<Record<string, unknown>> };
    data.users.find((u) => u.userName === 'alice')!.avatarUrl = 'https://pictures.example/alice.png';
    const h = await createHarness({ directory: createDirectory(data) });
    const alice = await h.connect('alice');
    const bob = await h.connect('bob');
    const carol = await h.connect('carol');
    await h.invoke(alice, 'EndCallAsync', await h.ring(alice, 'bob'));
    await h.ring(carol, 'bob');
    const [[fromAlice], [fromCarol]] = h.sender.args(bob, 'IncomingCall') as Array<[Record<string, unknown>]>;
    assert.equal(fromAlice.callerDisplayName, 'Alice Moreau');
    assert.equal(fromAlice.callerAvatarUrl, 'https://pictures.example/alice.png');
    assert.equal(fromCarol.callerDisplayName, 'Carol Lindqvist');
    assert.equal('callerAvatarUrl' in fromCarol, false, 'no picture in the directory, no field');
    assert.throws(
      () => createDirectory({ ...data, users: [{ ...data.users[0], avatarUrl: 42 }] }),
      /users\[0\]\.avatarUrl must be a non-empty string/,
    );
    await h.close();
  });

  it('refuses a conversation the two users do not share (no spoofed context)', async () => {
    const h = await createHarness();
    const alice = await h.connect('alice');
    const bob = await h.connect('bob');
    await h.invoke(alice, 'InitiateCallAsync', ids.bob, 'voice', conversationAC);
    assert.equal(h.lastError(alice), 'User is not available for calls');
    await h.invoke(alice, 'InitiateCallAsync', ids.bob, 'voice', 'not-a-guid');
    assert.equal(h.lastError(alice), 'User is not available for calls');
    assert.equal(h.sender.args(bob, 'IncomingCall').length, 0);
    await h.close();
  });

  it('compares GUIDs case-insensitively and accepts the braced and N forms', async () => {
    for (const form of [ids.bob.toUpperCase(), `{${ids.bob}}`, ids.bob.replaceAll('-', '')]) {
      const h = await createHarness();
      const alice = await h.connect('alice');
      const bob = await h.connect('bob');
      await h.invoke(alice, 'InitiateCallAsync', form, 'voice', '');
      assert.equal(h.sender.args(bob, 'IncomingCall').length, 1, form);
      await h.close();
    }
  });

  it('validates the callee id and the call type with the baseline texts', async () => {
    const h = await createHarness();
    const alice = await h.connect('alice');
    await h.connect('bob');
    for (const bad of ['bob', '', null, `${ids.bob}0`, 'zzzzzzzz-0000-4000-8000-000000000002']) {
      await h.invoke(alice, 'InitiateCallAsync', bad, 'voice', '');
      assert.equal(h.lastError(alice), 'Invalid callee ID', String(bad));
    }
    for (const bad of ['audio', '0', '1', '', null, 'screen']) {
      await h.invoke(alice, 'InitiateCallAsync', ids.bob, bad, '');
      assert.equal(h.lastError(alice), 'Invalid call type', String(bad));
    }
    assert.equal((await h.calls.all()).length, 0);
    await h.close();
  });

  it('fails the invocation for arguments that are not strings, and for a wrong argument count', async () => {
    const h = await createHarness();
    const alice = await h.connect('alice');
    await h.connect('bob');
    await assert.rejects(h.invoke(alice, 'InitiateCallAsync', 42, 'voice', ''), /argument 1 must be a string/);
    await assert.rejects(
      h.invoke(alice, 'InitiateCallAsync', ids.bob, { type: 'voice' }, ''),
      /argument 2 must be a string/,
    );
    await assert.rejects(h.invoke(alice, 'InitiateCallAsync', ids.bob, 'voice'), /expects 3/);
    await assert.rejects(h.invoke(alice, 'RejectCallAsync', ids.bob), /expects 2/);
    assert.equal((await h.calls.all()).length, 0);
    await h.close();
  });

  it('applies saved settings: nobody, then a block, then lifting both', async () => {
    const h = await createHarness();
    const alice = await h.connect('alice');
    const bob = await h.connect('bob');
    await h.policy.updateSettings(ids.bob, { allowCalls: 'nobody', blockedUserIds: [] });
    await h.invoke(alice, 'InitiateCallAsync', ids.bob, 'voice', '');
    assert.equal(h.lastError(alice), 'User is not available for calls');
    await h.policy.updateSettings(ids.bob, { allowCalls: 'everyone', blockedUserIds: [ids.alice] });
    await h.invoke(bob, 'InitiateCallAsync', ids.alice, 'voice', ''); // the blocker cannot call either
    assert.equal(h.lastError(bob), 'User is not available for calls');
    await h.policy.updateSettings(ids.bob, { allowCalls: 'conversations', blockedUserIds: [] });
    h.sender.clear();
    await h.invoke(alice, 'InitiateCallAsync', ids.bob, 'voice', '');
    assert.equal(h.sender.args(bob, 'IncomingCall').length, 1);
    await h.close();
  });
});
