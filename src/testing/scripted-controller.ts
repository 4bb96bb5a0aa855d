// A call controller double that holds whatever state it is given: for stories of every state, and for
// element tests of states a real call cannot easily reach (reconnecting, each end reason, each error).
// It records the intents it receives instead of acting on them.
import type { CallHandle } from '../context.js';
import type { CallDetails } from '../services/call-controller.js';
import { CallError, type CallErrorCode } from '../services/errors.js';
import {
  initialCallState,
  type CallInfo,
  type CallState,
  type CallType,
  type EndReason,
  type Speaking,
} from '../services/call-state.js';

export class ScriptedController extends EventTarget implements CallHandle {
  state: CallState;
  /** The intents received, in order, e.g. `initiateCall bob video`. */
  readonly intents: string[] = [];

  constructor(patch: Partial<CallState> = {}) {
    super();
    this.state = { ...initialCallState, signaling: 'connected', ...patch };
  }

  /** Replaces part of the state and fires `change`, as the real controller does. */
  set(patch: Partial<CallState>): void {
    this.state = { ...this.state, ...patch };
    this.dispatchEvent(new Event('change'));
  }

  async initiateCall(calleeId: string, type: CallType, details: CallDetails = {}): Promise<void> {
    const share = details.shareScreen ? ' shareScreen' : '';
    this.intents.push(
      `initiateCall ${calleeId} ${type} ${details.calleeName ?? ''} ${details.conversationId ?? ''}`.trim() + share,
    );
  }
  async acceptCall(options: { audioOnly?: boolean } = {}): Promise<void> {
    this.intents.push(`acceptCall${options.audioOnly ? ' audioOnly' : ''}`);
  }
  async rejectCall(): Promise<void> {
    this.intents.push('rejectCall');
  }
  async endCall(): Promise<void> {
    this.intents.push('endCall');
  }
  toggleMute(): void {
    this.intents.push('toggleMute');
  }
  async toggleCamera(): Promise<void> {
    this.intents.push('toggleCamera');
  }
  async toggleScreenShare(): Promise<void> {
    this.intents.push('toggleScreenShare');
  }
  async selectMicrophone(id: string): Promise<void> {
    this.intents.push(`selectMicrophone ${id}`);
  }
  async selectCamera(id: string): Promise<void> {
    this.intents.push(`selectCamera ${id}`);
  }
  selectSpeaker(id: string): void {
    this.intents.push(`selectSpeaker ${id}`);
  }
  dismiss(): void {
    this.intents.push('dismiss');
    if (this.state.status === 'ended') this.set({ status: 'idle', activeCall: null });
  }
}

/** A call with Bob (or `patch`), started a minute ago and connected 42 s ago. */
export function sampleCall(patch: Partial<CallInfo> = {}): CallInfo {
  const now = Date.now();
  return {
    id: 'call-1',
    direction: 'outgoing',
    type: 'video',
    peerId: 'bob',
    peerName: 'Bob Marsh',
    conversationId: 'conv-1',
    startedAt: new Date(now - 60_000),
    connectedAt: new Date(now - 42_000),
    ...patch,
  };
}

export const sceneNames = [
  'idle',
  'calling',
  'incoming-voice',
  'incoming-video',
  'active-voice',
  'active-video',
  'screen-sharing',
  'reconnecting',
  'ended',
] as const;
export type SceneName = (typeof sceneNames)[number];

export interface SceneMedia {
  readonly local?: MediaStream | null;
  readonly remote?: MediaStream | null;
}

/** The state of a named scene; `ended` takes the end reason, any scene an error code and the other person's picture. */
export function scene(
  name: SceneName,
  options: {
    reason?: EndReason;
    error?: CallErrorCode;
    media?: SceneMedia;
    avatarUrl?: string;
    speaking?: Partial<Speaking>;
    muted?: boolean;
  } = {},
): Partial<CallState> {
  const call = (patch: Partial<CallInfo> = {}) => sampleCall({ peerAvatarUrl: options.avatarUrl, ...patch });
  const error = options.error ? new CallError(options.error, options.error) : null;
  const local = options.media?.local ?? null;
  const remote = options.media?.remote ?? null;
  const live = { muted: !!options.muted, cameraOn: true, screenSharing: false };
  const speaking = { local: false, remote: false, ...options.speaking };
  switch (name) {
    case 'idle':
      return { status: 'idle', activeCall: null, incomingCall: null, error };
    case 'calling':
      return {
        status: 'calling',
        activeCall: call({ connectedAt: undefined }),
        localStream: local,
        controls: live,
        error,
      };
    case 'incoming-voice':
    case 'incoming-video': {
      const type = name === 'incoming-voice' ? 'voice' : 'video';
      return {
        status: 'incoming',
        activeCall: null,
        incomingCall: call({ direction: 'incoming', type, connectedAt: undefined }),
        error,
      };
    }
    case 'active-voice':
      return {
        status: 'active',
        activeCall: call({ type: 'voice' }),
        localStream: local,
        remoteStream: remote,
        controls: { ...live, cameraOn: false },
        remoteControls: { ...live, cameraOn: false },
        quality: { roundTripMs: 40, packetLoss: 0, jitterMs: 3, inboundKbps: 40, outboundKbps: 40, verdict: 'good' },
        speaking,
        error,
      };
    case 'active-video':
    case 'screen-sharing':
      return {
        status: 'active',
        activeCall: call(),
        localStream: local,
        remoteStream: remote,
        controls: { ...live, screenSharing: name === 'screen-sharing' },
        remoteControls: live,
        quality: {
          roundTripMs: 90,
          packetLoss: 0.02,
          jitterMs: 12,
          inboundKbps: 900,
          outboundKbps: 850,
          verdict: 'fair',
        },
        speaking,
        error,
      };
    case 'reconnecting':
      return {
        status: 'reconnecting',
        activeCall: call(),
        localStream: local,
        remoteStream: remote,
        controls: live,
        remoteControls: live,
        error,
      };
    case 'ended':
      return {
        status: 'ended',
        activeCall: call({ endedAt: new Date(), endReason: options.reason ?? 'hangup' }),
        localStream: null,
        remoteStream: null,
        quality: null,
        speaking: initialCallState.speaking,
        error,
      };
  }
}
