// What the active call says about itself: the status line, the duration, the device lists.
import type { CallState } from '../../services/call-state.js';
import type { CallStrings } from '../../strings.js';

/** The status line for a call that is visible; empty while media flows (the duration shows then). */
export function statusLine(state: CallState, text: CallStrings): string {
  const call = state.activeCall;
  if (!call) return '';
  switch (state.status) {
    case 'calling':
      return text.calling(call.peerName);
    case 'connecting':
      return text.connecting;
    case 'reconnecting':
      return text.reconnecting;
    case 'ended':
      return call.endReason ? text.ended[call.endReason] : text.ended.hangup;
    default:
      return '';
  }
}

/** `m:ss`, or `h:mm:ss` past an hour. */
export function formatDuration(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const pad = (n: number) => String(n).padStart(2, '0');
  return h ? `${h}:${pad(m)}:${pad(s)}` : `${m}:${pad(s)}`;
}

/** ISO 8601 duration for `<time datetime>`. */
export function isoDuration(ms: number): string {
  return `PT${Math.max(0, Math.floor(ms / 1000))}S`;
}

/** A device's label, or a numbered fallback (labels are empty before permission is granted). */
export function deviceLabel(device: MediaDeviceInfo, index: number, kind: string): string {
  return device.label || `${kind} ${index + 1}`;
}
