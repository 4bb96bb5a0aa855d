// History and settings in a real database, through Kysely: PostgreSQL (`pg`) when THRUME_DATABASE_URL
// names one, shared by every hub node; otherwise embedded SQLite (better-sqlite3) in WAL mode, in
// `<dataDir>/hub.sqlite`. Every write is committed before it resolves, so what the hub has answered
// survives a crash of the process (SQLite's synchronous=FULL: a crash of the machine too).

import { mkdirSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { Kysely, Migrator, PostgresDialect, SqliteDialect, type Selectable } from 'kysely';
import pg from 'pg';
import { hubCallStatuses, hubCallTypes, hubEndReasons } from '@thrume/calls-contract';
import type { CallRecord, SuspendedCall } from '@thrume/calls-contract/rules';
import { allowCallsValues, type CallSettings } from '../calls/settings.ts';
import { migrationProvider, ping, type CallsTable, type HubSchema } from './schema.ts';
import type { HistoryPage, HistoryStore, SettingsStore } from './stores.ts';

export interface StoreLocation {
  /** A `postgres://` URL (THRUME_DATABASE_URL), or null for the embedded SQLite database. */
  readonly databaseUrl: string | null;
  /** Where the SQLite database lives; null keeps it in memory only. */
  readonly dataDir: string | null;
}

const inProgress = ['Initiated', 'Ringing', 'Connected'];
const pingTimeoutMs = 2000;

export class SqlStore implements HistoryStore, SettingsStore {
  private constructor(
    /** The database, for the history copy (copy-history.ts). */
    readonly db: Kysely<HubSchema>,
    /** Which database this is, for messages: the file, or the PostgreSQL URL without its password. */
    readonly where: string,
  ) {}

  /** Opens the database and brings its schema up to date; rejects naming the setting when it cannot. */
  static async open(location: StoreLocation, log?: (message: string) => void): Promise<SqlStore> {
    const setting = location.databaseUrl ? 'THRUME_DATABASE_URL' : 'THRUME_DATA_DIR';
    let opened: { db: Kysely<HubSchema>; where: string } | null = null;
    try {
      opened = location.databaseUrl ? postgres(location.databaseUrl, log) : sqlite(location.dataDir);
      const { error } = await new Migrator({ db: opened.db, provider: migrationProvider }).migrateToLatest();
      if (error) throw error as Error;
      return new SqlStore(opened.db, opened.where);
    } catch (error) {
      await opened?.db.destroy().catch(() => undefined);
      const where =
        opened?.where ?? (location.databaseUrl ? withoutPassword(location.databaseUrl) : String(location.dataDir));
      throw new Error(`${setting}: cannot open the hub database ${where}: ${(error as Error).message}`, {
        cause: error,
      });
    }
  }

  async save(call: CallRecord): Promise<void> {
    const row = rowOf(call);
    await this.db
      .insertInto('calls')
      .values(row)
      .onConflict((conflict) => conflict.column('id').doUpdateSet(row))
      .execute();
  }

  async get(callId: string): Promise<CallRecord | null> {
    const row = await this.db.selectFrom('calls').selectAll().where('id', '=', callId).executeTakeFirst();
    return row ? recordOf(row) : null;
  }

  async page(userId: string, page: number, pageSize: number): Promise<HistoryPage> {
    const mine = this.db
      .selectFrom('calls')
      .where((eb) => eb.or([eb('caller_id', '=', userId), eb('callee_id', '=', userId)]));
    const [rows, total] = await Promise.all([
      mine
        .selectAll()
        .orderBy('started_at', 'desc')
        .orderBy('id')
        .limit(pageSize)
        .offset((page - 1) * pageSize)
        .execute(),
      mine.select((eb) => eb.fn.countAll<number | string>().as('count')).executeTakeFirstOrThrow(),
    ]);
    return { calls: rows.map(recordOf), totalCount: Number(total.count) };
  }

  async suspend(callIds: readonly string[], suspendedAt: string): Promise<void> {
    if (callIds.length === 0) return;
    await this.db
      .insertInto('suspended_calls')
      .values(callIds.map((id) => ({ id, suspended_at: suspendedAt })))
      .onConflict((conflict) => conflict.column('id').doUpdateSet({ suspended_at: suspendedAt }))
      .execute();
  }

  async takeSuspended(): Promise<SuspendedCall[]> {
    return this.db.transaction().execute(async (tx) => {
      const rows = await tx
        .selectFrom('suspended_calls as s')
        .innerJoin('calls as c', 'c.id', 's.id')
        .selectAll('c')
        .select('s.suspended_at')
        .execute();
      await tx.deleteFrom('suspended_calls').execute();
      return rows.map((row) => ({ record: recordOf(row), suspendedAt: row.suspended_at }));
    });
  }

  /** Records the calls still in progress that started before `startedBefore` as ended ("failed"): nobody can end them now. */
  async endDangling(endedAt: string, startedBefore = endedAt): Promise<number> {
    const result = await this.db
      .updateTable('calls')
      .set({ status: 'Ended', end_reason: 'failed', ended_at: endedAt })
      .where('status', 'in', inProgress)
      .where('started_at', '<', startedBefore)
      .where('id', 'not in', (eb) => eb.selectFrom('suspended_calls').select('id'))
      .executeTakeFirst();
    return Number(result.numUpdatedRows);
  }

  async whyUnavailable(): Promise<string | null> {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`no answer in ${pingTimeoutMs} ms`)), pingTimeoutMs);
    });
    try {
      await Promise.race([ping.execute(this.db), timeout]);
      return null;
    } catch (error) {
      return `the hub database ${this.where} does not answer: ${(error as Error).message}`;
    } finally {
      clearTimeout(timer);
    }
  }

  async settingsOf(userId: string): Promise<CallSettings | null> {
    const row = await this.db.selectFrom('call_settings').selectAll().where('user_id', '=', userId).executeTakeFirst();
    if (!row) return null;
    const blocked = JSON.parse(row.blocked_user_ids) as unknown;
    return {
      allowCalls: allowCallsValues.find((v) => v === row.allow_calls) ?? 'conversations',
      blockedUserIds: Array.isArray(blocked) ? blocked.filter((b): b is string => typeof b === 'string') : [],
    };
  }

  async saveSettings(userId: string, settings: CallSettings): Promise<void> {
    const values = { allow_calls: settings.allowCalls, blocked_user_ids: JSON.stringify(settings.blockedUserIds) };
    await this.db
      .insertInto('call_settings')
      .values({ user_id: userId, ...values })
      .onConflict((conflict) => conflict.column('user_id').doUpdateSet(values))
      .execute();
  }

  /** Releases the database (every write is already committed). */
  async close(): Promise<void> {
    await this.db.destroy();
  }
}

