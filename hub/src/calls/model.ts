// The call record and its value sets. Names and numbers follow Thrume's C# enums.

export const callTypes = ['Voice', 'Video'] as const;
export type CallType = (typeof callTypes)[number];

export const callStatuses = ['Initiated', 'Ringing', 'Connected', 'Ended', 'Rejected', 'Missed', 'Failed'] as const;
export type CallStatus = (typeof callStatuses)[number];

/** Why a call ended, as `CallEnded(callId, reason)` carries it with extensions on: the kit's own list. */
import type { HubEndReason } from '../../../src/services/signaling/contract.ts';

export { hubEndReasons as endReasons } from '../../../src/services/signaling/contract.ts';
export type EndReason = HubEndReason;

export const allowCallsValues = ['everyone', 'conversations', 'nobody'] as const;
export type AllowCalls = (typeof allowCallsValues)[number];

export interface CallSettings {
  readonly allowCalls: AllowCalls;
  readonly blockedUserIds: readonly string[];
}

/** A user without a settings entry. */
export const defaultCallSettings: CallSettings = { allowCalls: 'conversations', blockedUserIds: [] };

export interface Call {
  readonly id: string;
  readonly callerId: string;
  readonly calleeId: string;
  readonly callerUserName: string;
  readonly type: CallType;
  /** What the caller sent ("voice", "VIDEO"...): the baseline echoes it in IncomingCall. */
  readonly rawCallType: string;
  readonly conversationId: string;
  readonly status: CallStatus;
  readonly startedAt: string;
  readonly connectedAt: string | null;
  readonly endedAt: string | null;
  readonly rejectionReason: string | null;
  readonly endReason: EndReason | null;
  /** The caller's bound connection. */
  readonly callerConnectionId: string;
  /** The callee's bound connection: null until a callee connection accepts. */
  readonly calleeConnectionId: string | null;
}

export type Role = 'caller' | 'callee';

/** The statuses a call may move to from each status (the state diagram of docs/hub-contract.md §4). */
const transitions: Readonly<Record<CallStatus, readonly CallStatus[]>> = {
  Initiated: ['Ringing', 'Failed', 'Ended'],
  Ringing: ['Connected', 'Ended', 'Rejected', 'Missed', 'Failed'],
  Connected: ['Ended', 'Failed'],
  Ended: [],
  Rejected: [],
  Missed: [],
  Failed: [],
};

export function canTransition(from: CallStatus, to: CallStatus): boolean {
  return transitions[from].includes(to);
}

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
