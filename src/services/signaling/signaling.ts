// The signaling contract (docs/hub-contract.md) as the kit uses it: a typed interface over the
// contract package's names and payloads. One implementation speaks the hub's methods and events
// (hub-signaling.ts), over SignalR or over the in-page loopback.
import {
  hubEndReasons,
  iceCandidateOf,
  parseCallType as parseHubCallType,
  sessionDescriptionOf,
  type HubEndReason,
  type HubFeature,
  type RejoinResult,
} from '@thrume/calls-contract';
import type { Emitter } from '../emitter.js';
import type { CallType } from '../call-state.js';
import type { IceServerList } from '../ice-servers.js';
import { nonEmpty } from '../peer-profile.js';

export {
  hubEndReasons,
  hubFeatures,
  type HubEndReason,
  type HubFeature,
  type RefusalCode,
} from '@thrume/calls-contract';

export interface HubInfo {
  readonly features: ReadonlySet<HubFeature>;
  /** The hub's own ring timeout, when it has one. */
  readonly ringTimeoutMs: number | null;
  readonly reconnectGraceMs: number | null;
}

export const baselineHubInfo: HubInfo = { features: new Set(), ringTimeoutMs: null, reconnectGraceMs: null };

export interface IncomingCallEvent {
  readonly callId: string;
  readonly callerId: string;
  /** The caller's display name where the hub sends one (`caller-profile`), else their user name; may be empty. */
  readonly callerName: string;
  readonly callerAvatarUrl?: string;
  readonly callType: CallType;
  readonly conversationId: string;
  readonly timestamp: Date;
}

export interface SignalingEvents {
  incomingCall: IncomingCallEvent;
  callAccepted: { callId: string };
  callRejected: { callId: string; reason: string | null };
  callEnded: { callId: string; reason: HubEndReason };
  description: { callId: string; description: RTCSessionDescriptionInit };
  candidate: { callId: string; candidate: RTCIceCandidateInit };
  /** The hub's `CallError` outside any call operation of this side, with its code and method where the hub sends them. */
  callError: { message: string; code: string | null; method: string | null };
  /** Something arrived that does not fit the contract; it was dropped. */
  protocolError: { message: string };
  status: { status: 'connected' | 'reconnecting' | 'disconnected' };
}

export type { RejoinResult } from '@thrume/calls-contract';

export interface Signaling {
  readonly events: Emitter<SignalingEvents>;
  /** Known after `connect()`; the baseline when the hub has no `GetHubInfoAsync`. */
  readonly hubInfo: HubInfo;
  connect(): Promise<HubInfo>;
  disconnect(): Promise<void>;
  /** Resolves with the call id when the hub returns it (`call-id-result`), else null. */
  initiateCall(calleeId: string, callType: CallType, conversationId: string): Promise<string | null>;
  acceptCall(callId: string): Promise<void>;
  rejectCall(callId: string, reason: string | null): Promise<void>;
  endCall(callId: string): Promise<void>;
  sendDescription(callId: string, description: RTCSessionDescriptionInit): Promise<void>;
  sendCandidate(callId: string, candidate: RTCIceCandidateInit): Promise<void>;
  rejoinCall(callId: string): Promise<RejoinResult>;
  /** TURN and STUN servers from the hub (`ice-servers`), or null when it has none to give; rejects when it cannot be reached. */
  iceServers(): Promise<IceServerList | null>;
}

/** Parses the wire's opaque SDP string; null when it is not an offer or answer. */
export function parseDescription(text: unknown): RTCSessionDescriptionInit | null {
  return sessionDescriptionOf(text, ['offer', 'answer']);
}

/** Parses the wire's opaque ICE candidate string; null when it is not a candidate. */
export function parseCandidate(text: unknown): RTCIceCandidateInit | null {
  return iceCandidateOf(text);
}

/** "voice" or "video", from the wire's call type in any case. */
export function parseCallType(value: unknown): CallType | null {
  const type = parseHubCallType(value);
  return type === null ? null : type === 'Voice' ? 'voice' : 'video';
}

export function parseEndReason(value: unknown): HubEndReason {
  return hubEndReasons.includes(value as HubEndReason) ? (value as HubEndReason) : 'hangup';
}

/**
 * Reads the one-object `IncomingCall`, with the extended hub's `callerDisplayName` and `callerAvatarUrl`
 * where it sends them; null when a baseline field is missing or of the wrong type.
 */
export function parseIncomingCall(value: unknown): IncomingCallEvent | null {
  if (!isRecord(value)) return null;
  const { callId, callerId, callerUsername, callerDisplayName, callerAvatarUrl, callType, conversationId, timestamp } =
    value;
  const type = parseCallType(callType);
  if (typeof callId !== 'string' || typeof callerId !== 'string' || !type) return null;
  const time = typeof timestamp === 'string' ? new Date(timestamp) : new Date();
  return {
    callId,
    callerId,
    callerName: nonEmpty(callerDisplayName) ?? nonEmpty(callerUsername) ?? '',
    callerAvatarUrl: nonEmpty(callerAvatarUrl),
    callType: type,
    conversationId: typeof conversationId === 'string' ? conversationId : '',
    timestamp: Number.isNaN(time.getTime()) ? new Date() : time,
  };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}
