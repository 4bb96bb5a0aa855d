// Where the embedded database lives on disk: a snapshot `hub.sqlite` (a plain SQLite file, replaced
// atomically: temporary file, fsync, rename) and beside it a change log `hub.sqlite.changes` (one JSON
// line per change, appended and fsynced). A change costs one short append, written off the event loop
// and coalesced with the changes that arrive while a write is in flight; the whole database is exported
// only when the log has grown as large as the snapshot (so the cost per change does not grow with the
// history), at start and at close. A crash loses at most the changes of the write in flight; a torn last
// line is ignored, and replaying a log that a compaction already folded into the snapshot changes nothing.

import { existsSync, readFileSync } from 'node:fs';
import { open, rename, unlink, type FileHandle } from 'node:fs/promises';
import type { SqlValue } from 'sql.js';

/** One logged change: a statement name (the store maps it to SQL) and its parameters. */
export type LoggedChange = readonly [statement: string, params: SqlValue[]];

export interface StoredDatabase {
  readonly snapshot: Uint8Array | undefined;
  readonly changes: LoggedChange[];
}

/** The log is folded into a new snapshot once it is this large, or as large as the snapshot. */
const MIN_COMPACTION_BYTES = 1 << 20;
/** After a failed write, the next attempt. */
const RETRY_MS = 1_000;

export class DatabaseFile {
  private log: FileHandle | null = null;
  private pending: string[] = [];
  private logBytes = 0;
  private snapshotBytes = 0;
  private compactionWanted = false;
  private writing: Promise<void> | null = null;
  private failure: unknown = null;
  private closed = false;

  /** `exportSnapshot` returns the whole database as SQLite file bytes (sql.js `export`). */
  constructor(
    readonly file: string,
    private readonly exportSnapshot: () => Uint8Array,
    private readonly report: (message: string) => void = (message) => console.error(`[hub] ${message}`),
  ) {}

  /** The error of the last write when it failed (it is being retried), else null. */
  get writeFailure(): string | null {
    return this.failure === null
      ? null
      : `writing ${this.file} failed: ${this.failure instanceof Error ? this.failure.message : JSON.stringify(this.failure)}`;
  }

  get logFile(): string {
    return `${this.file}.changes`;
  }

  /** Reads the snapshot and the changes logged after it (a torn last line is dropped). */
  static read(file: string): StoredDatabase {
    const snapshot = existsSync(file) ? readFileSync(file) : undefined;
    const logFile = `${file}.changes`;
    const changes: LoggedChange[] = [];
    if (existsSync(logFile)) {
      const lines = readFileSync(logFile, 'utf8').split('\n');
      lines.forEach((line, i) => {
        if (line === '') return;
        try {
          changes.push(JSON.parse(line) as LoggedChange);
        } catch (error) {
          if (i < lines.length - 1 && lines.slice(i + 1).some((rest) => rest !== '')) throw error;
          // the last line of a write a crash interrupted: that change was never acknowledged as durable
        }
      });
    }
    return { snapshot, changes };
  }

  /** Writes a fresh snapshot and an empty log; call once after the stored database was loaded. */
  async start(): Promise<void> {
    await this.compact();
  }

  /** Logs one change (already applied to the database in memory); it is written shortly after. */
  record(change: LoggedChange): void {
    const line = `${JSON.stringify(change)}\n`;
    this.pending.push(line);
    this.logBytes += line.length;
    if (this.logBytes >= Math.max(MIN_COMPACTION_BYTES, this.snapshotBytes)) this.compactionWanted = true;
    this.writing ??= this.drain();
  }

  /** Settles once every change recorded so far is on disk. */
  async flush(): Promise<void> {
    while (this.writing !== null) await this.writing;
  }

  /** Flushes, folds the log into the snapshot and removes the log: the data directory holds one file. */
  async close(): Promise<void> {
    this.compactionWanted = true;
    this.writing ??= this.drain();
    await this.flush();
    this.closed = true;
    await this.log?.close();
    this.log = null;
    if (this.failure === null) await unlink(this.logFile).catch(() => {});
  }

  /** One write at a time; changes recorded meanwhile go out together in the next one. */
  private async drain(): Promise<void> {
    await new Promise<void>((resolve) => setImmediate(resolve)); // changes of this turn join the first write
    try {
      while (this.pending.length > 0 || this.compactionWanted) {
        if (this.compactionWanted) {
          await this.compact();
        } else {
          const text = this.pending.join('');
          this.pending = [];
          this.log ??= await open(this.logFile, 'a');
          await this.log.write(text);
          await this.log.datasync();
        }
      }
      this.failure = null;
    } catch (error) {
      // The data stays in memory; a snapshot of everything is tried again in a second (or at the next change).
      if (this.failure === null) this.report(`writing ${this.file} failed: ${(error as Error).message}`);
      this.failure = error;
      this.compactionWanted = true;
      setTimeout(() => {
        if (!this.closed) this.writing ??= this.drain();
      }, RETRY_MS).unref();
    } finally {
      this.writing = null;
    }
  }

  /** Replaces the snapshot with the database as it is now, then empties the log. */
  private async compact(): Promise<void> {
    const data = this.exportSnapshot(); // every change so far, including those not yet logged
    this.pending = [];
    this.logBytes = 0;
    this.compactionWanted = false;
    const temporary = `${this.file}.${process.pid}.tmp`;
    const handle = await open(temporary, 'w');
    try {
      await handle.write(data);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temporary, this.file);
    this.snapshotBytes = data.length;
    // Changes recorded during this write are in `pending` and go to the emptied log afterwards.
    this.log ??= await open(this.logFile, 'a');
    await this.log.truncate(0);
  }
}
