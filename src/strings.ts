// Every visible or announced string, in English. Elements speak the language of their nearest `lang`
// (see locale.ts); replace any string with the `strings` property of an element, or once for all
// elements below a provider with the provider's `strings` property.
import { createContext } from '@lit/context';
import { translationFor } from './locale.js';
import type { CallErrorCode } from './services/errors.js';
import type { CallType, EndReason, QualityVerdict } from './services/call-state.js';

export interface CallStrings {
  voiceCall(name: string): string;
  videoCall(name: string): string;
  screenShareCall(name: string): string;
  /** Why the call buttons are disabled. */
  busyReason: string;
  ringingReason: string;
  offlineReason: string;
  callType: Record<CallType, string>;
  incomingTitle: string;
  incomingAnnouncement(name: string, type: CallType): string;
  accept: string;
  acceptAudioOnly: string;
  decline: string;
  declineHint: string;
  calling(name: string): string;
  connecting: string;
  reconnecting: string;
  duration: string;
  mute: string;
  cameraOff: string;
  shareScreen: string;
  hangUp: string;
  cancelCall: string;
  fullScreen: string;
  exitFullScreen: string;
  fullScreenRefused: string;
  pictureInPicture: string;
  exitPictureInPicture: string;
  pictureInPictureRefused: string;
  /** The button that hides a message such as `fullScreenRefused`. */
  dismiss: string;
  controls: string;
  devices: string;
  microphone: string;
  camera: string;
  speaker: string;
  defaultDevice: string;
  localVideo: string;
  /** The button on the small video in a corner that swaps it with the large one. */
  swapVideos: string;
  remoteVideo(name: string): string;
  quality: string;
  verdict: Record<QualityVerdict, string>;
  remoteMuted(name: string): string;
  /** Shown while this side speaks with its microphone muted. */
  mutedHint: string;
  remoteSharing(name: string): string;
  ended: Record<EndReason, string>;
  errors: Record<CallErrorCode, string>;
  close: string;
  callWith(name: string): string;
  /** Modifier keys as keyboards print them, for the shortcuts shown in the call controls' tooltips. */
  keys: Record<'Control' | 'Shift' | 'Alt' | 'Meta', string>;
}

export const defaultStrings: CallStrings = {
  voiceCall: (name) => (name ? `Voice call with ${name}` : 'Voice call'),
  videoCall: (name) => (name ? `Video call with ${name}` : 'Video call'),
  screenShareCall: (name) => (name ? `Call ${name} and share your screen` : 'Call and share your screen'),
  busyReason: 'You are already in a call.',
  ringingReason: 'A call is ringing.',
  offlineReason: 'Not connected to the call service.',
  callType: { voice: 'Voice call', video: 'Video call' },
  incomingTitle: 'Incoming call',
  incomingAnnouncement: (name, type) => `Incoming ${type} call from ${name || 'someone'}`,
  accept: 'Accept',
  acceptAudioOnly: 'Accept with audio only',
  decline: 'Decline',
  declineHint: 'Press Escape to decline.',
  calling: (name) => `Calling ${name || 'your contact'}…`,
  connecting: 'Connecting…',
  reconnecting: 'Reconnecting…',
  duration: 'Call duration',
  mute: 'Mute microphone',
  cameraOff: 'Turn off camera',
  shareScreen: 'Share screen',
  hangUp: 'Hang up',
  cancelCall: 'Cancel call',
  fullScreen: 'Full screen',
  exitFullScreen: 'Exit full screen',
  fullScreenRefused: 'Full screen is not available here.',
  pictureInPicture: 'Picture in picture',
  exitPictureInPicture: 'Exit picture in picture',
  pictureInPictureRefused: 'Picture in picture is not available here.',
  dismiss: 'Dismiss',
  controls: 'Call controls',
  devices: 'Devices',
  microphone: 'Microphone',
  camera: 'Camera',
  speaker: 'Speaker',
  defaultDevice: 'Default',
  localVideo: 'Your video',
  swapVideos: 'Swap videos',
  remoteVideo: (name) => `Video from ${name || 'your contact'}`,
  quality: 'Connection',
  verdict: { good: 'good', fair: 'fair', poor: 'poor' },
  remoteMuted: (name) => `${name || 'Your contact'} is muted`,
  mutedHint: 'You are muted: nobody hears you',
  remoteSharing: (name) => `${name || 'Your contact'} is sharing their screen`,
  ended: {
    hangup: 'Call ended',
    'remote-hangup': 'Call ended',
    declined: 'Call declined',
    busy: 'Busy',
    missed: 'No answer',
    cancelled: 'Call cancelled',
    'answered-elsewhere': 'Answered on another device',
    'declined-elsewhere': 'Declined on another device',
    unavailable: 'Not available for calls',
    disconnected: 'Connection lost',
    failed: 'Call failed',
  },
  errors: {
    PERMISSION_DENIED: 'Camera or microphone permission was denied. Allow it in the browser settings.',
    DEVICE_NOT_FOUND: 'No camera or microphone was found.',
    DEVICE_IN_USE: 'The camera or microphone is in use by another program.',
    USER_BUSY: 'They are in another call.',
    USER_UNAVAILABLE: 'They are not available for calls.',
    USER_OFFLINE: 'They are offline.',
    NETWORK_ERROR: 'The network connection failed.',
    WEBRTC_ERROR: 'The call could not be set up in this browser.',
    SIGNALING_ERROR: 'The call service refused the request.',
    CALL_NOT_FOUND: 'That call has already ended.',
    INVALID_STATE: 'That is not possible right now.',
  },
  close: 'Close',
  callWith: (name) => `Call with ${name || 'your contact'}`,
  keys: { Control: 'Ctrl', Shift: 'Shift', Alt: 'Alt', Meta: 'Meta' },
};

/** Strings given to a provider, for every element below it. */
export const stringsContext = createContext<Partial<CallStrings> | undefined>(Symbol('thrume-call-strings'));

/** The strings an element shows: its own, then its provider's, then its language's, then English. */
export function resolveStrings(own?: Partial<CallStrings>, provided?: Partial<CallStrings>, lang = 'en'): CallStrings {
  return { ...defaultStrings, ...translationFor(lang), ...provided, ...own };
}
