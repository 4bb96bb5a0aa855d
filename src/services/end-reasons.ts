// How this side reads the ways a call can end: the hub's reasons, the other side's rejections, errors.
import { CallError } from './errors.js';
import type { EndReason } from './call-state.js';
import type { HubEndReason } from './signaling/signaling.js';

/** `CallEnded` reasons as this side reads them: the hub's plain hang-up is the other side's. */
export const endReasonOfHub: Record<HubEndReason, EndReason> = {
  hangup: 'remote-hangup',
  cancelled: 'cancelled',
  missed: 'missed',
  'answered-elsewhere': 'answered-elsewhere',
  'declined-elsewhere': 'declined-elsewhere',
  disconnected: 'disconnected',
  failed: 'failed',
};

/** RejectCallAsync reasons this kit sends, as the caller reads them; any other reason is a decline. */
export function rejectionEndReason(reason: string | null): EndReason {
  return reason === 'busy' ? 'busy' : reason === 'timeout' ? 'missed' : 'declined';
}

/** Why an outgoing call that failed to start ended. */
export function failureEndReason(error: unknown): EndReason {
  const code = error instanceof CallError ? error.code : null;
  return code === 'USER_UNAVAILABLE' || code === 'USER_OFFLINE'
    ? 'unavailable'
    : code === 'USER_BUSY'
      ? 'busy'
      : 'failed';
}
