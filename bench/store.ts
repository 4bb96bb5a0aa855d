// The cost of a durable history write: SqlStore.save on embedded SQLite as the hub runs it (WAL,
// synchronous=FULL: committed and fsynced before it resolves) and on PostgreSQL, beside the floor of
// the same statement through better-sqlite3 with synchronous=OFF (no fsync), in the same run. The hub
// writes a call's row two or three times (ringing, connected, ended), on the event loop for SQLite.
// Usage: npm run bench:store   (starts a throwaway PostgreSQL; N=2000 writes each)
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { CallRecord } from '@thrume/calls-contract/rules';
import { SqlStore } from '../hub/src/store/sql-store.ts';
import { startPostgres } from '../scripts/postgres-process.mjs';

const writes = Number(process.env.N ?? 2000);
const call = (i: number): CallRecord => ({
  id: `0badca11-0000-4000-8000-${String(i % 500).padStart(12, '0')}`,
  callerId: 'a11ce000-0000-4000-8000-000000000001',
  calleeId: 'b0b00000-0000-4000-8000-000000000002',
  type: 'Video',
  conversationId: 'c0000000-0000-4000-8000-0000000000ab',
  status: 'Ended',
  startedAt: new Date(Date.UTC(2026, 0, 5, 9, 0, 0, i)).toISOString(),
  connectedAt: null,
  endedAt: null,
  rejectionReason: null,
  endReason: 'hangup',
});

async function perWrite(write: (i: number) => unknown): Promise<number> {
  for (let i = 0; i < 100; i++) await write(i); // warm-up
  const started = performance.now();
  for (let i = 0; i < writes; i++) await write(i);
  return ((performance.now() - started) / writes) * 1000;
}

const dir = mkdtempSync(path.join(tmpdir(), 'thrume-bench-store-'));
const postgres = await startPostgres();
try {
  // The same upsert as a statement prepared once: without fsync (the floor), and with the hub's pragmas.
  const prepared = async (synchronous: string) => {
    const db = new Database(path.join(dir, `prepared-${synchronous}.sqlite`));
    db.pragma('journal_mode = WAL');
    db.pragma(`synchronous = ${synchronous}`);
    db.exec('CREATE TABLE calls (id TEXT PRIMARY KEY, row TEXT NOT NULL)');
    const insert = db.prepare('INSERT INTO calls VALUES (?, ?) ON CONFLICT (id) DO UPDATE SET row = excluded.row');
    const cost = await perWrite((i) => insert.run(call(i).id, JSON.stringify(call(i))));
    db.close();
    return cost;
  };
  const floor = await prepared('OFF');
  const preparedFull = await prepared('FULL');

  const sqlite = await SqlStore.open({ databaseUrl: null, dataDir: dir });
  const embedded = await perWrite((i) => sqlite.save(call(i)));
  await sqlite.close();
  const shared = await SqlStore.open({ databaseUrl: postgres.url, dataDir: null });
  const pg = await perWrite((i) => shared.save(call(i)));
  await shared.close();

  const us = (n: number) => `${n.toFixed(0).padStart(6)} µs`;
  console.log(`history write, ${writes} upserts of one call's row, one at a time (${new Date().toISOString()})`);
  console.log(`floor: better-sqlite3, synchronous=OFF        ${us(floor)}`);
  console.log(
    `prepared statement, synchronous=FULL         ${us(preparedFull)}   (${(preparedFull / floor).toFixed(1)}x the floor)`,
  );
  console.log(
    `SqlStore.save, SQLite WAL synchronous=FULL    ${us(embedded)}   (${(embedded / floor).toFixed(1)}x the floor)`,
  );
  console.log(`SqlStore.save, PostgreSQL (pg, loopback)      ${us(pg)}   (${(pg / floor).toFixed(1)}x the floor)`);
} finally {
  await postgres.stop();
  rmSync(dir, { recursive: true, force: true });
}
