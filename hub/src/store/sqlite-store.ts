// History and settings in an embedded SQLite database (sql.js: SQLite compiled to WebAssembly, so
// no native build). The whole database is written to `<dataDir>/hub.sqlite` after every change,
// atomically (temporary file, fsync, rename), so a crash leaves the previous or the new file.

import { closeSync, existsSync, fsyncSync, mkdirSync, openSync, readFileSync, renameSync, writeSync } from 'node:fs';
import path from 'node:path';
import initSqlJs, { type Database, type SqlValue } from 'sql.js';
import { allowCallsValues, callStatuses, callTypes, endReasons, type CallSettings } from '../calls/model.ts';
import type { CallRecord, HistoryPage, HistoryStore, SettingsStore } from './stores.ts';

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
CREATE TABLE IF NOT EXISTS call_settings (
  user_id TEXT PRIMARY KEY,
  allow_calls TEXT NOT NULL,
  blocked_user_ids TEXT NOT NULL
);
`;

const columns = 'id, caller_id, callee_id, type, status, conversation_id, started_at, connected_at, ended_at, rejection_reason, end_reason';

export class SqliteStore implements HistoryStore, SettingsStore {
  private constructor(
    private readonly db: Database,
    private readonly file: string | null,
  ) {}

  /** Opens (or creates) `<dataDir>/hub.sqlite`; with a null dataDir the database lives in memory only. */
  static async open(dataDir: string | null): Promise<SqliteStore> {
    const SQL = await initSqlJs();
    let file: string | null = null;
    let bytes: Uint8Array | undefined;
    if (dataDir !== null) {
      mkdirSync(dataDir, { recursive: true });
      file = path.join(dataDir, 'hub.sqlite');
      if (existsSync(file)) bytes = readFileSync(file);
    }
    let db: Database;
    try {
      db = new SQL.Database(bytes);
      db.run(schema);
    } catch (error) {
      throw new Error(`Cannot open the hub database ${file}: ${(error as Error).message}`);
    }
    const store = new SqliteStore(db, file);
    store.persist();
    return store;
  }

  async save(call: CallRecord): Promise<void> {
    this.db.run(`INSERT OR REPLACE INTO calls (${columns}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`, [
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
    this.persist();
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

  async endDangling(endedAt: string): Promise<number> {
    this.db.run(
      `UPDATE calls SET status = 'Ended', end_reason = 'failed', ended_at = ?
       WHERE status IN ('Initiated', 'Ringing', 'Connected')`,
      [endedAt],
    );
    const changed = this.db.getRowsModified();
    if (changed > 0) this.persist();
    return changed;
  }

  async settingsOf(userId: string): Promise<CallSettings | null> {
    const rows = this.db.exec('SELECT allow_calls, blocked_user_ids FROM call_settings WHERE user_id = ?', [userId]);
    const row = rows[0]?.values[0];
    if (row === undefined) return null;
    const allowCalls = allowCallsValues.find((v) => v === row[0]) ?? 'conversations';
    const blocked = JSON.parse(String(row[1])) as unknown;
    return { allowCalls, blockedUserIds: Array.isArray(blocked) ? blocked.filter((b): b is string => typeof b === 'string') : [] };
  }

  async saveSettings(userId: string, settings: CallSettings): Promise<void> {
    this.db.run('INSERT OR REPLACE INTO call_settings (user_id, allow_calls, blocked_user_ids) VALUES (?, ?, ?)', [
      userId,
      settings.allowCalls,
      JSON.stringify(settings.blockedUserIds),
    ]);
    this.persist();
  }

  /** Writes the file one last time and releases the database. */
  close(): void {
    this.persist();
    this.db.close();
  }

  private select(sql: string, params: SqlValue[]): CallRecord[] {
    const result = this.db.exec(sql, params)[0];
    if (result === undefined) return [];
    return result.values.map((row) => ({
      id: String(row[0]),
      callerId: String(row[1]),
      calleeId: String(row[2]),
      type: callTypes.find((t) => t === row[3]) ?? 'Voice',
      status: callStatuses.find((s) => s === row[4]) ?? 'Ended',
      conversationId: String(row[5]),
      startedAt: String(row[6]),
      connectedAt: row[7] === null ? null : String(row[7]),
      endedAt: row[8] === null ? null : String(row[8]),
      rejectionReason: row[9] === null ? null : String(row[9]),
      endReason: endReasons.find((r) => r === row[10]) ?? null,
    }));
  }

  private persist(): void {
    if (this.file === null) return;
    const data = this.db.export();
    const temporary = `${this.file}.${process.pid}.tmp`;
    const fd = openSync(temporary, 'w');
    try {
      writeSync(fd, data);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(temporary, this.file);
  }
}
