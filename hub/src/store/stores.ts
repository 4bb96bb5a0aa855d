// Persistence interfaces: call history and per-user call settings. The embedded SQLite database
// (sqlite-store.ts) implements both; a deployment can put a shared database behind them instead.

import type { Call, CallSettings } from '../calls/model.ts';

/** A call as history keeps it (no connection ids: those mean nothing after the call). */
export type CallRecord = Omit<Call, 'callerConnectionId' | 'calleeConnectionId' | 'callerUserName' | 'rawCallType'>;

export interface HistoryPage {
  readonly calls: CallRecord[];
  readonly totalCount: number;
}

export interface HistoryStore {
  /** Inserts or replaces the record of a call. */
  save(call: CallRecord): Promise<void>;
  get(callId: string): Promise<CallRecord | null>;
  /** Calls the user took part in, newest first. `page` counts from 1. */
  page(userId: string, page: number, pageSize: number): Promise<HistoryPage>;
  /**
   * Records every call still Initiated, Ringing or Connected, and not suspended, as Ended at
   * `endedAt`: the calls a crashed hub left behind. Returns how many there were.
   */
  endDangling(endedAt: string): Promise<number>;
  /** Marks calls in progress as suspended by a graceful shutdown, to be resumed by the next start. */
  suspend(callIds: readonly string[], suspendedAt: string): Promise<void>;
  /** The calls the last shutdown suspended, with when; they are no longer marked afterwards. */
  takeSuspended(): Promise<SuspendedCall[]>;
  /** null while the store takes writes; otherwise why it cannot (readiness reports it). */
  whyUnavailable(): Promise<string | null>;
}

export interface SuspendedCall {
  readonly record: CallRecord;
  readonly suspendedAt: string;
}

export interface SettingsStore {
  settingsOf(userId: string): Promise<CallSettings | null>;
  saveSettings(userId: string, settings: CallSettings): Promise<void>;
}

export function toRecord(call: Call): CallRecord {
  const { callerConnectionId: _a, calleeConnectionId: _b, callerUserName: _c, rawCallType: _d, ...record } = call;
  return record;
}
