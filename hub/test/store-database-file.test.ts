// The database on disk: changes are written shortly after they are made (coalesced, off the event
// loop), survive a reopen without close (a crash), and close leaves one snapshot file.
import assert from 'node:assert/strict';
import { appendFileSync, existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { SqliteStore } from '../src/store/sqlite-store.ts';
import type { CallRecord } from '@thrume/calls-contract/rules';
import { ids } from './support/call-harness.ts';
import { removeDir, tempDataDir } from './support/hub-server.ts';

const record = (n: number, status: CallRecord['status'] = 'Ended'): CallRecord => ({
  id: `0badca11-0000-4000-8000-${String(n).padStart(12, '0')}`,
  callerId: ids.alice,
  calleeId: ids.bob,
  type: 'Voice',
  conversationId: '',
  status,
  startedAt: '2026-01-05T09:00:00.000Z',
  connectedAt: null,
  endedAt: status === 'Ended' ? '2026-01-05T09:01:00.000Z' : null,
  rejectionReason: null,
  endReason: status === 'Ended' ? 'hangup' : null,
});

describe('the database file', () => {
  it('joins the changes of one moment into one log write and survives a reopen without close', async () => {
    const dir = tempDataDir();
    try {
      const store = await SqliteStore.open(dir);
      const started = performance.now();
      for (let n = 1; n <= 200; n++) await store.save(record(n));
      assert.ok(performance.now() - started < 500, 'saving does not wait for the disk');
      await store.saveSettings(ids.erin, { allowCalls: 'nobody', blockedUserIds: [ids.bob] });
      await store.flush();
      const log = readFileSync(path.join(dir, 'hub.sqlite.changes'), 'utf8').trim().split('\n');
      assert.equal(log.length, 201, 'one line per change');

      const reopened = await SqliteStore.open(dir); // as after a crash: the first store was never closed
      try {
        assert.equal((await reopened.page(ids.alice, 1, 100)).totalCount, 200);
        assert.deepEqual(await reopened.settingsOf(ids.erin), { allowCalls: 'nobody', blockedUserIds: [ids.bob] });
      } finally {
        await reopened.close();
      }
      await store.close();
    } finally {
      removeDir(dir);
    }
  });

  it('ignores a torn last line, as a crash during a write leaves it', async () => {
    const dir = tempDataDir();
    try {
      const store = await SqliteStore.open(dir);
      await store.save(record(1, 'Connected'));
      await store.flush();
      appendFileSync(path.join(dir, 'hub.sqlite.changes'), '["saveCall",["0badca11-00');
      const reopened = await SqliteStore.open(dir);
      try {
        assert.equal((await reopened.get(record(1).id))?.status, 'Connected');
        assert.equal(await reopened.endDangling('2026-01-05T10:00:00.000Z'), 1);
      } finally {
        await reopened.close();
      }
      await store.close();
    } finally {
      removeDir(dir);
    }
  });

  it('close writes the last changes into the snapshot and removes the log', async () => {
    const dir = tempDataDir();
    try {
      const store = await SqliteStore.open(dir);
      for (let n = 1; n <= 50; n++) await store.save(record(n));
      await store.close(); // no flush first: close must write what is pending
      assert.deepEqual(readdirSync(dir), ['hub.sqlite']);
      const reopened = await SqliteStore.open(dir);
      try {
        assert.equal((await reopened.page(ids.bob, 1, 10)).totalCount, 50);
      } finally {
        await reopened.close();
      }
    } finally {
      removeDir(dir);
    }
  });

  it('folds a long log into a new snapshot while it runs', async () => {
    const dir = tempDataDir();
    try {
      const store = await SqliteStore.open(dir);
      const snapshot = path.join(dir, 'hub.sqlite');
      const before = readFileSync(snapshot).length;
      // ~300 bytes a line: 5,000 changes pass the 1 MiB log limit
      for (let n = 1; n <= 5_000; n++) await store.save(record(n));
      await store.flush();
      assert.ok(readFileSync(snapshot).length > before, 'a new snapshot was written');
      assert.ok(readFileSync(`${snapshot}.changes`).length < 1 << 20, 'and the log was emptied');
      await store.save(record(5_001));
      await store.flush();
      const reopened = await SqliteStore.open(dir);
      try {
        assert.equal((await reopened.page(ids.alice, 1, 1)).totalCount, 5_001);
      } finally {
        await reopened.close();
      }
      await store.close();
      assert.ok(existsSync(snapshot));
    } finally {
      removeDir(dir);
    }
  });
});
