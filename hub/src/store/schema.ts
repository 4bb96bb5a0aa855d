// The history and settings schema, one for SQLite and PostgreSQL alike (portable column types only:
// text ids, ISO-8601 text times, JSON text), and its migrations, applied in order at start by
// Kysely's Migrator, which records them in the database. A new migration is a new entry; an applied
// one is never edited.
import { sql, type Kysely, type Migration, type MigrationProvider } from 'kysely';

export interface CallsTable {
  id: string;
  caller_id: string;
  callee_id: string;
  type: string;
  status: string;
  conversation_id: string;
  started_at: string;
  connected_at: string | null;
  ended_at: string | null;
  rejection_reason: string | null;
  end_reason: string | null;
}

export interface HubSchema {
  calls: CallsTable;
  suspended_calls: { id: string; suspended_at: string };
  call_settings: { user_id: string; allow_calls: string; blocked_user_ids: string };
}

const migrations: Record<string, Migration> = {
  // The tables as the embedded store made them before migrations (hence IF NOT EXISTS: a hub.sqlite of
  // that store opens as it is).
  '0001-history-and-settings': {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('calls')
        .ifNotExists()
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('caller_id', 'text', (c) => c.notNull())
        .addColumn('callee_id', 'text', (c) => c.notNull())
        .addColumn('type', 'text', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('conversation_id', 'text', (c) => c.notNull())
        .addColumn('started_at', 'text', (c) => c.notNull())
        .addColumn('connected_at', 'text')
        .addColumn('ended_at', 'text')
        .addColumn('rejection_reason', 'text')
        .addColumn('end_reason', 'text')
        .execute();
      for (const side of ['caller', 'callee'])
        await db.schema
          .createIndex(`calls_by_${side}`)
          .ifNotExists()
          .on('calls')
          .columns([`${side}_id`, 'started_at'])
          .execute();
      await db.schema
        .createTable('suspended_calls')
        .ifNotExists()
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('suspended_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createTable('call_settings')
        .ifNotExists()
        .addColumn('user_id', 'text', (c) => c.primaryKey())
        .addColumn('allow_calls', 'text', (c) => c.notNull())
        .addColumn('blocked_user_ids', 'text', (c) => c.notNull())
        .execute();
    },
  },
};

export const migrationProvider: MigrationProvider = { getMigrations: () => Promise.resolve(migrations) };

/** The newest migration's name: what a migrated database reports as its version. */
export const schemaVersion = Object.keys(migrations).at(-1)!;

/** `SELECT 1`, for readiness. */
export const ping = sql`SELECT 1`;
