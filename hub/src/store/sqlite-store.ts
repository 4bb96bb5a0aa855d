// History and settings in an embedded SQLite database (sql.js: SQLite compiled to WebAssembly, so
// no native build), kept in memory and stored in `<dataDir>/hub.sqlite`. Changes are applied at once
// and written off the event loop (database-file.ts: a change log, folded into the snapshot now and then).

import { mkdirSync } from 'node:fs';
import path from 'node:path';
import initSqlJs, { type Database, type SqlValue } from 'sql.js';
import { hubCallStatuses, hubCallTypes, hubEndReasons } from '@thrume/calls-contract';
import type { CallRecord, SuspendedCall } from '@thrume/calls-contract/rules';
import { allowCallsValues, type CallSettings } from '../calls/settings.ts';
import { DatabaseFile, type LoggedChange } from './database-file.ts';
import type { HistoryPage, HistoryStore, SettingsStore } from './stores.ts';

const schema = `
CREATE TABLE IF NOT EXISTS calls (
  id TEXT PRIMARY KEY,
  caller_id TEXT NOT NULL,
  callee_id TEXT NOT NULL,
  type TEXT NOT NULL,
  status TEXT NOT NULL,
  conversation_id TEXT NOT NULL,
  started_at TEXT NOT NULL,
  connected_at TEXT,
  ended_at TEXT,
  rejection_reason TEXT,
  end_reason TEXT
);
CREATE INDEX IF NOT EXISTS calls_by_caller ON calls (caller_id, started_at);
CREATE INDEX IF NOT EXISTS calls_by_callee ON calls (callee_id, started_at);
CREATE TABLE IF NOT EXISTS suspended_calls (
  id TEXT PRIMARY KEY,
  suspended_at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS call_settings (
  user_id TEXT PRIMARY KEY,
  allow_calls TEXT NOT NULL,
  blocked_user_ids TEXT NOT NULL
);
`;

const columns =
  'id, caller_id, callee_id, type, status, conversation_id, started_at, connected_at, ended_at, rejection_reason, end_reason';

