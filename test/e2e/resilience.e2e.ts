// End to end: who may call whom (the directory's expectations), a dropped signaling connection
// mid-call, call history across a hub restart, and a call that outlives a graceful restart.
import { after, afterEach, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import type { CallState } from '../../src/services/call-state.js';
import directory from '../../hub/fixtures/demo-directory.json' with { type: 'json' };
import {
  closeBrowser,
  remoteVideoShows,
  startStack,
  stateOf,
  users,
  waitForState,
  type ProviderElement,
  type Stack,
} from './stack.ts';

after(closeBrowser);

/** The user's call history from the hub's REST API, newest first. */
async function historyOf(userName: string, stack: Stack) {
  const token = await stack.token(userName);
  const response = await fetch(`${stack.hub.url}/api/call/history?page=1&pageSize=50`, {
    headers: { authorization: `Bearer ${token}` },
  });
  return (
    (await response.json()) as {
      calls: { callerId: string; calleeId: string; status: string; endReason: string | null }[];
    }
  ).calls;
}

/** What GET /api/call/active says of the user's call: its status on the hub, or null for none. */
async function activeCallOf(userName: string, stack: Stack): Promise<string | null> {
  const response = await fetch(`${stack.hub.url}/api/call/active`, {
    headers: { authorization: `Bearer ${await stack.token(userName)}` },
  });
  const body = (await response.json()) as { hasActiveCall: boolean; call?: { status: string } };
  return body.hasActiveCall ? body.call!.status : null;
}

/** Places a call from the page's own controller; resolves with the error message, or null when it rang. */
function attempt(page: Page, calleeId: string): Promise<string | null> {
  return page.evaluate(async (id) => {
    const controller = document.querySelector<ProviderElement>('thrume-call-provider')!.controller;
    try {
      await controller.initiateCall(id, 'voice');
      return null;
    } catch (error) {
      return (error as Error).message;
    }
  }, calleeId);
}

/** The directory's expectations, expanded to concrete pairs ("anyone", "x -> x"). */
function expectedPairs(): { from: string; to: string; rings: boolean }[] {
  const names = directory.users.map((u) => u.userName);
  return Object.entries(directory.expectations).flatMap(([pair, outcome]) => {
    const [from, to] = pair.split(' -> ') as [string, string];
    const rings = outcome.startsWith('rings');
    if (from === 'x') return names.map((n) => ({ from: n, to: n, rings }));
    const froms = from === 'anyone' ? names.filter((n) => n !== to) : [from];
    const tos = to === 'anyone' ? names.filter((n) => n !== from) : [to];
    return froms.flatMap((f) => tos.map((t) => ({ from: f, to: t, rings })));
  });
}

for (const mode of ['extended', 'baseline'] as const) {
  describe(`who may call whom (${mode})`, () => {
    let stack: Stack;
    const pages: Record<string, Page> = {};
    before(async () => {
      stack = await startStack(mode);
      for (const name of Object.keys(users)) pages[name] = await stack.open(name);
    });
    after(() => stack.close());

    for (const { from, to, rings } of expectedPairs()) {
      it(`${from} -> ${to}: ${rings ? 'rings' : 'refused'}`, async () => {
        const error = await attempt(pages[from], users[to].id);
        if (!rings) {
          assert.equal(error, 'User is not available for calls');
          assert.notEqual((await stateOf(pages[to])).status, 'incoming');
          return;
        }
        assert.equal(error, null);
        await waitForState(pages[to], (s) => s.status === 'incoming');
        await pages[from].evaluate(() =>
          document.querySelector<ProviderElement>('thrume-call-provider')!.controller.endCall(),
        );
        await waitForState(pages[from], (s) => s.status === 'ended' && s.liveLocalTracks === 0);
        if (mode === 'extended') await waitForState(pages[to], (s) => s.status === 'idle');
        else
          await pages[to].evaluate(() =>
            document.querySelector<ProviderElement>('thrume-call-provider')!.controller.rejectCall(),
          );
      });
    }
  });
}

/** Records every signaling status the page goes through from now on (`signalingSeen`). */
function watchSignaling(page: Page): Promise<void> {
  return page.evaluate(() => {
    const controller = document.querySelector<ProviderElement>('thrume-call-provider')!.controller;
    const seen: string[] = ((window as typeof window & { signalingSeen: string[] }).signalingSeen = []);
    controller.addEventListener(
      'change',
      () => seen.at(-1) !== controller.state.signaling && seen.push(controller.state.signaling),
    );
  });
}

/** Breaks the page's SignalR WebSocket under the client, as a network blip does (the client reconnects). */
async function dropSignaling(page: Page): Promise<void> {
  await watchSignaling(page);
  await page.evaluate(() => {
    const controller = document.querySelector<ProviderElement>('thrume-call-provider')!.controller;
    (controller as unknown as { signaling: { transport: { socket: WebSocket } } }).signaling.transport.socket.close(
      4000,
      'test: network blip',
    );
  });
}

/** Waits until the page has been through a reconnect since `watchSignaling`, and is connected again. */
async function reconnected(page: Page, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let seen: string[] = [];
  while (Date.now() < deadline) {
    seen = await page.evaluate(() => (window as typeof window & { signalingSeen: string[] }).signalingSeen);
    if (seen.includes('reconnecting') && seen.at(-1) === 'connected') return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`No reconnect; signaling went through ${JSON.stringify(seen)}`);
}

describe('a dropped connection on the baseline hub', () => {
  let stack: Stack;
  before(async () => {
    stack = await startStack('baseline');
  });
  afterEach(() => stack.closePages());
  after(() => stack.close());

  it("ends the call cleanly on both sides, as Thrume's hub cannot re-bind it", async () => {
    const alice = await stack.open('alice', 'bob');
    const bob = await stack.open('bob', 'alice');
    await alice.getByRole('button', { name: `Voice call with ${users.bob.displayName}` }).click();
    await bob.getByRole('alertdialog').getByRole('button', { name: 'Accept', exact: true }).click();
    await Promise.all([
      waitForState(alice, (s) => s.status === 'active'),
      waitForState(bob, (s) => s.status === 'active'),
    ]);
    await dropSignaling(alice);
    const [atAlice, atBob] = await Promise.all(
      [alice, bob].map((p) => waitForState(p, (s) => s.status === 'ended' && s.liveLocalTracks === 0)),
    );
    assert.equal(atBob.endReason, 'remote-hangup');
    assert.equal(atAlice.endReason, 'remote-hangup');
    await waitForState(alice, (s) => s.signaling === 'connected', 10_000); // and alice can call again
  });
});

describe('a dropped connection and a hub restart (extended)', () => {
  let stack: Stack;
  before(async () => {
    stack = await startStack('extended', { THRUME_RECONNECT_GRACE_MS: '3000' });
  });
  afterEach(() => stack.closePages());
  after(() => stack.close());

  async function connect(): Promise<[Page, Page]> {
    const alice = await stack.open('alice', 'bob');
    const bob = await stack.open('bob', 'alice');
    await alice.getByRole('button', { name: `Video call with ${users.bob.displayName}` }).click();
    await bob.getByRole('alertdialog').getByRole('button', { name: 'Accept', exact: true }).click();
    await Promise.all([
      waitForState(alice, (s) => s.status === 'active'),
      waitForState(bob, (s) => s.status === 'active'),
    ]);
    return [alice, bob];
  }

  it("keeps the call when the caller's signaling drops and rejoins within the grace period", async () => {
    const [alice, bob] = await connect();
    await dropSignaling(alice);
    await reconnected(alice);
    await new Promise((resolve) => setTimeout(resolve, 4000)); // past the hub's 3 s grace
    assert.equal((await stateOf(alice)).status, 'active');
    assert.equal((await stateOf(bob)).status, 'active');
    await bob.getByRole('button', { name: 'Hang up' }).click();
    assert.equal((await waitForState(alice, (s) => s.status === 'ended')).endReason, 'remote-hangup');
  });

  it('keeps call history across a hub restart', async () => {
    const [alice, bob] = await connect();
    await alice.getByRole('button', { name: 'Hang up' }).click();
    await waitForState(bob, (s) => s.status === 'ended');
    await stack.restartHub();
    await Promise.all([alice, bob].map((p) => waitForState(p, (s) => s.signaling === 'connected', 30_000)));
    const history = await historyOf('alice', stack);
    assert.deepEqual(
      history.slice(0, 1).map((c) => [c.status, c.endReason, c.callerId, c.calleeId]),
      [['Ended', 'hangup', users.alice.id, users.bob.id]],
    );
  });
});

describe('a graceful hub restart in the middle of a call (extended)', () => {
  let stack: Stack;
  before(async () => {
    stack = await startStack('extended', { THRUME_RECONNECT_GRACE_MS: '15000' });
  });
  after(() => stack.close());

  it('media never stops, signaling resumes after the restart, and the history has one row for the call', async () => {
    const alice = await stack.open('alice', 'bob');
    const bob = await stack.open('bob', 'alice');
    const before = { alice: (await historyOf('alice', stack)).length, bob: (await historyOf('bob', stack)).length };
    await alice.getByRole('button', { name: `Video call with ${users.bob.displayName}` }).click();
    await bob.getByRole('alertdialog').getByRole('button', { name: 'Accept', exact: true }).click();
    await Promise.all([alice, bob].map((p) => waitForState(p, (s) => s.status === 'active')));
    await Promise.all([alice, bob].map((p) => remoteVideoShows(p, 'camera')));
    await Promise.all([alice, bob].map(recordInboundBitrate));
    await Promise.all([alice, bob].map(watchSignaling));

    await stack.restartHub(); // SIGTERM by PID: the hub suspends the call and closes with allowReconnect
    // Each client lost its connection and made a new one to the new hub process.
    await Promise.all([alice, bob].map((p) => reconnected(p, 30_000)));
    assert.deepEqual(
      await Promise.all(['alice', 'bob'].map((name) => activeCallOf(name, stack))),
      ['Connected', 'Connected'],
      'the new process resumed the call',
    );
    // Samples on both sides of the restart, however quick it was (quality is sampled once a second).
    await Promise.all(
      [alice, bob].map((p) =>
        p.waitForFunction(() => (window as InboundBitrateWindow).inboundKbps().length >= 3, undefined, {
          timeout: 10_000,
        }),
      ),
    );
    for (const page of [alice, bob]) {
      assert.equal((await stateOf(page)).status, 'active', 'the call goes on');
      const kbps = await page.evaluate(() => (window as InboundBitrateWindow).inboundKbps());
      assert.ok(kbps.length >= 3, `quality samples through the restart: ${kbps.join(',')}`);
      assert.ok(Math.min(...kbps) > 100, `media kept flowing through the restart (inbound kbps ${kbps.join(',')})`);
    }

    // Alice's new connection rejoined the call: the hub takes her hang-up at once. Had it not (the hub
    // refuses EndCallAsync from a connection not bound to the call), the call would stay active until
    // the 15 s grace ended it as `disconnected`.
    await alice.getByRole('button', { name: 'Hang up' }).click();
    assert.equal(
      (await waitForState(bob, (s) => s.status === 'ended' && s.liveLocalTracks === 0)).endReason,
      'remote-hangup',
    );
    const deadline = Date.now() + 5_000;
    for (;;) {
      const active = await Promise.all(['alice', 'bob'].map((name) => activeCallOf(name, stack)));
      if (!active.some(Boolean)) break;
      assert.ok(Date.now() < deadline, `the hub still has the call after alice's hang-up: ${active.join(', ')}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    for (const name of ['alice', 'bob'] as const) {
      const history = await historyOf(name, stack);
      assert.equal(history.length, before[name] + 1, `one row for the call in ${name}'s history`);
      assert.deepEqual([history[0].status, history[0].endReason], ['Ended', 'hangup']);
    }
  });

  /** What recordInboundBitrate keeps on the page's window. */
  type InboundBitrateWindow = typeof window & {
    lastQuality: CallState['quality'];
    recordQuality: () => void;
    inboundKbps: () => number[];
  };

  /** Records, in the page, every inbound bitrate the controller's quality samples report from now on. */
  function recordInboundBitrate(page: Page): Promise<void> {
    return page.evaluate(() => {
      const controller = document.querySelector<ProviderElement>('thrume-call-provider')!.controller;
      const samples: number[] = [];
      const page = window as InboundBitrateWindow; // functions as properties: tsx would wrap a named one in a helper the page lacks
      page.lastQuality = null;
      page.recordQuality = () => {
        const quality = controller.state.quality;
        if (quality !== null && quality !== page.lastQuality) samples.push(Math.round(quality.inboundKbps));
        page.lastQuality = quality;
      };
      controller.addEventListener('change', page.recordQuality);
      page.inboundKbps = () => [...samples]; // polled: reading must not stop the recording
    });
  }
});
