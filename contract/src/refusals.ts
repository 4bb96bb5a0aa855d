// Why a hub refused a call operation. The baseline says it only in English, as `CallError(text)`;
// hubs with `refusal-codes` also send the code and the method refused, as `CallError(text, code, method)`. This table is the one
// place where the baseline's texts (docs/hub-contract.md §2) and the codes meet.

export const refusalTexts = {
  unauthorized: 'Unauthorized',
  'invalid-callee': 'Invalid callee ID',
  'invalid-call-type': 'Invalid call type',
  'not-available': 'User is not available for calls',
  'not-online': 'User is not online',
  'rate-limited': 'Rate limit exceeded',
  'initiate-failed': 'Failed to initiate call',
  'not-found': 'Call not found',
  'not-authorized-accept': 'Not authorized to accept this call',
  'not-authorized-reject': 'Not authorized to reject this call',
  'not-authorized-end': 'Not authorized to end this call',
  'not-authorized-rejoin': 'Not authorized to rejoin this call',
  'already-accepted': 'Call already accepted',
  'accept-failed': 'Failed to accept call',
  'reject-failed': 'Failed to reject call',
  'end-failed': 'Failed to end call',
  'not-bound': 'Not authorized to signal for this call',
  'not-connected': 'Call is not connected',
  direction: 'Offers go from caller to callee and answers from callee to caller',
  'invalid-payload': 'Invalid signaling payload',
  'invalid-status': 'Invalid call status',
  'invalid-transition': 'Invalid status transition',
  'send-offer-failed': 'Failed to send offer',
  'send-answer-failed': 'Failed to send answer',
  'send-candidate-failed': 'Failed to send ICE candidate',
  'update-status-failed': 'Failed to update call status',
} as const;
export type RefusalCode = keyof typeof refusalTexts;

const codesByText = new Map<string, RefusalCode>(
  Object.entries(refusalTexts).map(([code, text]) => [text, code as RefusalCode]),
);

/** The code of a refusal: the one the hub sent when it is known, else the one its text means; null for neither. */
export function refusalCodeOf(text: string, code?: unknown): RefusalCode | null {
  if (typeof code === 'string' && code in refusalTexts) return code as RefusalCode;
  return codesByText.get(text) ?? null;
}
