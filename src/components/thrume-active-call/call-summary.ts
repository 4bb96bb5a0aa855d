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

// Not yet in TypeScript's lib: the part of Intl.DurationFormat (ES2025) used here.
type DurationFormatter = { format(duration: { hours: number; minutes: number; seconds: number }): string };
type DurationFormatConstructor = new (lang: string, options: object) => DurationFormatter;
const durationFormat = (Intl as { DurationFormat?: DurationFormatConstructor }).DurationFormat;
const formatters = new Map<string, DurationFormatter>();

/**
 * The duration as a clock in the language's digits: `mm:ss`, or `h:mm:ss` past an hour, through
 * `Intl.DurationFormat` where the browser has it, else the same shape through `Intl.NumberFormat`.
 */
export function formatDuration(ms: number, lang = 'en', DurationFormat: DurationFormatConstructor | null = durationFormat ?? null): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  const duration = { hours: Math.floor(total / 3600), minutes: Math.floor((total % 3600) / 60), seconds: total % 60 };
  const key = `${DurationFormat ? 'intl' : 'number'}:${lang}`;
  let formatter = formatters.get(key);
  if (!formatter) {
    formatter = DurationFormat ? new DurationFormat(lang, { style: 'digital', hoursDisplay: 'auto' }) : clockFormatter(lang);
    formatters.set(key, formatter);
  }
  return formatter.format(duration);
}

function clockFormatter(lang: string): DurationFormatter {
  const two = new Intl.NumberFormat(lang, { minimumIntegerDigits: 2 });
  const one = new Intl.NumberFormat(lang);
  return {
    format: ({ hours, minutes, seconds }) =>
      [...(hours ? [one.format(hours)] : []), two.format(minutes), two.format(seconds)].join(':'),
  };
}

/** ISO 8601 duration for `<time datetime>`. */
export function isoDuration(ms: number): string {
  return `PT${Math.max(0, Math.floor(ms / 1000))}S`;
}

/** A device's label, or a numbered fallback (labels are empty before permission is granted). */
export function deviceLabel(device: MediaDeviceInfo, index: number, kind: string): string {
  return device.label || `${kind} ${index + 1}`;
}
