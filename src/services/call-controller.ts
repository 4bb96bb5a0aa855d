// The one object the elements see: the call state machine over signaling, media and peer.
// Framework-neutral: an EventTarget with a read-only `state` snapshot and a `change` event (CallStore).
import { hubMethods } from '@thrume/calls-contract';
import { CallError, hubError } from './errors.js';
import { CallSession } from './call-session.js';
import { CallStore } from './call-store.js';
import { failureEndReason, endReasonOfHub, rejectionEndReason } from './end-reasons.js';
import { BrowserMedia, type MediaService } from './media.js';
import { requirePeerConnection } from './peer.js';
import {
  initialCallState,
  initialControls,
  isInCall,
  type CallInfo,
  type CallType,
  type EndReason,
} from './call-state.js';
import type { IncomingCallEvent, Signaling, SignalingEvents } from './signaling/signaling.js';
import { watchDevices } from './devices.js';
import { askResolver, named, type PeerProfile, type PeerResolver } from './peer-profile.js';

export interface CallControllerOptions {
  readonly signaling: Signaling;
  readonly media?: MediaService;
  /**
   * STUN and TURN servers. Without them, the hub's own list when it offers one (`ice-servers`), fetched
   * for each call and renewed before its credentials expire and before each ICE restart.
   */
  readonly iceServers?: RTCIceServer[];
  /**
   * `relay` sends media only through the TURN servers, so neither side learns the other's IP address
   * (Signal's "always relay calls"); it needs a TURN server among the ICE servers. Default `all`.
   */
  readonly iceTransportPolicy?: RTCIceTransportPolicy;
  /** How long a call may ring when the hub has no ring timeout of its own. Default 45 s. */
  readonly ringTimeoutMs?: number;
  readonly historyLimit?: number;
  /** End the call when the page is closed or navigated away (`pagehide`). Default true. */
  readonly endOnPageHide?: boolean;
  readonly qualityIntervalMs?: number;
  readonly disconnectGraceMs?: number;
  readonly failAfterMs?: number;
  /** Gives the other person's name and picture from what the page knows; asked once per call. */
  readonly peerResolver?: PeerResolver;
  /** How long the call shows the hub's (or the call button's) name while waiting for `peerResolver`. Default 1.5 s. */
  readonly peerResolverTimeoutMs?: number;
}

export interface CallDetails {
  readonly calleeName?: string;
  readonly conversationId?: string;
  /** Share the screen from the start (a "call and share" button). */
  readonly shareScreen?: boolean;
}

export const defaultIceServers: RTCIceServer[] = [
  { urls: 'stun:stun.l.google.com:19302' },
  { urls: 'stun:stun1.l.google.com:19302' },
];

/** Resolves when `work` settles or after `ms`, whichever is first. */
function settledWithin(ms: number, work: Promise<unknown>): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    const done = () => {
      clearTimeout(timer);
      resolve();
    };
    work.then(done, done);
  });
}

export class CallController extends CallStore {
  private session: CallSession | null = null;
  private ringTimer?: ReturnType<typeof setTimeout>;
  /** An incoming call from the person this side is calling, held until this side's call id is known. */
  private glare: IncomingCallEvent | null = null;
  private readonly media: MediaService;
  private readonly cleanups: Array<() => void> = [];
  private readonly devices: ReturnType<typeof watchDevices>;
  /** The current call's pending look-up of the other person; dropped when the call ends. */
  private peerLookup: Promise<void> | null = null;

  constructor(private readonly options: CallControllerOptions) {
    super(options.historyLimit);
    this.media = options.media ?? new BrowserMedia();
    this.listen(options.signaling);
    this.devices = watchDevices(this.media, (devices) => this.set({ devices: { ...this.state.devices, ...devices } }));
    this.cleanups.push(() => this.devices.stop());
    if ((options.endOnPageHide ?? true) && typeof window !== 'undefined') {
      const onPageHide = () => void this.leave();
      window.addEventListener('pagehide', onPageHide);
      this.cleanups.push(() => window.removeEventListener('pagehide', onPageHide));
    }
  }

  get signaling(): Signaling {
    return this.options.signaling;
  }

  async connect(): Promise<void> {
    this.set({ signaling: 'connecting' });
    try {
      await this.options.signaling.connect();
    } catch (error) {
      this.set({ signaling: 'disconnected' });
      throw this.report(error);
    }
  }

