// The history and settings store, the same suite against embedded SQLite (in memory and in a file) and
// against a real PostgreSQL (scripts/postgres-process.mjs); and what the hub acknowledged surviving a
// SIGKILL of its process, on either store.
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { CallRecord } from '@thrume/calls-contract/rules';
import { SqlStore, type StoreLocation } from '../src/store/sql-store.ts';
import { copyHistory } from '../src/store/copy-history.ts';
import { startPostgres } from '../../scripts/postgres-process.mjs';
import { removeDir, tempDataDir } from './support/hub-server.ts';
import { ids } from './support/call-harness.ts';

interface Postgres {
  url: string;
  stop(): Promise<void>;
}

let postgres: Postgres;
before(async () => {
  postgres = await startPostgres();
});
after(() => postgres.stop());

let calls = 0;
function record(overrides: Partial<CallRecord> = {}): CallRecord {
  calls++;
  return {
    id: `0badca11-0000-4000-8000-${String(calls).padStart(12, '0')}`,
    callerId: ids.alice,
    calleeId: ids.bob,
    type: 'Video',
    conversationId: 'c0000000-0000-4000-8000-0000000000ab',
    status: 'Missed',
    startedAt: new Date(Date.UTC(2026, 0, 5, 9, 0, calls)).toISOString(),
    connectedAt: null,
    endedAt: new Date(Date.UTC(2026, 0, 5, 9, 1, calls)).toISOString(),
    rejectionReason: null,
    endReason: null,
    ...overrides,
  };
}

const stores: Record<string, () => { location: StoreLocation; cleanUp?: () => void }> = {
  'SQLite in memory': () => ({ location: { databaseUrl: null, dataDir: null } }),
  'SQLite in a file': () => {
    const dir = tempDataDir();
    return { location: { databaseUrl: null, dataDir: dir }, cleanUp: () => removeDir(dir) };
  },
  PostgreSQL: () => ({ location: { databaseUrl: postgres.url, dataDir: null } }),
};

for (const [name, make] of Object.entries(stores)) {
  describe(`the history store: ${name}`, () => {
    let store: SqlStore;
    let cleanUp: (() => void) | undefined;
    before(async () => {
      const made = make();
      cleanUp = made.cleanUp;
      store = await SqlStore.open(made.location);
    });
    after(async () => {
      await store.close();
      cleanUp?.();
    });

    it('saves a call and replaces it as it changes', async () => {
      const ringing = record({ status: 'Ringing', endedAt: null });
      await store.save(ringing);
      const ended = { ...ringing, status: 'Rejected' as const, endedAt: ringing.startedAt, rejectionReason: 'Busy' };
      await store.save(ended);
      assert.deepEqual(await store.get(ringing.id), ended);
      assert.equal(await store.get('0badca11-0000-4000-8000-ffffffffffff'), null);
    });

    it("pages a user's calls newest first, with the total", async () => {
      const carol = 'ca201000-0000-4000-8000-000000000003';
      const mine = [
        record({ callerId: carol }),
        record({ calleeId: carol, callerId: ids.bob }),
        record({ callerId: carol }),
      ];
      for (const call of mine) await store.save(call);
      const first = await store.page(carol, 1, 2);
      assert.equal(first.totalCount, 3);
      assert.deepEqual(
        first.calls.map((c) => c.id),
        [mine[2].id, mine[1].id],
      );
      assert.deepEqual(
        (await store.page(carol, 2, 2)).calls.map((c) => c.id),
        [mine[0].id],
      );
    });

    it('ends the calls a crashed hub left in progress, but not those suspended for a rejoin', async () => {
      const dangling = record({ status: 'Connected', connectedAt: new Date().toISOString() });
      const suspended = record({ status: 'Connected', connectedAt: new Date().toISOString() });
      await store.save(dangling);
      await store.save(suspended);
      await store.suspend([suspended.id], '2026-01-05T10:00:00.000Z');
      assert.equal(await store.endDangling('2026-01-05T10:00:01.000Z'), 1);
      assert.deepEqual(await store.get(dangling.id), {
        ...dangling,
        status: 'Ended',
        endReason: 'failed',
        endedAt: '2026-01-05T10:00:01.000Z',
      });
      assert.deepEqual(await store.takeSuspended(), [{ record: suspended, suspendedAt: '2026-01-05T10:00:00.000Z' }]);
      assert.deepEqual(await store.takeSuspended(), [], 'taken once');
    });

    it('keeps call settings per user', async () => {
      const erin = 'e71e0000-0000-4000-8000-000000000005';
      assert.equal(await store.settingsOf(erin), null);
      await store.saveSettings(erin, { allowCalls: 'nobody', blockedUserIds: [ids.alice] });
      await store.saveSettings(erin, { allowCalls: 'everyone', blockedUserIds: [ids.bob] });
      assert.deepEqual(await store.settingsOf(erin), { allowCalls: 'everyone', blockedUserIds: [ids.bob] });
    });

    it('answers readiness', async () => {
      assert.equal(await store.whyUnavailable(), null);
    });
  });
}