function sqlite(dataDir: string | null) {
  let file = ':memory:';
  if (dataDir !== null) {
    mkdirSync(dataDir, { recursive: true });
    file = path.join(dataDir, 'hub.sqlite');
  }
  const database = new Database(file);
  database.pragma('journal_mode = WAL');
  database.pragma('synchronous = FULL');
  database.pragma('busy_timeout = 5000'); // the history copy may read it while the hub writes
  const db = new Kysely<HubSchema>({ dialect: new SqliteDialect({ database }) });
  return { db, where: file };
}

function postgres(url: string, log?: (message: string) => void) {
  const pool = new pg.Pool({ connectionString: url, max: 10, connectionTimeoutMillis: 5000 });
  const where = withoutPassword(url);
  // An idle connection that the server drops (a restart) is an 'error' event: reported, then replaced.
  pool.on('error', (error) => log?.(`the hub database ${where} dropped a connection: ${error.message}`));
  const db = new Kysely<HubSchema>({ dialect: new PostgresDialect({ pool }) });
  return { db, where };
}

function withoutPassword(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return '(a URL that does not parse)';
  }
}

function rowOf(call: CallRecord): CallsTable {
  return {
    id: call.id,
    caller_id: call.callerId,
    callee_id: call.calleeId,
    type: call.type,
    status: call.status,
    conversation_id: call.conversationId,
    started_at: call.startedAt,
    connected_at: call.connectedAt,
    ended_at: call.endedAt,
    rejection_reason: call.rejectionReason,
    end_reason: call.endReason,
  };
}

function recordOf(row: Selectable<CallsTable>): CallRecord {
  return {
    id: row.id,
    callerId: row.caller_id,
    calleeId: row.callee_id,
    type: hubCallTypes.find((t) => t === row.type) ?? 'Voice',
    status: hubCallStatuses.find((s) => s === row.status) ?? 'Ended',
    conversationId: row.conversation_id,
    startedAt: row.started_at,
    connectedAt: row.connected_at,
    endedAt: row.ended_at,
    rejectionReason: row.rejection_reason,
    endReason: hubEndReasons.find((r) => r === row.end_reason) ?? null,
  };
}