  /**
   * Places a call. Resolves once the hub rings the callee; rejects with a CallError when it cannot.
   * `shareScreen` also shares the screen from the start (call it from the click: browsers want a gesture).
   */
  async initiateCall(calleeId: string, callType: CallType, details: CallDetails = {}): Promise<void> {
    if (!calleeId) throw this.report(new CallError('INVALID_STATE', 'initiateCall needs the callee id.'));
    if (callType !== 'voice' && callType !== 'video')
      throw this.report(new CallError('INVALID_STATE', `Unknown call type "${String(callType)}".`));
    if (isInCall(this.state.status) || this.state.status === 'incoming') {
      throw this.report(new CallError('INVALID_STATE', 'A call is already in progress.'));
    }
    const call = this.withPeer(
      {
        id: null,
        direction: 'outgoing',
        type: callType,
        peerId: calleeId,
        peerName: '',
        conversationId: details.conversationId ?? '',
        startedAt: new Date(),
      },
      { name: details.calleeName },
    );
    const session = this.openSession('offerer');
    this.set({ status: 'calling', activeCall: call, error: null });
    let screen: Promise<MediaStreamTrack> | null = null;
    try {
      requirePeerConnection(); // before any camera, screen or hub is asked
      // Asked for before anything else is awaited, while the click's user activation still holds.
      screen = details.shareScreen ? this.media.captureScreen() : null;
      screen?.catch(() => undefined);
      await this.startMedia(session, callType);
      // A refused screen still places the call, with the camera; the refusal is reported.
      if (screen)
        await screen.then(
          (track) => session.shareScreen(track),
          (error) => void this.report(error),
        );
      const id = await this.options.signaling.initiateCall(calleeId, callType, call.conversationId);
      if (!id) throw new CallError('SIGNALING_ERROR', 'The hub did not say which call it created.');
      // Cancelled while the hub was naming it: the call is over here, so end it there too.
      if (this.session !== session) return void this.options.signaling.endCall(id).catch(() => undefined);
      session.named(id);
      this.set({ activeCall: { ...this.state.activeCall!, id } });
      this.startRingTimer(() => this.hangUpUnanswered());
      if (this.glare) this.resolveGlare(id);
    } catch (error) {
      const held = this.session === session && this.glare;
      if (held) return this.adoptIncoming(held, session); // both called at once and the hub let only theirs ring
      void screen?.then(
        (track) => track.stop(),
        () => undefined,
      ); // granted, but the call failed before it was sent
      if (this.session !== session) return;
      this.finish(failureEndReason(error));
      throw this.report(error);
    }
  }

  /** Answers the ringing call; `audioOnly` answers a video call without the camera. */
  async acceptCall(options: { audioOnly?: boolean } = {}): Promise<void> {
    const incoming = this.state.incomingCall;
    if (this.state.status !== 'incoming' || !incoming?.id)
      throw this.report(new CallError('INVALID_STATE', 'There is no call to accept.'));
    clearTimeout(this.ringTimer);
    const session = this.openSession('answerer');
    session.named(incoming.id);
    this.set({ status: 'connecting', activeCall: incoming, incomingCall: null, error: null });
    try {
      requirePeerConnection();
      await this.startMedia(session, options.audioOnly ? 'voice' : incoming.type);
      await this.options.signaling.acceptCall(incoming.id);
    } catch (error) {
      if (this.session !== session) return;
      this.finish('failed');
      void this.options.signaling.rejectCall(incoming.id, 'failed').catch(() => undefined);
      throw this.report(error);
    }
  }

  async rejectCall(reason: string | null = 'declined'): Promise<void> {
    const incoming = this.state.incomingCall;
    if (!incoming?.id) throw this.report(new CallError('INVALID_STATE', 'There is no call to reject.'));
    this.dismissIncoming('declined');
    try {
      await this.options.signaling.rejectCall(incoming.id, reason);
    } catch (error) {
      // The baseline hub never says when the caller gave up; declining a call already gone is no error.
      if (error instanceof CallError && error.code === 'CALL_NOT_FOUND') return;
      throw this.report(error);
    }
  }