describe('opening a store that cannot be had', () => {
  it('names THRUME_DATABASE_URL when PostgreSQL cannot be reached', async () => {
    const error = (await SqlStore.open({ databaseUrl: 'postgres://thrume:secret@127.0.0.1:9/thrume', dataDir: null })
      .then(() => null)
      .catch((e: unknown) => e)) as Error;
    assert.match(
      error.message,
      /^THRUME_DATABASE_URL: cannot open the hub database postgres:\/\/thrume:\*\*\*@127\.0\.0\.1:9\/thrume/,
    );
  });

  it('names THRUME_DATA_DIR when the SQLite file cannot be opened', async () => {
    const dir = tempDataDir();
    try {
      const notADirectory = path.join(dir, 'a-file');
      writeFileSync(notADirectory, '');
      const error = (await SqlStore.open({ databaseUrl: null, dataDir: path.join(notADirectory, 'data') })
        .then(() => null)
        .catch((e: unknown) => e)) as Error;
      assert.match(error.message, /^THRUME_DATA_DIR: cannot open the hub database .*a-file\/data: ENOTDIR/);
    } finally {
      removeDir(dir);
    }
  });
});

describe('copying a single-node history into PostgreSQL', () => {
  it('copies every call and setting, keeps what is there, and may run again', async () => {
    const dir = tempDataDir();
    try {
      const single = await SqlStore.open({ databaseUrl: null, dataDir: dir });
      const copied = [record(), record({ status: 'Rejected', rejectionReason: 'Busy' })];
      for (const call of copied) await single.save(call);
      await single.saveSettings(ids.alice, { allowCalls: 'nobody', blockedUserIds: [] });
      await single.close();

      assert.deepEqual(await copyHistory(dir, postgres.url), { calls: 2, settings: 1 });
      assert.deepEqual(await copyHistory(dir, postgres.url), { calls: 2, settings: 1 }, 'again: nothing doubled');
      const shared = await SqlStore.open({ databaseUrl: postgres.url, dataDir: null });
      try {
        for (const call of copied) assert.deepEqual(await shared.get(call.id), call);
        const count = await shared.db
          .selectFrom('calls')
          .where(
            'id',
            'in',
            copied.map((c) => c.id),
          )
          .select((eb) => eb.fn.countAll<string>().as('n'))
          .executeTakeFirstOrThrow();
        assert.equal(Number(count.n), 2);
      } finally {
        await shared.close();
      }
    } finally {
      removeDir(dir);
    }
  });
});

describe('PostgreSQL going away and coming back', () => {
  it('says so while it is stopped, and the store recovers by itself when it is back', async () => {
    const own = await startPostgres({ keepData: true });
    const store = await SqlStore.open({ databaseUrl: own.url, dataDir: null });
    try {
      const call = record();
      await store.save(call);
      await own.stop();
      assert.match(
        String(await store.whyUnavailable()),
        /^the hub database postgres:\/\/thrume@127\.0\.0\.1:\d+\/thrume does not answer: /,
      );
      await assert.rejects(store.save(record()), 'a write while it is gone fails, and says so');
      const back = await startPostgres({ port: own.port, dataDir: own.dataDir });
      try {
        assert.equal(await store.whyUnavailable(), null);
        assert.deepEqual(await store.get(call.id), call);
      } finally {
        await store.close();
        await back.stop();
      }
    } catch (error) {
      await store.close().catch(() => undefined);
      throw error;
    }
  });
});
