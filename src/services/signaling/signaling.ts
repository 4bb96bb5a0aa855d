// The signaling contract (docs/hub-contract.md) as a typed interface. Two implementations:
// SignalR (signalr-signaling.ts) and an in-memory loopback (loopback.ts).
import type { Emitter } from '../emitter.js';
import type { CallType } from '../call-state.js';
import type { IceServerList } from '../ice-servers.js';

import { hubEndReasons, type HubEndReason, type HubFeature } from './contract.js';
import { nonEmpty } from '../peer-profile.js';

export * from './contract.js';

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
  /** The hub's `CallError`: the failure of the last call operation. */
  callError: { message: string };
  /** Something arrived that does not fit the contract; it was dropped. */
  protocolError: { message: string };
  status: { status: 'connected' | 'reconnecting' | 'disconnected' };
}

export interface RejoinResult {
  readonly callId: string;
  readonly status: string;
  readonly role: 'caller' | 'callee';
}

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

/** Parses the wire's opaque SDP string; null when it is not a session description. */
export function parseDescription(text: unknown): RTCSessionDescriptionInit | null {
  const value = parseJson(text);
  if (!isRecord(value) || (value.type !== 'offer' && value.type !== 'answer') || typeof value.sdp !== 'string') return null;
  return { type: value.type, sdp: value.sdp };
}

/** Parses the wire's opaque ICE candidate string; null when it is not a candidate. */
export function parseCandidate(text: unknown): RTCIceCandidateInit | null {
  const value = parseJson(text);
  if (!isRecord(value) || typeof value.candidate !== 'string') return null;
  return {
    candidate: value.candidate,
    sdpMid: typeof value.sdpMid === 'string' ? value.sdpMid : null,
    sdpMLineIndex: typeof value.sdpMLineIndex === 'number' ? value.sdpMLineIndex : null,
    usernameFragment: typeof value.usernameFragment === 'string' ? value.usernameFragment : null,
  };
}

export function parseCallType(value: unknown): CallType | null {
  const type = typeof value === 'string' ? value.toLowerCase() : '';
  return type === 'voice' || type === 'video' ? type : null;
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
  const { callId, callerId, callerUsername, callerDisplayName, callerAvatarUrl, callType, conversationId, timestamp } = value;
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

function parseJson(text: unknown): unknown {
  if (typeof text !== 'string') return null;
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}
