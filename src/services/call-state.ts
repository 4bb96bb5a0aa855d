// The call controller's read-only state snapshot, and the value sets it uses.
import type { CallError } from './errors.js';

export const callTypes = ['voice', 'video'] as const;
export type CallType = (typeof callTypes)[number];

/** Seed §6.1 plus connecting, reconnecting and ended (with a reason). */
export const callStatuses = ['idle', 'calling', 'incoming', 'connecting', 'active', 'reconnecting', 'ended'] as const;
export type CallStatus = (typeof callStatuses)[number];

/** How a call ended, from this side's point of view. */
export const endReasons = [
  'hangup', // this side hung up
  'remote-hangup', // the other side hung up
  'declined', // the callee declined
  'busy', // the callee was in another call
  'missed', // nobody answered before the ring timeout
  'cancelled', // the caller gave up while ringing
  'answered-elsewhere',
  'declined-elsewhere',
  'unavailable', // the hub refused the call (offline, not allowed, busy)
  'disconnected', // signaling or media was gone for too long
  'failed', // media could not be set up, or an error
] as const;
export type EndReason = (typeof endReasons)[number];

export type CallDirection = 'outgoing' | 'incoming';

export interface CallInfo {
  /** Null while an outgoing call waits for the hub to name it. */
  readonly id: string | null;
  readonly direction: CallDirection;
  readonly type: CallType;
  readonly peerId: string;
  /** The other person's name: the page's `peerResolver`'s, else the hub's (or the call button's), else `peerId`. */
  readonly peerName: string;
  /** The other person's picture, from `peerResolver` or the hub; initials are shown without one. */
  readonly peerAvatarUrl?: string;
  readonly conversationId: string;
  readonly startedAt: Date;
  /** When media first connected; the call's duration counts from here. */
  readonly connectedAt?: Date;
  readonly endedAt?: Date;
  readonly endReason?: EndReason;
}

export interface MediaControls {
  readonly muted: boolean;
  readonly cameraOn: boolean;
  readonly screenSharing: boolean;
}

export interface DeviceState {
  readonly microphones: readonly MediaDeviceInfo[];
  readonly cameras: readonly MediaDeviceInfo[];
  readonly speakers: readonly MediaDeviceInfo[];
  readonly microphoneId: string | null;
  readonly cameraId: string | null;
  readonly speakerId: string | null;
  /** Whether this browser can choose the audio output (HTMLMediaElement.setSinkId). */
  readonly canChooseSpeaker: boolean;
}

/** Who is heard speaking now: this side (even while muted), and the other side. */
export interface Speaking {
  readonly local: boolean;
  readonly remote: boolean;
}

export const qualityVerdicts = ['good', 'fair', 'poor'] as const;
export type QualityVerdict = (typeof qualityVerdicts)[number];

export interface CallQuality {
  readonly roundTripMs: number | null;
  /** Fraction of inbound packets lost over the last interval, 0..1. */
  readonly packetLoss: number;
  readonly jitterMs: number | null;
  readonly inboundKbps: number;
  readonly outboundKbps: number;
  readonly verdict: QualityVerdict;
}

export type SignalingStatus = 'disconnected' | 'connecting' | 'connected' | 'reconnecting';

export interface CallState {
  readonly status: CallStatus;
  /** The call being placed, set up, held, or (status `ended`) the one that just ended. */
  readonly activeCall: CallInfo | null;
  /** A call ringing on this side, waiting for accept or reject. */
  readonly incomingCall: CallInfo | null;
  /** Ended calls, newest first. */
  readonly callHistory: readonly CallInfo[];
  readonly localStream: MediaStream | null;
  readonly remoteStream: MediaStream | null;
  readonly controls: MediaControls;
  /** What the other side reported over the call's data channel. */
  readonly remoteControls: MediaControls;
  readonly devices: DeviceState;
  readonly quality: CallQuality | null;
  readonly speaking: Speaking;
  readonly signaling: SignalingStatus;
  readonly error: CallError | null;
}

export const initialControls: MediaControls = { muted: false, cameraOn: false, screenSharing: false };

export const initialCallState: CallState = {
  status: 'idle',
  activeCall: null,
  incomingCall: null,
  callHistory: [],
  localStream: null,
  remoteStream: null,
  controls: initialControls,
  remoteControls: initialControls,
  devices: {
    microphones: [],
    cameras: [],
    speakers: [],
    microphoneId: null,
    cameraId: null,
    speakerId: null,
    canChooseSpeaker: typeof HTMLMediaElement !== 'undefined' && 'setSinkId' in HTMLMediaElement.prototype,
  },
  quality: null,
  speaking: { local: false, remote: false },
  signaling: 'disconnected',
  error: null,
};

/** Statuses in which this side is taken: a new incoming call is declined as busy. */
export function isInCall(status: CallStatus): boolean {
  return status === 'calling' || status === 'connecting' || status === 'active' || status === 'reconnecting';
}
