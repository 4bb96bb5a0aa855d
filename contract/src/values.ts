// The contract's value sets (docs/hub-contract.md §2, §3). Names and numbers of the call types and
// statuses follow Thrume's C# enums, as its REST API and the reference hub's history show them.

/** What `GetHubInfoAsync` may announce; a client ignores names it does not know. */
export const hubFeatures = [
  'call-id-result',
  'end-reasons',
  'rejoin',
  'renegotiate-both-ways',
  'elsewhere',
  'ice-servers',
  'caller-profile',
  'refusal-codes',
] as const;
export type HubFeature = (typeof hubFeatures)[number];

/** The `CallEnded` reasons (extension `end-reasons`); absent means `hangup`. */
export const hubEndReasons = [
  'hangup',
  'cancelled',
  'missed',
  'answered-elsewhere',
  'declined-elsewhere',
  'disconnected',
  'failed',
] as const;
export type HubEndReason = (typeof hubEndReasons)[number];

/** A call's type as the hub records it. On the wire `InitiateCallAsync` takes "voice" or "video" in any case. */
export const hubCallTypes = ['Voice', 'Video'] as const;
export type HubCallType = (typeof hubCallTypes)[number];

/** A call's status as the hub records it; `UpdateCallStatusAsync` takes a name in any case or its number. */
export const hubCallStatuses = ['Initiated', 'Ringing', 'Connected', 'Ended', 'Rejected', 'Missed', 'Failed'] as const;
export type HubCallStatus = (typeof hubCallStatuses)[number];

/** The statuses a call may move to from each status (docs/hub-contract.md §4). */
const transitions: Readonly<Record<HubCallStatus, readonly HubCallStatus[]>> = {
  Initiated: ['Ringing', 'Failed', 'Ended'],
  Ringing: ['Connected', 'Ended', 'Rejected', 'Missed', 'Failed'],
  Connected: ['Ended', 'Failed'],
  Ended: [],
  Rejected: [],
  Missed: [],
  Failed: [],
};

export function canTransition(from: HubCallStatus, to: HubCallStatus): boolean {
  return transitions[from].includes(to);
}

/** What `GetHubInfoAsync()` returns (extended hubs only). */
export interface HubInfoResult {
  readonly protocol: 'thrume-calls';
  readonly version: 1;
  readonly features: readonly string[];
  readonly ringTimeoutMs: number;
  readonly reconnectGraceMs: number;
}

/** What `RejoinCallAsync(callId)` returns (extension `rejoin`). */
export interface RejoinResult {
  readonly callId: string;
  readonly status: HubCallStatus;
  readonly role: 'caller' | 'callee';
}

/**
 * The longest message a hub takes, in bytes of UTF-8: Thrume's `MaximumReceiveMessageSize` (32 KB). ASP.NET
 * closes the connection of a client that sends a longer one.
 */
export const maximumMessageBytes = 32_768;
