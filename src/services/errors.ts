// Typed errors: the seed's CallError values, plus device and hub refusals.
import { refusalCodeOf, type RefusalCode } from '@thrume/calls-contract';

export const callErrorCodes = [
  'PERMISSION_DENIED', // the user or the browser refused camera, microphone or screen
  'DEVICE_NOT_FOUND', // no microphone (or chosen device) exists
  'DEVICE_IN_USE', // the device exists but another program holds it
  'USER_BUSY', // the callee is in another call
  'USER_UNAVAILABLE', // the hub refused the call: not allowed, or callee busy
  'USER_OFFLINE', // the callee has no connection to the hub
  'NETWORK_ERROR', // the hub cannot be reached, or media connectivity failed
  'WEBRTC_ERROR', // the browser's WebRTC stack failed, or it has none
  'SIGNALING_ERROR', // the hub refused an operation or sent something malformed
  'CALL_NOT_FOUND', // the hub no longer has the call (it ended, or was never there)
  'INVALID_STATE', // the action does not fit the current call state, or a wrong argument
] as const;
export type CallErrorCode = (typeof callErrorCodes)[number];

export class CallError extends Error {
  override name = 'CallError';
  constructor(
    readonly code: CallErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/** Maps a getUserMedia / getDisplayMedia DOMException to a CallError a person can act on. */
export function mediaError(error: unknown, what: string): CallError {
  const name = error instanceof DOMException || error instanceof Error ? error.name : '';
  switch (name) {
    case 'NotAllowedError':
    case 'SecurityError':
      return new CallError('PERMISSION_DENIED', `Permission to use the ${what} was denied.`, { cause: error });
    case 'NotFoundError':
    case 'OverconstrainedError':
      return new CallError('DEVICE_NOT_FOUND', `No ${what} was found.`, { cause: error });
    case 'NotReadableError':
    case 'AbortError':
      return new CallError('DEVICE_IN_USE', `The ${what} is in use by another program.`, { cause: error });
    case 'InvalidStateError':
      return new CallError('INVALID_STATE', `The ${what} can only be started from a click or a key press.`, {
        cause: error,
      });
    default:
      return new CallError('WEBRTC_ERROR', `Could not start the ${what}: ${String(error)}`, { cause: error });
  }
}

/** The kit's code for each refusal the hub may give; any other refusal is a SIGNALING_ERROR. */
const refusalErrorCodes: Partial<Record<RefusalCode, CallErrorCode>> = {
  'not-online': 'USER_OFFLINE',
  'not-available': 'USER_UNAVAILABLE',
  'not-found': 'CALL_NOT_FOUND',
  'invalid-callee': 'INVALID_STATE',
  'invalid-call-type': 'INVALID_STATE',
  'invalid-payload': 'INVALID_STATE',
  'invalid-status': 'INVALID_STATE',
  'invalid-transition': 'INVALID_STATE',
};

/** A hub's `CallError(text)`, or `CallError(text, code)` from hubs with `refusal-codes`, as a CallError. */
export function hubError(text: string, code?: unknown): CallError {
  const refusal = refusalCodeOf(text, code);
  return new CallError((refusal && refusalErrorCodes[refusal]) ?? 'SIGNALING_ERROR', text);
}