  /** Hangs up, or cancels an outgoing call that is still ringing. */
  async endCall(): Promise<void> {
    const call = this.state.activeCall;
    if (!call || !this.session) return;
    this.finish(this.state.status === 'calling' ? 'cancelled' : 'hangup');
    if (!call.id) return; // initiateCall ends it at the hub once the hub has named it
    try {
      await this.options.signaling.endCall(call.id);
    } catch (error) {
      // The call is over here whatever the hub says; a hub that is gone has nothing left to end, and a
      // call the other side ended at the same moment is gone already.
      if (error instanceof CallError && error.code === 'CALL_NOT_FOUND') return;
      if (this.state.signaling === 'connected') this.report(error);
    }
  }

  toggleMute(): void {
    this.session?.toggleMute();
  }

  toggleCamera(): Promise<void> {
    return this.guard(() => this.session?.toggleCamera());
  }

  toggleScreenShare(): Promise<void> {
    return this.guard(() => this.session?.toggleScreenShare());
  }

  selectMicrophone(deviceId: string): Promise<void> {
    this.set({ devices: { ...this.state.devices, microphoneId: deviceId } });
    return this.guard(() => this.session?.selectMicrophone(deviceId));
  }

  selectCamera(deviceId: string): Promise<void> {
    this.set({ devices: { ...this.state.devices, cameraId: deviceId } });
    return this.guard(() => this.session?.selectCamera(deviceId));
  }

  /** The elements route remote audio to this output with setSinkId where the browser has it. */
  selectSpeaker(deviceId: string): void {
    if (!this.state.devices.canChooseSpeaker)
      throw this.report(new CallError('DEVICE_NOT_FOUND', 'This browser cannot choose the speaker.'));
    this.set({ devices: { ...this.state.devices, speakerId: deviceId } });
  }

  /** Puts an ended call's summary away: `ended` becomes `idle`. */
  dismiss(): void {
    if (this.state.status === 'ended') this.set({ status: 'idle', activeCall: null });
  }

  clearError(): void {
    if (this.state.error) this.set({ error: null });
  }

  /** Ends any call, stops every track and disconnects from the hub. */
  async dispose(): Promise<void> {
    // The hub hears the call end before the connection goes, or holds it for a rejoin; but a hub that
    // is gone does not answer, so it is given a second at most.
    await settledWithin(1000, this.leave());
    await this.options.signaling.disconnect().catch(() => undefined);
    this.set({ signaling: 'disconnected' });
    for (const cleanup of this.cleanups.splice(0)) cleanup();
  }

  private listen(signaling: Signaling): void {
    const on = <K extends keyof SignalingEvents>(type: K, fn: (p: SignalingEvents[K]) => void) =>
      this.cleanups.push(signaling.events.on(type, fn));
    const isCurrent = (id: string) => this.state.activeCall?.id === id && this.session !== null;
    on('incomingCall', (call) => this.receiveCall(call));
    on('callAccepted', ({ callId }) => {
      if (!isCurrent(callId) || this.state.status !== 'calling') return;
      clearTimeout(this.ringTimer);
      this.set({ status: 'connecting' });
      this.session!.beginOffer();
    });
    on('callRejected', ({ callId, reason }) => isCurrent(callId) && this.finish(rejectionEndReason(reason)));
    on('callEnded', ({ callId, reason }) => {
      if (this.state.incomingCall?.id === callId) this.dismissIncoming(endReasonOfHub[reason]);
      else if (isCurrent(callId)) this.finish(endReasonOfHub[reason]);
    });
    on(
      'description',
      ({ callId, description }) => isCurrent(callId) && void this.session!.receiveDescription(description),
    );
    on('candidate', ({ callId, candidate }) => isCurrent(callId) && void this.session!.receiveCandidate(candidate));
    on('callError', ({ message, code, method }) => {
      // A late candidate or description for a call that has just ended is refused as not found: nothing to tell.
      const relayed =
        method === hubMethods.sendIceCandidate || method === hubMethods.sendOffer || method === hubMethods.sendAnswer;
      if (!(relayed && code === 'not-found')) this.report(hubError(message, code));
    });
    on('protocolError', ({ message }) => this.report(new CallError('SIGNALING_ERROR', message)));
    on('status', ({ status }) => this.signalingStatus(status));
  }