/** Every change the store makes, by the name the change log records. */
const statements: Readonly<Record<string, string>> = {
  saveCall: `INSERT OR REPLACE INTO calls (${columns}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  endDangling: `UPDATE calls SET status = 'Ended', end_reason = 'failed', ended_at = ? WHERE status IN ('Initiated', 'Ringing', 'Connected') AND id NOT IN (SELECT id FROM suspended_calls)`,
  suspendCall: 'INSERT OR REPLACE INTO suspended_calls (id, suspended_at) VALUES (?, ?)',
  forgetSuspended: 'DELETE FROM suspended_calls',
  saveSettings: 'INSERT OR REPLACE INTO call_settings (user_id, allow_calls, blocked_user_ids) VALUES (?, ?, ?)',
};

export class SqliteStore implements HistoryStore, SettingsStore {
  private readonly file: DatabaseFile | null;

  private constructor(
    private readonly db: Database,
    file: string | null,
    log?: (message: string) => void,
  ) {
    this.file = file === null ? null : new DatabaseFile(file, () => db.export(), log);
  }

  /**
   * Opens (or creates) `<dataDir>/hub.sqlite` with the changes logged after its last snapshot; with a
   * null dataDir the database lives in memory only.
   */
  static async open(dataDir: string | null, log?: (message: string) => void): Promise<SqliteStore> {
    const SQL = await initSqlJs();
    let file: string | null = null;
    let db: Database;
    try {
      if (dataDir !== null) {
        mkdirSync(dataDir, { recursive: true });
        file = path.join(dataDir, 'hub.sqlite');
      }
      const stored = file === null ? { snapshot: undefined, changes: [] } : DatabaseFile.read(file);
      db = new SQL.Database(stored.snapshot);
      db.run(schema);
      for (const [statement, params] of stored.changes) db.run(sqlOf(statement), params);
    } catch (error) {
      throw new Error(`Cannot open the hub database ${file}: ${(error as Error).message}`, { cause: error });
    }
    const store = new SqliteStore(db, file, log);
    await store.file?.start();
    return store;
  }

  async save(call: CallRecord): Promise<void> {
    this.change('saveCall', [
      call.id,
      call.callerId,
      call.calleeId,
      call.type,
      call.status,
      call.conversationId,
      call.startedAt,
      call.connectedAt,
      call.endedAt,
      call.rejectionReason,
      call.endReason,
    ]);
  }

  async get(callId: string): Promise<CallRecord | null> {
    return this.select(`SELECT ${columns} FROM calls WHERE id = ?`, [callId])[0] ?? null;
  }

  async page(userId: string, page: number, pageSize: number): Promise<HistoryPage> {
    const total = this.db.exec('SELECT COUNT(*) FROM calls WHERE caller_id = ? OR callee_id = ?', [userId, userId]);
    const calls = this.select(
      `SELECT ${columns} FROM calls WHERE caller_id = ? OR callee_id = ? ORDER BY started_at DESC, id LIMIT ? OFFSET ?`,
      [userId, userId, pageSize, (page - 1) * pageSize],
    );
    return { calls, totalCount: Number(total[0]?.values[0]?.[0] ?? 0) };
  }

  async suspend(callIds: readonly string[], suspendedAt: string): Promise<void> {
    for (const id of callIds) this.change('suspendCall', [id, suspendedAt]);
  }

  async takeSuspended(): Promise<SuspendedCall[]> {
    const rows = this.db.exec(
      `SELECT ${columns.replace(/(\w+)/g, 'c.$1')}, s.suspended_at FROM suspended_calls s JOIN calls c ON c.id = s.id`,
    )[0];
    const suspended = (rows?.values ?? []).map((row) => ({ record: this.record(row), suspendedAt: String(row[11]) }));
    this.change('forgetSuspended', []);
    return suspended;
  }

  async whyUnavailable(): Promise<string | null> {
    return this.file?.writeFailure ?? null;
  }

  async endDangling(endedAt: string): Promise<number> {
    this.db.run(sqlOf('endDangling'), [endedAt]);
    const changed = this.db.getRowsModified();
    if (changed > 0) this.file?.record(['endDangling', [endedAt]]);
    return changed;
  }

  async settingsOf(userId: string): Promise<CallSettings | null> {
    const rows = this.db.exec('SELECT allow_calls, blocked_user_ids FROM call_settings WHERE user_id = ?', [userId]);
    const row = rows[0]?.values[0];
    if (row === undefined) return null;
    const allowCalls = allowCallsValues.find((v) => v === row[0]) ?? 'conversations';
    const blocked = JSON.parse(String(row[1])) as unknown;
    return {
      allowCalls,
      blockedUserIds: Array.isArray(blocked) ? blocked.filter((b): b is string => typeof b === 'string') : [],
    };
  }

  async saveSettings(userId: string, settings: CallSettings): Promise<void> {
    this.change('saveSettings', [userId, settings.allowCalls, JSON.stringify(settings.blockedUserIds)]);
  }

  /** Settles once every change so far is on disk (what a crash after this point would keep). */
  async flush(): Promise<void> {
    await this.file?.flush();
  }

  /** Writes what is not yet on disk as one snapshot file and releases the database. */
  async close(): Promise<void> {
    try {
      await this.file?.close();
    } finally {
      this.db.close();
    }
  }

  private change(statement: LoggedChange[0], params: SqlValue[]): void {
    this.db.run(sqlOf(statement), params);
    this.file?.record([statement, params]);
  }

  private select(sql: string, params: SqlValue[]): CallRecord[] {
    const result = this.db.exec(sql, params)[0];
    return result === undefined ? [] : result.values.map((row) => this.record(row));
  }

  private record(row: SqlValue[]): CallRecord {
    return {
      id: String(row[0]),
      callerId: String(row[1]),
      calleeId: String(row[2]),
      type: hubCallTypes.find((t) => t === row[3]) ?? 'Voice',
      status: hubCallStatuses.find((s) => s === row[4]) ?? 'Ended',
      conversationId: String(row[5]),
      startedAt: String(row[6]),
      connectedAt: row[7] === null ? null : String(row[7]),
      endedAt: row[8] === null ? null : String(row[8]),
      rejectionReason: row[9] === null ? null : String(row[9]),
      endReason: hubEndReasons.find((r) => r === row[10]) ?? null,
    };
  }
}

function sqlOf(statement: string): string {
  const sql = statements[statement];
  if (sql === undefined) throw new Error(`unknown logged change '${statement}'`);
  return sql;
}
