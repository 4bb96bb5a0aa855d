// Copies a single-node hub's history and call settings from its embedded SQLite database into
// PostgreSQL, for a move to several nodes. Rows already in PostgreSQL are kept, so it may run again.
// Usage: npm run copy-history --workspace hub -- <THRUME_DATA_DIR> <postgres://…>   (stop the hub first)

import { existsSync } from 'node:fs';
import path from 'node:path';
import { SqlStore } from './sql-store.ts';

export interface Copied {
  readonly calls: number;
  readonly settings: number;
}

/** Copies every call and setting of `dataDir`'s hub.sqlite into `databaseUrl`; returns how many it read. */
export async function copyHistory(dataDir: string, databaseUrl: string): Promise<Copied> {
  if (!existsSync(path.join(dataDir, 'hub.sqlite'))) throw new Error(`No hub.sqlite in ${dataDir}.`);
  const [from, to] = await Promise.all([
    SqlStore.open({ databaseUrl: null, dataDir }),
    SqlStore.open({ databaseUrl, dataDir: null }),
  ]);
  try {
    const calls = await from.db.selectFrom('calls').selectAll().execute();
    const settings = await from.db.selectFrom('call_settings').selectAll().execute();
    await to.db.transaction().execute(async (tx) => {
      // In slices: PostgreSQL takes at most 65,535 parameters in one statement.
      for (let i = 0; i < calls.length; i += 1000)
        await tx
          .insertInto('calls')
          .values(calls.slice(i, i + 1000))
          .onConflict((c) => c.column('id').doNothing())
          .execute();
      if (settings.length > 0)
        await tx
          .insertInto('call_settings')
          .values(settings)
          .onConflict((c) => c.column('user_id').doNothing())
          .execute();
    });
    return { calls: calls.length, settings: settings.length };
  } finally {
    await Promise.all([from.close(), to.close()]);
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [dataDir, databaseUrl] = process.argv.slice(2);
  if (!dataDir || !databaseUrl) {
    console.error('Usage: copy-history <THRUME_DATA_DIR> <postgres://user@host/database>');
    process.exit(2);
  }
  try {
    const { calls, settings } = await copyHistory(path.resolve(dataDir), databaseUrl);
    console.log(`Copied ${calls} call(s) and ${settings} user setting(s) into PostgreSQL (rows already there kept).`);
  } catch (error) {
    console.error(`Cannot copy the history: ${(error as Error).message}`);
    process.exit(1);
  }
}