  private receiveCall(call: IncomingCallEvent): void {
    const hint: PeerProfile = { name: call.callerName, avatarUrl: call.callerAvatarUrl };
    const info: CallInfo = {
      id: call.callId,
      direction: 'incoming',
      type: call.callType,
      peerId: call.callerId,
      peerName: '',
      conversationId: call.conversationId,
      startedAt: call.timestamp,
    };
    const { status, activeCall } = this.state;
    if (status === 'calling' && activeCall?.peerId === call.callerId) {
      this.glare = call;
      if (activeCall.id) this.resolveGlare(activeCall.id);
    } else if (isInCall(status) || status === 'incoming') {
      void this.options.signaling.rejectCall(call.callId, 'busy').catch(() => undefined);
      this.record({ ...named(info, null, hint), endedAt: new Date(), endReason: 'busy' });
    } else {
      this.set({ status: 'incoming', incomingCall: this.withPeer(info, hint), activeCall: null, error: null });
      this.startRingTimer(() => {
        this.dismissIncoming('missed');
        void this.options.signaling.rejectCall(call.callId, 'timeout').catch(() => undefined);
      });
    }
  }

  /**
   * Names the other person: from the resolver's answer when it is given at once, else from `hint`;
   * an answer that comes later (within the timeout, while the call lasts) renames the call in place.
   */
  private withPeer(call: CallInfo, hint: PeerProfile): CallInfo {
    const answer = askResolver(this.options.peerResolver, call.peerId, hint, this.options.peerResolverTimeoutMs);
    if (!(answer instanceof Promise)) return named(call, answer, hint);
    const lookup = (this.peerLookup = answer.then((profile) => {
      if (this.peerLookup !== lookup || !profile) return;
      const which = this.state.status === 'incoming' ? 'incomingCall' : 'activeCall';
      this.set({ [which]: named(this.state[which]!, profile, hint) });
    }));
    return named(call, null, hint);
  }

  /** Both sides called each other: the call with the lower id survives, on both sides. */
  private resolveGlare(ownId: string): void {
    const theirs = this.glare!;
    this.glare = null;
    if (ownId < theirs.callId) {
      void this.options.signaling.rejectCall(theirs.callId, 'glare').catch(() => undefined);
      return;
    }
    void this.options.signaling.endCall(ownId).catch(() => undefined);
    this.adoptIncoming(theirs, this.session!);
  }

  /** Answers the other side's call in place of this side's own, keeping the media already captured. */
  private adoptIncoming(call: IncomingCallEvent, session: CallSession): void {
    this.glare = null;
    clearTimeout(this.ringTimer);
    session.becomeAnswerer();
    session.named(call.callId);
    this.set({
      status: 'connecting',
      activeCall: { ...this.state.activeCall!, id: call.callId, direction: 'incoming', type: call.callType },
    });
    this.options.signaling.acceptCall(call.callId).catch((error) => {
      if (this.session === session) this.finish('failed');
      this.report(error);
    });
  }

  private openSession(role: 'offerer' | 'answerer'): CallSession {
    const { devices } = this.state;
    const session = new CallSession({
      signaling: this.options.signaling,
      media: this.media,
      configuration: {
        iceServers: this.options.iceServers ?? defaultIceServers,
        iceTransportPolicy: this.options.iceTransportPolicy ?? 'all',
      },
      // A page's own list stands; else the hub's, renewed while the call lasts.
      iceServers: this.options.iceServers ? undefined : () => this.options.signaling.iceServers(),
      role,
      devices: { microphoneId: devices.microphoneId, cameraId: devices.cameraId },
      qualityIntervalMs: this.options.qualityIntervalMs,
      disconnectGraceMs: this.options.disconnectGraceMs,
      failAfterMs: this.options.failAfterMs,
    });
    session.events.on('media', () => this.session === session && this.syncMedia(session));
    session.events.on('health', (health) => {
      if (this.session !== session) return;
      if (health === 'failed') return this.hangUpFailed();
      if (health === 'reconnecting') return this.set({ status: 'reconnecting' });
      const call = this.state.activeCall!;
      this.set({ status: 'active', activeCall: call.connectedAt ? call : { ...call, connectedAt: new Date() } });
    });
    session.events.on('bye', () => this.session === session && this.finish('remote-hangup'));
    session.events.on('error', (error) => this.session === session && this.report(error));
    this.session = session;
    return session;
  }

