import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { ids } from './support/call-harness.ts';
import { startTestServer, type TestServer } from './support/hub-server.ts';

interface HistoryBody {
  calls: Array<Record<string, unknown>>;
  totalCount: number;
  page: number;
  pageSize: number;
  totalPages: number;
}

/** alice calls bob; bob accepts; after `seconds` alice hangs up. Returns the call id. */
async function talk(s: TestServer, seconds: number): Promise<string> {
  const alice = await s.connect('alice');
  const bob = await s.connect('bob');
  const result = await s.invoke(alice, 'InitiateCallAsync', ids.bob, 'video', '');
  // The baseline returns null: take the id from the active call instead.
  const callId = (result as string | null) ?? (await s.hub.hub.rules.options.calls.activeCallOf(ids.alice))!.id;
  assert.equal(typeof callId, 'string');
  s.clock.advance(2_000);
  await s.invoke(bob, 'AcceptCallAsync', callId);
  s.clock.advance(seconds * 1000 + 400);
  await s.invoke(alice, 'EndCallAsync', callId);
  s.clock.advance(60_000);
  return callId;
}

describe('REST call endpoints', () => {
  let s: TestServer;
  let alice: string;
  let bob: string;
  let carol: string;
  const talked: string[] = [];
  before(async () => {
    s = await startTestServer();
    [alice, bob, carol] = await Promise.all([s.token('alice'), s.token('bob'), s.token('carol')]);
    for (let i = 0; i < 5; i++) talked.push(await talk(s, 10 + i));
  });
  after(() => s.close());

  it("GET /api/call/history pages newest first in Thrume's shape", async () => {
    const res = await s.get('/api/call/history?page=1&pageSize=2', alice);
    assert.equal(res.status, 200);
    const body = (await res.json()) as HistoryBody;
    assert.deepEqual(
      { ...body, calls: body.calls.length },
      { calls: 2, totalCount: 5, page: 1, pageSize: 2, totalPages: 3 },
    );
    assert.deepEqual(
      body.calls.map((c) => c.id),
      [talked[4], talked[3]],
    );
    const first = body.calls[0];
    assert.deepEqual(Object.keys(first), [
      'id',
      'callerId',
      'calleeId',
      'type',
      'status',
      'startedAt',
      'connectedAt',
      'endedAt',
      'duration',
      'rejectionReason',
      'endReason',
    ]);
    assert.equal(first.callerId, ids.alice);
    assert.equal(first.calleeId, ids.bob);
    assert.equal(first.type, 'Video');
    assert.equal(first.status, 'Ended');
    assert.equal(first.duration, 14, 'whole seconds from ConnectedAt to EndedAt');
    assert.equal(first.endReason, 'hangup');
    assert.equal(first.rejectionReason, null);
    assert.equal(Date.parse(first.connectedAt as string) - Date.parse(first.startedAt as string), 2_000);
    const last = (await (await s.get('/api/call/history?page=3&pageSize=2', alice)).json()) as HistoryBody;
    assert.deepEqual(
      last.calls.map((c) => c.id),
      [talked[0]],
    );
    const beyond = (await (await s.get('/api/call/history?page=9&pageSize=2', bob)).json()) as HistoryBody;
    assert.equal(beyond.calls.length, 0);
    assert.equal(beyond.totalCount, 5, 'the callee sees the same calls');
    const defaults = (await (await s.get('/api/call/history', alice)).json()) as HistoryBody;
    assert.equal(defaults.pageSize, 20);
    assert.equal(defaults.calls.length, 5);
    assert.equal(((await (await s.get('/api/call/history', carol)).json()) as HistoryBody).totalCount, 0);
  });

  it('history rejects bad paging with 400', async () => {
    for (const query of ['page=0', 'page=-1', 'page=abc', 'pageSize=0', 'pageSize=101', 'pageSize=1.5']) {
      const res = await s.get(`/api/call/history?${query}`, alice);
      assert.equal(res.status, 400, query);
      assert.match(((await res.json()) as { error: string }).error, /page/i);
    }
  });

  it('GET /api/call/{id}: the participants read it, others get 403, unknown ids 404', async () => {
    const id = talked[0];
    const res = await s.get(`/api/call/${id.toUpperCase()}`, bob);
    assert.equal(res.status, 200);
    assert.equal(((await res.json()) as { id: string }).id, id);
    assert.equal((await s.get(`/api/call/${id}`, carol)).status, 403);
    assert.equal((await s.get('/api/call/00000000-0000-4000-8000-00000000dead', alice)).status, 404);
    assert.equal((await s.get('/api/call/not-a-guid', alice)).status, 404);
    assert.equal((await s.post(`/api/call/${id}`, {}, alice)).status, 405);
  });

  it('GET /api/call/active follows a call from ringing to the end', async () => {
    assert.deepEqual(await (await s.get('/api/call/active', alice)).json(), { hasActiveCall: false });
    const a = await s.connect('alice');
    const b = await s.connect('bob');
    const callId = (await s.invoke(a, 'InitiateCallAsync', ids.bob, 'voice', '')) as string;
    const ringing = (await (await s.get('/api/call/active', bob)).json()) as {
      hasActiveCall: boolean;
      call: Record<string, unknown>;
    };
    assert.equal(ringing.hasActiveCall, true);
    assert.deepEqual(Object.keys(ringing.call), [
      'id',
      'callerId',
      'calleeId',
      'type',
      'status',
      'startedAt',
      'connectedAt',
    ]);
    assert.equal(ringing.call.id, callId);
    assert.equal(ringing.call.status, 'Ringing');
    assert.equal(ringing.call.type, 'Voice');
    assert.equal((await s.get(`/api/call/${callId}`, alice)).status, 200, 'an active call is readable too');
    await s.invoke(b, 'AcceptCallAsync', callId);
    assert.equal(
      ((await (await s.get('/api/call/active', alice)).json()) as { call: { status: string } }).call.status,
      'Connected',
    );
    await s.invoke(b, 'EndCallAsync', callId);
    assert.deepEqual(await (await s.get('/api/call/active', alice)).json(), { hasActiveCall: false });
  });

  it('POST /api/call/permissions takes effect on the next call', async () => {
    const a = await s.connect('alice');
    await s.connect('bob');
    const res = await s.post('/api/call/permissions', { allowCalls: 'nobody' }, bob);
    assert.equal(res.status, 200);
    assert.deepEqual(await res.json(), { allowCalls: 'nobody', blockedUserIds: [] });
    assert.equal(await s.invoke(a, 'InitiateCallAsync', ids.bob, 'voice', ''), null);
    const blocked = await s.post(
      '/api/call/permissions',
      { allowCalls: 'everyone', blockedUserIds: [ids.alice.toUpperCase(), ids.alice] },
      bob,
    );
    assert.deepEqual(await blocked.json(), { allowCalls: 'everyone', blockedUserIds: [ids.alice] });
    assert.equal(await s.invoke(a, 'InitiateCallAsync', ids.bob, 'voice', ''), null);
    assert.deepEqual(await (await s.get('/api/call/permissions', bob)).json(), {
      allowCalls: 'everyone',
      blockedUserIds: [ids.alice],
    });
    await s.post('/api/call/permissions', { blockedUserIds: [] }, bob);
    const callId = await s.invoke(a, 'InitiateCallAsync', ids.bob, 'voice', '');
    assert.equal(typeof callId, 'string');
    await s.invoke(a, 'EndCallAsync', callId);
  });

  it('permissions: 400 with a message for malformed bodies, 401 without a token', async () => {
    const bad: unknown[] = [
      '{oops',
      '[]',
      {},
      { allowCalls: 'friends' },
      { allowCalls: 1 },
      { blockedUserIds: 'x' },
      { blockedUserIds: ['bob'] },
      { blockedUserIds: [null] },
    ];
    for (const body of bad) {
      const res = await s.post('/api/call/permissions', body, carol);
      assert.equal(res.status, 400, JSON.stringify(body));
      assert.ok(((await res.json()) as { error: string }).error.length > 5);
    }
    assert.equal((await s.post('/api/call/permissions', 'x'.repeat(20_000), carol)).status, 413);
    assert.equal((await s.post('/api/call/permissions', { allowCalls: 'nobody' })).status, 401);
    // carol's directory setting (nobody) is unchanged by the refused updates
    assert.deepEqual(await (await s.get('/api/call/permissions', carol)).json(), {
      allowCalls: 'nobody',
      blockedUserIds: [],
    });
  });

  it('GET /api/call/ice-servers without a TURN secret: STUN only', async () => {
    const res = await s.get('/api/call/ice-servers', alice);
    assert.deepEqual(await res.json(), { iceServers: [{ urls: ['stun:stun.l.google.com:19302'] }], ttlSeconds: 3600 });
  });
});

