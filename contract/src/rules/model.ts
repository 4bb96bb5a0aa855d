// The call as the rules hold it while it is active, and as history keeps it afterwards.

import type { RefusalCode } from '../refusals.ts';
import type { HubCallStatus, HubCallType, HubEndReason } from '../values.ts';

export interface Call {
  readonly id: string;
  readonly callerId: string;
  readonly calleeId: string;
  readonly callerUserName: string;
  readonly type: HubCallType;
  /** What the caller sent ("voice", "VIDEO"...): the baseline echoes it in IncomingCall. */
  readonly rawCallType: string;
  readonly conversationId: string;
  readonly status: HubCallStatus;
  readonly startedAt: string;
  readonly connectedAt: string | null;
  readonly endedAt: string | null;
  readonly rejectionReason: string | null;
  readonly endReason: HubEndReason | null;
  /** The caller's bound connection. */
  readonly callerConnectionId: string;
  /** The callee's bound connection: null until a callee connection accepts. */
  readonly calleeConnectionId: string | null;
}

export type Role = 'caller' | 'callee';

export function roleOf(call: Call, userId: string): Role | null {
  if (call.callerId === userId) return 'caller';
  if (call.calleeId === userId) return 'callee';
  return null;
}

/** Whole seconds from connection to end, or null when the call never connected or has not ended. */
export function durationSeconds(call: Pick<Call, 'connectedAt' | 'endedAt'>): number | null {
  if (call.connectedAt === null || call.endedAt === null) return null;
  return Math.max(0, Math.floor((Date.parse(call.endedAt) - Date.parse(call.connectedAt)) / 1000));
}

/** A call as history keeps it (no connection ids: those mean nothing after the call). */
export type CallRecord = Omit<Call, 'callerConnectionId' | 'calleeConnectionId' | 'callerUserName' | 'rawCallType'>;

export function toRecord(call: Call): CallRecord {
  const { callerConnectionId: _a, calleeConnectionId: _b, callerUserName: _c, rawCallType: _d, ...record } = call;
  return record;
}

export interface SuspendedCall {
  readonly record: CallRecord;
  readonly suspendedAt: string;
}

/** Where the rules record each call as it changes: the hub's history store, or nothing at all. */
export interface CallLog {
  /** Inserts or replaces the record of a call. */
  save(call: CallRecord): Promise<void>;
  /** Marks calls in progress as suspended by a graceful shutdown, to be resumed by the next start. */
  suspend(callIds: readonly string[], suspendedAt: string): Promise<void>;
}

/** Who may call whom: a plain yes or no, so that a refusal never tells the caller which rule refused (a block). */
export interface CallPolicy {
  /** `conversationId` null: in any conversation the two share. */
  mayCall(callerId: string, calleeId: string, conversationId: string | null): Promise<boolean>;
}

/** What the extended IncomingCall says of a caller (`caller-profile`). */
export interface CallerProfile {
  readonly displayName: string;
  readonly avatarUrl?: string;
}

/** What the rules report as they run: each call transition, refusal and relayed message. */
export type RulesEvent =
  | {
      readonly type: 'call';
      readonly callId: string;
      readonly callerId: string;
      readonly calleeId: string;
      readonly callType: HubCallType;
      readonly status: HubCallStatus;
      readonly endReason: HubEndReason | null;
    }
  | { readonly type: 'refusal'; readonly method: string; readonly code: RefusalCode; readonly userId: string }
  | { readonly type: 'relay'; readonly signal: 'offer' | 'answer' | 'candidate' };