  private async startMedia(session: CallSession, type: CallType): Promise<void> {
    const videoError = await session.start(type);
    this.devices.refresh(); // permission is granted now, so the lists gain their labels
    if (videoError) this.report(videoError); // the call goes on with audio only
  }

  private syncMedia(session: CallSession): void {
    this.set({
      localStream: session.localStream,
      // One stream for the whole call: remote tracks join it, and media elements bound to it keep playing.
      remoteStream: session.remoteStream.getTracks().length ? session.remoteStream : null,
      controls: session.controls,
      remoteControls: session.remoteControls,
      quality: session.quality,
      speaking: session.speaking,
    });
  }

  private signalingStatus(status: 'connected' | 'reconnecting' | 'disconnected'): void {
    this.set({ signaling: status });
    const call = this.state.activeCall;
    if (status !== 'connected' || !call?.id || !this.session) {
      if (status === 'disconnected' && (this.state.status === 'calling' || this.state.status === 'incoming'))
        void this.leave('disconnected');
      return;
    }
    if (this.options.signaling.hubInfo.features.has('rejoin')) {
      this.options.signaling.rejoinCall(call.id).then(
        () => this.session?.restartIce(),
        (error) => {
          this.finish('disconnected');
          this.report(error);
        },
      );
    } else if (this.state.status === 'calling') {
      this.finish('disconnected'); // the baseline hub cannot re-bind a ringing call
    } // else the baseline lost this call's signaling: media goes on until it fails or someone hangs up
  }

  private startRingTimer(onTimeout: () => void): void {
    clearTimeout(this.ringTimer);
    const hubTimeout = this.options.signaling.hubInfo.ringTimeoutMs;
    // With a hub timeout, the hub ends the call; this is only a backstop for a hub that went quiet.
    const ms = hubTimeout ? hubTimeout + 5000 : (this.options.ringTimeoutMs ?? 45_000);
    this.ringTimer = setTimeout(onTimeout, ms);
  }

  private hangUpUnanswered(): void {
    const id = this.state.activeCall?.id;
    this.finish('missed');
    if (id) void this.options.signaling.endCall(id).catch(() => undefined);
  }

  private hangUpFailed(): void {
    const id = this.state.activeCall?.id;
    this.finish('failed');
    if (id) void this.options.signaling.endCall(id).catch(() => undefined);
    this.report(new CallError('NETWORK_ERROR', 'The media connection failed and could not be restored.'));
  }

  /** The page is going away: end whatever is going on, without waiting for anyone; resolves once the hub has heard. */
  private leave(reason: EndReason = 'hangup'): Promise<unknown> {
    const told: Promise<unknown>[] = [];
    const incoming = this.state.incomingCall;
    if (incoming?.id) {
      this.dismissIncoming(reason === 'hangup' ? 'declined' : reason);
      told.push(this.options.signaling.rejectCall(incoming.id, 'declined'));
    }
    const id = this.state.activeCall?.id;
    if (this.session) {
      this.finish(reason);
      if (id) told.push(this.options.signaling.endCall(id));
    }
    return Promise.allSettled(told);
  }

  /** Every way out of a call comes here: tracks stopped, connection closed, call recorded. */
  private finish(reason: EndReason): void {
    clearTimeout(this.ringTimer);
    this.glare = null;
    this.peerLookup = null;
    this.session?.dispose();
    this.session = null;
    const call = this.state.activeCall;
    const ended = call ? { ...call, endedAt: new Date(), endReason: reason } : null;
    if (ended) this.record(ended);
    this.set({
      status: 'ended',
      activeCall: ended,
      localStream: null,
      remoteStream: null,
      controls: initialControls,
      remoteControls: initialControls,
      quality: null,
      speaking: initialCallState.speaking,
    });
  }

  private dismissIncoming(reason: EndReason): void {
    const incoming = this.state.incomingCall;
    if (!incoming) return;
    clearTimeout(this.ringTimer);
    this.peerLookup = null;
    this.record({ ...incoming, endedAt: new Date(), endReason: reason });
    this.set({ status: 'idle', incomingCall: null });
  }

  private async guard(action: () => Promise<void> | undefined): Promise<void> {
    try {
      await action();
    } catch (error) {
      throw this.report(error);
    }
  }
}
