// The arguments and payloads of the contract, and their checks (docs/hub-contract.md §1, §2).
// Identifiers are normalized so that comparisons never depend on how a client formatted a GUID
// (Thrume compared raw strings: §5).

import { hubCallStatuses, hubCallTypes, type HubCallStatus, type HubCallType } from './values.ts';

const hex32 = /^[0-9a-f]{32}$/;

/**
 * Parses the GUID formats .NET's Guid.TryParse accepts in practice (D, N, B, P) and returns the
 * lower-case hyphenated form, or null.
 */
export function normalizeGuid(value: unknown): string | null {
  if (typeof value !== 'string' || value.length > 40) return null;
  let text = value.trim().toLowerCase();
  if ((text.startsWith('{') && text.endsWith('}')) || (text.startsWith('(') && text.endsWith(')')))
    text = text.slice(1, -1);
  let digits: string;
  if (text.length === 36) {
    if (text[8] !== '-' || text[13] !== '-' || text[18] !== '-' || text[23] !== '-') return null;
    digits = text.replaceAll('-', '');
  } else if (text.length === 32) {
    digits = text;
  } else {
    return null;
  }
  if (!hex32.test(digits)) return null;
  return `${digits.slice(0, 8)}-${digits.slice(8, 12)}-${digits.slice(12, 16)}-${digits.slice(16, 20)}-${digits.slice(20)}`;
}

/** "voice" or "video" in any case. Unlike Thrume, numeric strings are not call types (§6 B6). */
export function parseCallType(value: unknown): HubCallType | null {
  if (typeof value !== 'string') return null;
  const lower = value.trim().toLowerCase();
  return hubCallTypes.find((t) => t.toLowerCase() === lower) ?? null;
}

/** A CallStatus name in any case, or its number 0-6; any other number is refused (§6 B5). */
export function parseCallStatus(value: unknown): HubCallStatus | null {
  if (typeof value !== 'string') return null;
  const text = value.trim();
  if (/^[0-6]$/.test(text)) return hubCallStatuses[Number(text)] ?? null;
  const lower = text.toLowerCase();
  return hubCallStatuses.find((s) => s.toLowerCase() === lower) ?? null;
}

/** Largest SDP payload accepted, in UTF-8 bytes (the frame limit is 32 768). */
export const maxSdpBytes = 30_000;
/** Largest ICE candidate payload accepted, in UTF-8 bytes. */
export const maxCandidateBytes = 4_096;
/** Longer rejection reasons are cut to this many characters. */
export const maxReasonLength = 200;

/** A session description as the wire carries it: the JSON text of an `RTCSessionDescriptionInit`. */
export interface SessionDescription {
  readonly type: 'offer' | 'answer' | 'pranswer';
  readonly sdp: string;
}

/** An ICE candidate as the wire carries it: the JSON text of an `RTCIceCandidateInit` (an empty `candidate` ends them). */
export interface IceCandidate {
  readonly candidate: string;
  readonly sdpMid: string | null;
  readonly sdpMLineIndex: number | null;
  readonly usernameFragment: string | null;
}

/**
 * The session description in `payload` when it is one of the `types` wanted, within the size limit;
 * else null. An offer travels in `SendOfferAsync`, an answer (or provisional answer) in `SendAnswerAsync`.
 */
export function sessionDescriptionOf(
  payload: unknown,
  types: readonly SessionDescription['type'][],
): SessionDescription | null {
  const init = jsonObjectOf(payload, maxSdpBytes);
  if (init === null || !types.includes(init.type as SessionDescription['type']) || typeof init.sdp !== 'string')
    return null;
  return { type: init.type as SessionDescription['type'], sdp: init.sdp };
}

/** The ICE candidate in `payload`, within the size limit; else null. */
export function iceCandidateOf(payload: unknown): IceCandidate | null {
  const init = jsonObjectOf(payload, maxCandidateBytes);
  if (init === null || typeof init.candidate !== 'string') return null;
  const { sdpMid, sdpMLineIndex, usernameFragment } = init;
  if (!optional(sdpMid, 'string') || !optional(sdpMLineIndex, 'number') || !optional(usernameFragment, 'string'))
    return null;
  return {
    candidate: init.candidate,
    sdpMid: (sdpMid as string | undefined) ?? null,
    sdpMLineIndex: (sdpMLineIndex as number | undefined) ?? null,
    usernameFragment: (usernameFragment as string | undefined) ?? null,
  };
}

/** `IncomingCall`'s one argument. The extension `caller-profile` adds the caller's display name and picture. */
export interface IncomingCallMessage {
  readonly callId: string;
  readonly callerId: string;
  readonly callerUsername: string;
  /** What the caller sent as the call type ("voice", "VIDEO"...), echoed. */
  readonly callType: string;
  readonly conversationId: string;
  /** .NET's round-trip format of the UTC time the call started. */
  readonly timestamp: string;
  readonly offer: null;
  readonly callerDisplayName?: string;
  readonly callerAvatarUrl?: string;
}

/** .NET's round-trip ("O") format of a UTC time, as Thrume's IncomingCall carries it: 7 fractional digits. */
export function roundTripFormat(iso: string): string {
  return iso.replace(/\.(\d{3})Z$/, (_match, millis: string) => `.${millis}0000Z`);
}

function optional(value: unknown, type: 'string' | 'number'): boolean {
  return value === undefined || value === null || typeof value === type;
}

const utf8 = new TextEncoder();

/** The JSON object in `text` when it is a string of at most `maxBytes` UTF-8 bytes; else null. */
function jsonObjectOf(text: unknown, maxBytes: number): Record<string, unknown> | null {
  // A UTF-8 character takes at most 3 bytes per UTF-16 unit: most payloads need no encoding to be measured.
  if (typeof text !== 'string' || (text.length * 3 > maxBytes && utf8.encode(text).length > maxBytes)) return null;
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : null;
  } catch {
    return null;
  }
}
