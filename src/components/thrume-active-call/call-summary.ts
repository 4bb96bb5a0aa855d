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
type Duration = { hours: number; minutes: number; seconds: number };
type DurationFormatter = { format(duration: Duration): string };
type DurationFormatConstructor = new (lang: string, options: object) => DurationFormatter;
const durationFormat = (Intl as { DurationFormat?: DurationFormatConstructor }).DurationFormat;
const formatters = new Map<string, DurationFormatter>();

const split = (ms: number): Duration => {
  const total = Math.max(0, Math.floor(ms / 1000));
  return { hours: Math.floor(total / 3600), minutes: Math.floor((total % 3600) / 60), seconds: total % 60 };
};

function formatter(
  style: 'digital' | 'long',
  lang: string,
  DurationFormat: DurationFormatConstructor | null,
): DurationFormatter {
  const key = `${style}:${DurationFormat ? 'intl' : 'fallback'}:${lang}`;
  let made = formatters.get(key);
  if (!made) {
    made = DurationFormat
      ? new DurationFormat(lang, style === 'digital' ? { style, hoursDisplay: 'auto' } : { style })
      : style === 'digital'
        ? clockFormatter(lang)
        : wordsFormatter(lang);
    formatters.set(key, made);
  }
  return made;
}

/**
 * The duration as a clock in the language's digits: `mm:ss`, or `h:mm:ss` past an hour, through
 * `Intl.DurationFormat` where the browser has it, else the same shape through `Intl.NumberFormat`.
 */
export function formatDuration(
  ms: number,
  lang = 'en',
  DurationFormat: DurationFormatConstructor | null = durationFormat ?? null,
): string {
  return formatter('digital', lang, DurationFormat).format(split(ms));
}

/**
 * The duration in words, for screen readers ("2 minutes, 5 seconds"; "2 minuty, 5 sekund"): through
 * `Intl.DurationFormat`, else `Intl.NumberFormat`'s units, whose CLDR plural rules pick each word's form.
 */
export function spokenDuration(
  ms: number,
  lang = 'en',
  DurationFormat: DurationFormatConstructor | null = durationFormat ?? null,
): string {
  // DurationFormat says nothing for nothing: the first second is "0 seconds" in words.
  return ms < 1000 ? unitFormat(lang, 'second').format(0) : formatter('long', lang, DurationFormat).format(split(ms));
}

const unitFormat = (lang: string, unit: string) =>
  new Intl.NumberFormat(lang, { style: 'unit', unit, unitDisplay: 'long' });

function clockFormatter(lang: string): DurationFormatter {
  const two = new Intl.NumberFormat(lang, { minimumIntegerDigits: 2 });
  const one = new Intl.NumberFormat(lang);
  return {
    format: ({ hours, minutes, seconds }) =>
      [...(hours ? [one.format(hours)] : []), two.format(minutes), two.format(seconds)].join(':'),
  };
}

function wordsFormatter(lang: string): DurationFormatter {
  const [hours, minutes, seconds] = ['hour', 'minute', 'second'].map((unit) => unitFormat(lang, unit)) as [
    Intl.NumberFormat,
    Intl.NumberFormat,
    Intl.NumberFormat,
  ];
  const list = new Intl.ListFormat(lang, { type: 'unit', style: 'long' });
  return {
    format: (d) => {
      const parts = [
        d.hours && hours.format(d.hours),
        d.minutes && minutes.format(d.minutes),
        d.seconds && seconds.format(d.seconds),
      ];
      return list.format(parts.filter((p): p is string => !!p));
    },
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
