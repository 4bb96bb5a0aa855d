// Input checks for hub arguments. Identifiers are normalized so that comparisons never depend on
// how a client formatted a GUID (Thrume compared raw strings: docs/hub-contract.md §1).

import { callStatuses, callTypes, type CallStatus, type CallType } from './model.ts';

const hex32 = /^[0-9a-f]{32}$/;

/**
 * Parses the GUID formats .NET's Guid.TryParse accepts in practice (D, N, B, P) and returns the
 * lower-case hyphenated form, or null.
 */
export function normalizeGuid(value: unknown): string | null {
  if (typeof value !== 'string' || value.length > 40) return null;
  let text = value.trim().toLowerCase();
  if ((text.startsWith('{') && text.endsWith('}')) || (text.startsWith('(') && text.endsWith(')'))) text = text.slice(1, -1);
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
export function parseCallType(value: unknown): CallType | null {
  if (typeof value !== 'string') return null;
  const lower = value.trim().toLowerCase();
  return callTypes.find((t) => t.toLowerCase() === lower) ?? null;
}

/** A CallStatus name in any case, or its number 0-6; any other number is refused (§6 B5). */
export function parseCallStatus(value: unknown): CallStatus | null {
  if (typeof value !== 'string') return null;
  const text = value.trim();
  if (/^[0-6]$/.test(text)) return callStatuses[Number(text)] ?? null;
  const lower = text.toLowerCase();
  return callStatuses.find((s) => s.toLowerCase() === lower) ?? null;
}

/** Largest SDP payload accepted, in UTF-8 bytes (the frame limit is 32 768). */
export const maxSdpBytes = 30_000;
/** Largest ICE candidate payload accepted, in UTF-8 bytes. */
export const maxCandidateBytes = 4_096;
/** Longer rejection reasons are cut to this many characters. */
export const maxReasonLength = 200;

/** JSON text of an RTCSessionDescriptionInit of the given type, within the size limit. */
export function isSessionDescription(payload: unknown, type: 'offer' | 'answer'): payload is string {
  if (typeof payload !== 'string' || Buffer.byteLength(payload) > maxSdpBytes) return false;
  const value = parseJson(payload);
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const init = value as Record<string, unknown>;
  const types = type === 'offer' ? ['offer'] : ['answer', 'pranswer'];
  return types.includes(init.type as string) && typeof init.sdp === 'string';
}

/** JSON text of an RTCIceCandidateInit (an empty `candidate` marks the end of candidates). */
export function isIceCandidate(payload: unknown): payload is string {
  if (typeof payload !== 'string' || Buffer.byteLength(payload) > maxCandidateBytes) return false;
  const value = parseJson(payload);
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const init = value as Record<string, unknown>;
  return (
    typeof init.candidate === 'string' &&
    optional(init.sdpMid, 'string') &&
    optional(init.sdpMLineIndex, 'number') &&
    optional(init.usernameFragment, 'string')
  );
}

function optional(value: unknown, type: 'string' | 'number'): boolean {
  return value === undefined || value === null || typeof value === type;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
