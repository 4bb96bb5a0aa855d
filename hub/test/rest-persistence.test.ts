import assert from 'node:assert/strict';
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { SqlStore } from '../src/store/sql-store.ts';
import { ids } from './support/call-harness.ts';
import { removeDir, startTestServer, tempDataDir } from './support/hub-server.ts';

describe('history and settings in THRUME_DATA_DIR', () => {
  it('survive a restart', async () => {
    const dir = tempDataDir();
    try {
      let s = await startTestServer({ THRUME_DATA_DIR: dir });
      const a = await s.connect('alice');
      const b = await s.connect('bob');
      const callId = (await s.invoke(a, 'InitiateCallAsync', ids.bob, 'voice', '')) as string;
      await s.invoke(b, 'RejectCallAsync', callId, 'Busy');
      assert.equal(
        (await s.post('/api/call/permissions', { allowCalls: 'nobody' }, await s.token('erin'))).status,
        200,
      );
      await s.close();
      assert.ok(existsSync(path.join(dir, 'hub.sqlite')));
      assert.deepEqual(readdirSync(dir), ['hub.sqlite'], 'no temporary file left behind');

      s = await startTestServer({ THRUME_DATA_DIR: dir });
      try {
        const res = await s.get(`/api/call/${callId}`, await s.token('alice'));
        assert.equal(res.status, 200);
        const call = (await res.json()) as Record<string, unknown>;
        assert.equal(call.status, 'Rejected');
        assert.equal(call.rejectionReason, 'Busy');
        assert.deepEqual(await (await s.get('/api/call/permissions', await s.token('erin'))).json(), {
          allowCalls: 'nobody',
          blockedUserIds: [],
        });
      } finally {
        await s.close();
      }
    } finally {
      removeDir(dir);
    }
  });

  it('a connected call survives a graceful restart: the participants rejoin and it goes on, one row in the history', async () => {
    const dir = tempDataDir();
    try {
      let s = await startTestServer({ THRUME_DATA_DIR: dir });
      const [a, b] = [await s.connect('alice'), await s.connect('bob')];
      const callId = (await s.invoke(a, 'InitiateCallAsync', ids.bob, 'video', '')) as string;
      await s.invoke(b, 'AcceptCallAsync', callId);
      s.clock.advance(7_000);
      await s.close();

      s = await startTestServer({ THRUME_DATA_DIR: dir }, s.clock);
      try {
        const token = await s.token('bob');
        assert.deepEqual(
          ((await (await s.get('/api/call/active', token)).json()) as { call: { id: string; status: string } }).call
            .status,
          'Connected',
        );
        const [alice, bob] = [await s.connect('alice'), await s.connect('bob')];
        assert.deepEqual(await s.invoke(alice, 'RejoinCallAsync', callId), {
          callId,
          status: 'Connected',
          role: 'caller',
        });
        assert.deepEqual(await s.invoke(bob, 'RejoinCallAsync', callId), {
          callId,
          status: 'Connected',
          role: 'callee',
        });
        s.clock.advance(5_000);
        await s.invoke(alice, 'EndCallAsync', callId);
        const history = (await (await s.get('/api/call/history', token)).json()) as {
          calls: Array<Record<string, unknown>>;
        };
        assert.deepEqual(
          history.calls.map((c) => [c.id, c.status, c.duration, c.endReason]),
          [[callId, 'Ended', 12, 'hangup']],
        );
      } finally {
        await s.close();
      }
    } finally {
      removeDir(dir);
    }
  });

  it('a resumed call that nobody rejoins ends after the grace as "disconnected", and frees both users', async () => {
    const dir = tempDataDir();
    try {
      let s = await startTestServer({ THRUME_DATA_DIR: dir, THRUME_RECONNECT_GRACE_MS: '100' });
      const [a, b] = [await s.connect('alice'), await s.connect('bob')];
      const callId = (await s.invoke(a, 'InitiateCallAsync', ids.bob, 'video', '')) as string;
      await s.invoke(b, 'AcceptCallAsync', callId);
      await s.close();

      s = await startTestServer({ THRUME_DATA_DIR: dir, THRUME_RECONNECT_GRACE_MS: '100' });
      try {
        const bob = await s.connect('bob');
        await s.invoke(bob, 'RejoinCallAsync', callId); // alice never comes back
        await new Promise((resolve) => setTimeout(resolve, 300));
        const token = await s.token('bob');
        const call = (await (await s.get(`/api/call/${callId}`, token)).json()) as Record<string, unknown>;
        assert.deepEqual([call.status, call.endReason], ['Ended', 'disconnected']);
        assert.equal(
          typeof (await s.invoke(await s.connect('alice'), 'InitiateCallAsync', ids.bob, 'voice', '')),
          'string',
          'both are free',
        );
      } finally {
        await s.close();
      }
    } finally {
      removeDir(dir);
    }
  });

  it('baseline: a call in progress at shutdown is recorded as ended, not left dangling', async () => {
    const dir = tempDataDir();
    try {
      let s = await startTestServer({ THRUME_DATA_DIR: dir, THRUME_HUB_MODE: 'baseline' });
      const a = await s.connect('alice');
      const b = await s.connect('bob');
      await s.invoke(a, 'InitiateCallAsync', ids.bob, 'video', '');
      const callId = (await s.hub.hub.rules.options.calls.all())[0].id;
      await s.invoke(b, 'AcceptCallAsync', callId);
      s.clock.advance(7_000);
      await s.close();

      s = await startTestServer({ THRUME_DATA_DIR: dir, THRUME_HUB_MODE: 'baseline' });
      try {
        const token = await s.token('bob');
        const call = (await (await s.get(`/api/call/${callId}`, token)).json()) as Record<string, unknown>;
        assert.equal(call.status, 'Ended');
        assert.equal(call.duration, 7);
        assert.deepEqual(await (await s.get('/api/call/active', token)).json(), { hasActiveCall: false });
        // And the users are free: a new call rings.
        const a2 = await s.connect('alice');
        await s.connect('bob');
        await s.invoke(a2, 'InitiateCallAsync', ids.bob, 'voice', '');
        assert.equal((await s.hub.hub.rules.options.calls.all()).length, 1);
      } finally {
        await s.close();
      }
    } finally {
      removeDir(dir);
    }
  });

  it('calls a crashed hub left in progress are recorded as ended at the next start', async () => {
    const dir = tempDataDir();
    try {
      const store = await SqlStore.open({ databaseUrl: null, dataDir: dir });
      const callId = '0badca11-0000-4000-8000-000000000001';
      await store.save({
        id: callId,
        callerId: ids.alice,
        calleeId: ids.bob,
        type: 'Voice',
        conversationId: '',
        status: 'Connected',
        startedAt: '2026-01-05T09:00:00.000Z',
        connectedAt: '2026-01-05T09:00:05.000Z',
        endedAt: null,
        rejectionReason: null,
        endReason: null,
      });
      // no close(): as if the process died then (every write is committed when it resolves)
      const s = await startTestServer({ THRUME_DATA_DIR: dir });
      try {
        const call = (await (await s.get(`/api/call/${callId}`, await s.token('alice'))).json()) as Record<
          string,
          unknown
        >;
        assert.equal(call.status, 'Ended');
        assert.equal(call.endedAt, new Date(s.clock.time).toISOString());
      } finally {
        await s.close();
      }
    } finally {
      removeDir(dir);
    }
  });
});
