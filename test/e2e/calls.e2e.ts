// End to end: two (or three) people in separate Chromium contexts, on the demo pages, through the
// real hub, using only the elements' own buttons; in both hub modes, and (the aspnet leg) against
// Microsoft's SignalR server hosting Thrume's ChatHub, signed in by cookie.
import { after, afterEach, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import {
  closeBrowser,
  remoteVideoShows,
  stackTargets,
  startStack,
  stateOf,
  users,
  waitForState,
  type Stack,
} from './stack.ts';

const active = (s: { status: string }) => s.status === 'active';
const ended = (s: { status: string }) => s.status === 'ended';

async function call(caller: Page, calleeName: string, type: 'Video' | 'Voice' = 'Video'): Promise<void> {
  await caller.getByRole('button', { name: `${type} call with ${calleeName}` }).click();
}

async function answer(callee: Page): Promise<void> {
  const dialog = callee.getByRole('alertdialog');
  await dialog.waitFor();
  await dialog.getByRole('button', { name: 'Accept', exact: true }).click();
}

async function released(...pages: Page[]): Promise<void> {
  for (const page of pages) assert.equal((await stateOf(page)).liveLocalTracks, 0);
}

after(closeBrowser);

for (const target of stackTargets()) {
  const mode = target === 'aspnet' ? 'baseline' : target;
  describe(`calls through the hub (${target})`, () => {
    let stack: Stack;
    before(async () => {
      stack = await startStack(target, { THRUME_RING_TIMEOUT_MS: '4000' });
    });
    after(() => stack.close());

    const person = (name: string, withUser?: string) => stack.open(name, withUser);
    afterEach(() => stack.closePages());

    it('connects a video call with frames both ways, shows mute, shares the screen, and hangs up', async () => {
      const alice = await person('alice', 'bob');
      const bob = await person('bob', 'alice');
      await call(alice, users.bob.displayName);
      // By the name the demo page knows, whatever the hub said (the baseline says "alice").
      await bob.getByRole('alertdialog', { name: `Incoming call ${users.alice.displayName}` }).waitFor();
      await answer(bob);
      await Promise.all([waitForState(alice, active), waitForState(bob, active)]);
      await bob.getByRole('region', { name: `Call with ${users.alice.displayName}` }).waitFor();
      await Promise.all([remoteVideoShows(alice, 'camera'), remoteVideoShows(bob, 'camera')]);

      await alice.getByRole('button', { name: 'Mute microphone' }).click();
      await waitForState(bob, (s) => s.remoteControls.muted);

      await alice.getByRole('button', { name: 'Share screen' }).click();
      await waitForState(bob, (s) => s.remoteControls.screenSharing);
      await remoteVideoShows(bob, 'screen');

      await bob.getByRole('button', { name: 'Hang up' }).click();
      assert.equal((await waitForState(alice, ended)).endReason, 'remote-hangup');
      assert.equal((await stateOf(bob)).endReason, 'hangup');
      await released(alice, bob);
    });

    it("hangs up from the caller's side too", async () => {
      const alice = await person('alice', 'bob');
      const bob = await person('bob', 'alice');
      await call(alice, users.bob.displayName, 'Voice');
      await answer(bob);
      await Promise.all([waitForState(alice, active), waitForState(bob, active)]);
      await alice.getByRole('button', { name: 'Hang up' }).click();
      assert.equal((await waitForState(bob, ended)).endReason, 'remote-hangup');
      await released(alice, bob);
    });

    it('declines: the caller sees it was declined', async () => {
      const alice = await person('alice', 'bob');
      const bob = await person('bob', 'alice');
      await call(alice, users.bob.displayName);
      const dialog = bob.getByRole('alertdialog');
      await dialog.waitFor();
      await dialog.getByRole('button', { name: 'Decline' }).click();
      assert.equal((await waitForState(alice, ended)).endReason, 'declined');
      await dialog.waitFor({ state: 'hidden' });
      await released(alice, bob);
    });

    it('cancels while ringing', async () => {
      const alice = await person('alice', 'bob');
      const bob = await person('bob', 'alice');
      await call(alice, users.bob.displayName);
      await bob.getByRole('alertdialog').waitFor();
      await alice.getByRole('button', { name: 'Cancel call' }).click();
      assert.equal((await waitForState(alice, ended)).endReason, 'cancelled');
      // The baseline hub never tells the callee; the dialog goes at the ring timeout instead.
      const gone = await waitForState(bob, (s) => s.status === 'idle', mode === 'extended' ? 5000 : 60_000);
      assert.equal(gone.historyReasons[0], mode === 'extended' ? 'cancelled' : 'missed');
      await released(alice, bob);
    });

    it('refuses a call to someone already in a call', async () => {
      const alice = await person('alice', 'bob');
      const bob = await person('bob', 'alice');
      const dave = await person('dave', 'bob');
      await call(alice, users.bob.displayName, 'Voice');
      await answer(bob);
      await waitForState(bob, active);
      await call(dave, users.bob.displayName, 'Voice');
      const refused = await waitForState(dave, ended);
      assert.equal(refused.errorCode, 'USER_UNAVAILABLE');
      assert.equal((await stateOf(bob)).status, 'active');
      await bob.getByRole('button', { name: 'Hang up' }).click();
      await waitForState(alice, ended);
      await released(alice, bob, dave);
    });

    it('ends an unanswered call as missed', async () => {
      const alice = await person('alice', 'bob');
      const bob = await person('bob', 'alice');
      await call(alice, users.bob.displayName);
      await bob.getByRole('alertdialog').waitFor();
      const missed = await waitForState(alice, ended, 60_000);
      assert.equal(missed.endReason, 'missed');
      await waitForState(bob, (s) => s.status === 'idle', 60_000);
      await released(alice, bob);
    });

    it("stops ringing on the callee's other window when one answers", async () => {
      const alice = await person('alice', 'bob');
      const bobPhone = await person('bob', 'alice');
      const bobLaptop = await person('bob', 'alice');
      await call(alice, users.bob.displayName, 'Voice');
      await bobPhone.getByRole('alertdialog').waitFor();
      await answer(bobLaptop);
      await waitForState(alice, active);
      if (mode === 'extended') {
        const dismissed = await waitForState(bobPhone, (s) => s.status === 'idle');
        assert.equal(dismissed.historyReasons[0], 'answered-elsewhere');
      }
      await alice.getByRole('button', { name: 'Hang up' }).click();
      await waitForState(bobLaptop, ended);
      await released(alice, bobPhone, bobLaptop);
    });
  });
}
