// Persistence interfaces: call history and per-user call settings. SqlStore (sql-store.ts) implements
// both, in embedded SQLite or in PostgreSQL.

import type { CallLog, CallRecord, SuspendedCall } from '@thrume/calls-contract/rules';
import type { CallSettings } from '../calls/settings.ts';

export interface HistoryPage {
  readonly calls: CallRecord[];
  readonly totalCount: number;
}

/** History: what the call rules log (CallLog), and what the REST API and a restart read back. */
export interface HistoryStore extends CallLog {
  get(callId: string): Promise<CallRecord | null>;
  /** Calls the user took part in, newest first. `page` counts from 1. */
  page(userId: string, page: number, pageSize: number): Promise<HistoryPage>;
  /**
   * Records every call still Initiated, Ringing or Connected, and not suspended, as Ended at
   * `endedAt`: the calls a crashed hub left behind. Returns how many there were.
   */
  endDangling(endedAt: string): Promise<number>;
  /** The calls the last shutdown suspended, with when; they are no longer marked afterwards. */
  takeSuspended(): Promise<SuspendedCall[]>;
  /** null while the store takes writes; otherwise why it cannot (readiness reports it). */
  whyUnavailable(): Promise<string | null>;
}

export interface SettingsStore {
  settingsOf(userId: string): Promise<CallSettings | null>;
  saveSettings(userId: string, settings: CallSettings): Promise<void>;
}