describe('ICE servers with a TURN secret', () => {
  let s: TestServer;
  before(async () => {
    s = await startTestServer({
      THRUME_TURN_SECRET: 'coturn-shared-secret',
      THRUME_TURN_URLS: 'turn:turn.example.org:3478?transport=udp, turns:turn.example.org:5349',
      THRUME_TURN_TTL_SECONDS: '600',
      THRUME_STUN_URLS: 'stun:stun.example.org:3478',
    });
  });
  after(() => s.close());

  it('issues time-limited TURN credentials (coturn --use-auth-secret)', async () => {
    const body = (await (await s.get('/api/call/ice-servers', await s.token('bob'))).json()) as {
      iceServers: Array<{ urls: string[]; username?: string; credential?: string }>;
      ttlSeconds: number;
    };
    assert.equal(body.ttlSeconds, 600);
    assert.deepEqual(body.iceServers[0], { urls: ['stun:stun.example.org:3478'] });
    const turn = body.iceServers[1];
    assert.deepEqual(turn.urls, ['turn:turn.example.org:3478?transport=udp', 'turns:turn.example.org:5349']);
    assert.equal(turn.username, `${Math.floor(s.clock.time / 1000) + 600}:${ids.bob}`);
    assert.equal(turn.credential, createHmac('sha1', 'coturn-shared-secret').update(turn.username).digest('base64'));
  });
});

describe('REST in baseline mode', () => {
  it('has no ice-servers endpoint (an extension) and no endReason in history', async () => {
    const s = await startTestServer({ THRUME_HUB_MODE: 'baseline' });
    try {
      const token = await s.token('alice');
      assert.equal((await s.get('/api/call/ice-servers', token)).status, 404);
      await talk(s, 3);
      const body = (await (await s.get('/api/call/history', token)).json()) as HistoryBody;
      assert.equal(body.calls.length, 1);
      assert.equal('endReason' in body.calls[0], false);
      assert.equal(body.calls[0].duration, 3);
    } finally {
      await s.close();
    }
  });
});
