// The kit's services and types. Importing this registers no element.
// In-memory signaling for tests, stories and demos is in './testing.js' (`@thrume/calls/testing`).
export * from './services/call-state.js';
export * from './services/errors.js';
export {
  CallController,
  defaultIceServers,
  type CallControllerOptions,
  type CallDetails,
} from './services/call-controller.js';
export type { PeerProfile, PeerResolver } from './services/peer-profile.js';
export { CallErrorEvent } from './services/call-store.js';
export {
  BrowserMedia,
  audioConstraints,
  videoConstraints,
  type MediaService,
  type CapturedMedia,
  type DeviceChoice,
} from './services/media.js';
export { verdictOf } from './services/quality-verdict.js';
export * from './services/signaling/signaling.js';
export type { IceServerList } from './services/ice-servers.js';
export { SignalRSignaling, type SignalRSignalingOptions } from './services/signaling/signalr-signaling.js';
// Element plumbing, with no element registered: context, events, strings and languages, tones.
export { callContext, CallBinding, type CallHandle, type CallBindingHost } from './context.js';
export * from './events.js';
export { defaultStrings, stringsContext, resolveStrings, type CallStrings } from './strings.js';
export { registerLocale, loadLocale, languageOf } from './locale.js';
export { Tone, ringtone, ringback, unlockAudioOnGesture, type TonePattern } from './tones.js';
