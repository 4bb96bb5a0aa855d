// The media side of one call: local tracks, the peer connection, media controls, quality.
// Every way out goes through `dispose()`, which stops every local track and closes the connection.
import { Emitter } from './emitter.js';
import { CallError } from './errors.js';
import { IceServerLease, type IceServerList } from './ice-servers.js';
import { Peer, type PeerHealth, type PeerRole } from './peer.js';
import type { SpeakingMonitor } from './speaking.js';
import type { QualitySampler } from './quality.js';
import {
  initialCallState,
  initialControls,
  type CallQuality,
  type CallType,
  type MediaControls,
  type Speaking,
} from './call-state.js';
import type { DeviceChoice, MediaService } from './media.js';
import type { Signaling } from './signaling/signaling.js';

export interface CallSessionOptions {
  readonly signaling: Signaling;
  readonly media: MediaService;
  readonly configuration: RTCConfiguration;
  /** The hub's list, which replaces `configuration.iceServers` and is renewed while the call lasts. */
  readonly iceServers?: () => Promise<IceServerList | null>;
  readonly role: PeerRole;
  readonly devices: DeviceChoice;
  readonly qualityIntervalMs?: number;
  readonly disconnectGraceMs?: number;
  readonly failAfterMs?: number;
}

export interface CallSessionEvents {
  /** Local or remote streams, controls, quality or who is speaking changed. */
  media: void;
  health: PeerHealth;
  /** The other side said goodbye over the data channel (a hang-up that does not need the hub). */
  bye: void;
  error: CallError;
}

type ControlMessage = { type?: 'open' | 'bye' | 'controls' } & Partial<MediaControls>;

export class CallSession {
  readonly events = new Emitter<CallSessionEvents>();
  controls: MediaControls = initialControls;
  remoteControls: MediaControls = initialControls;
  localStream: MediaStream | null = null;
  readonly remoteStream = new MediaStream();
  quality: CallQuality | null = null;
  /** Who is speaking; changes are `media` events. */
  get speaking(): Speaking {
    return this.voices?.speaking ?? initialCallState.speaking;
  }
  /** Loaded with the call's capture; where they fail to load, nobody shows as speaking and quality is not measured. */
  private voices: SpeakingMonitor | null = null;
  private Sampler: typeof QualitySampler | null = null;
  /** Set when the hub has named the call; signals wait for it. */
  private id: string | null = null;
  private role: PeerRole;
  private peer: Peer | null = null;
  private audio: MediaStreamTrack | null = null;
  private camera: MediaStreamTrack | null = null;
  private screen: MediaStreamTrack | null = null;
  private readonly outbox: Array<(id: string) => Promise<void>> = [];
  private qualityTimer?: ReturnType<typeof setInterval>;
  private disposed = false;
  private configuration: RTCConfiguration;
  private readonly lease: IceServerLease | null;

  constructor(private readonly options: CallSessionOptions) {
    this.role = options.role;
    this.configuration = options.configuration;
    this.lease = options.iceServers
      ? new IceServerLease(options.iceServers, (servers) => this.useIceServers(servers))
      : null;
  }

  get callId(): string | null {
    return this.id;
  }

  /** The hub has named the call: signals queued for the name go now. */
  named(id: string): void {
    this.id = id;
    for (const send of this.outbox.splice(0)) void send(id).catch((error) => this.fail(error));
  }

  /** Captures the microphone (and camera for video calls); the offerer also prepares its connection. */
  async start(type: CallType): Promise<CallError | null> {
    // The measuring of quality and voices loads with the capture: only a call needs it.
    const [captured, , speaking, quality] = await Promise.all([
      this.options.media.capture(type, this.options.devices),
      this.lease?.renew(),
      import('./speaking.js').catch(() => null),
      import('./quality.js').catch(() => null),
    ]);
    this.Sampler = quality?.QualitySampler ?? null;
    if (this.disposed) {
      captured.audio.stop();
      captured.video?.stop();
      throw new CallError('INVALID_STATE', 'The call ended while the camera and microphone were starting.');
    }
    this.audio = captured.audio;
    this.camera = captured.video;
    this.watchEnded(this.audio);
    this.voices = speaking && new speaking.SpeakingMonitor(() => this.events.emit('media', undefined));
    this.voices?.listenTo(this.audio);
    this.controls = { muted: false, cameraOn: !!this.camera, screenSharing: false };
    this.publishLocal();
    if (this.role === 'offerer') this.createPeer().addTransceivers(this.audio, this.camera);
    return captured.videoError;
  }

  /** Offerer: the other side accepted, so the offer may go. */
  beginOffer(): void {
    this.peer?.allowOffers();
  }

  /** Glare: this side's own call lost, it answers the other one instead, keeping its captured media. */
  becomeAnswerer(): void {
    this.peer?.close();
    this.peer = null;
    this.role = 'answerer';
    this.remoteStream.getTracks().forEach((t) => this.remoteStream.removeTrack(t));
  }

  async receiveDescription(description: RTCSessionDescriptionInit): Promise<void> {
    const peer = this.peer ?? (description.type === 'offer' ? this.createPeer() : null);
    await peer?.receiveDescription(description, () => peer.attachToOffered(this.audio!, this.sentVideo()));
  }

  async receiveCandidate(candidate: RTCIceCandidateInit): Promise<void> {
    await this.peer?.receiveCandidate(candidate);
  }

  toggleMute(): void {
    if (!this.audio) return;
    this.audio.enabled = this.controls.muted;
    this.setControls({ muted: !this.controls.muted });
  }

  async toggleCamera(): Promise<void> {
    if (this.controls.cameraOn) {
      this.camera?.stop(); // the camera light goes off, not just a black frame
      this.camera = null;
      this.setControls({ cameraOn: false });
      if (!this.screen) await this.peer?.replaceTrack('video', null);
    } else {
      await this.useCamera(this.options.devices.cameraId);
    }
  }

  async toggleScreenShare(): Promise<void> {
    if (this.screen) return this.stopScreenShare();
    await this.shareScreen(await this.options.media.captureScreen());
  }

  /** Sends a screen track captured already (a "call and share" captures it while the click still counts). */
  async shareScreen(screen: MediaStreamTrack): Promise<void> {
    if (this.disposed) return screen.stop();
    this.screen?.stop();
    this.screen = screen;
    screen.addEventListener('ended', () => void this.stopScreenShare()); // the browser's own "Stop sharing"
    this.camera?.stop();
    this.camera = null;
    await this.peer?.replaceTrack('video', screen);
    this.setControls({ screenSharing: true });
  }

  async selectMicrophone(deviceId: string | null): Promise<void> {
    if (!this.audio) return;
    const next = await this.options.media.captureMicrophone(deviceId);
    if (this.disposed) return next.stop();
    next.enabled = !this.controls.muted;
    const previous = this.audio;
    this.audio = next;
    this.watchEnded(next);
    this.voices?.listenTo(next);
    await this.peer?.replaceTrack('audio', next);
    previous.stop();
    this.publishLocal();
  }

  async selectCamera(deviceId: string | null): Promise<void> {
    if (this.camera) await this.useCamera(deviceId);
  }

  restartIce(): void {
    void this.peer?.restartIce();
  }

  /** Stops every local track and closes the connection; says goodbye over the data channel first. */
  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    this.peer?.sendControl({ type: 'bye' }); // the other side ends at once, even when the hub cannot tell it
    clearInterval(this.qualityTimer);
    this.voices?.dispose();
    this.lease?.stop();
    for (const track of [this.audio, this.camera, this.screen]) track?.stop();
    this.peer?.close();
    this.outbox.length = 0;
  }

  private createPeer(): Peer {
    const peer = new Peer({
      configuration: this.configuration,
      role: this.role,
      mayOffer: this.role === 'offerer' || this.options.signaling.hubInfo.features.has('renegotiate-both-ways'),
      disconnectGraceMs: this.options.disconnectGraceMs,
      failAfterMs: this.options.failAfterMs,
      beforeRestart: this.lease ? () => this.lease!.renew() : undefined,
    });
    const signaling = this.options.signaling;
    peer.events.on('description', (d) => this.send((id) => signaling.sendDescription(id, d)));
    peer.events.on('candidate', (c) => this.send((id) => signaling.sendCandidate(id, c)));
    peer.events.on('remoteTrack', (track) => {
      this.remoteStream.addTrack(track);
      this.events.emit('media', undefined);
    });
    peer.events.on('health', (health) => {
      if (health === 'connected') {
        this.startQuality(peer);
        this.voices?.watch(peer.connection);
      }
      this.events.emit('health', health);
    });
    peer.events.on('control', (message) => this.receiveControl(message));
    peer.events.on('error', (error) => this.fail(error));
    this.peer = peer;
    return peer;
  }

  private useIceServers(iceServers: RTCIceServer[]): void {
    this.configuration = { ...this.configuration, iceServers };
    this.peer?.useIceServers(iceServers);
  }

  private send(signal: (id: string) => Promise<void>): void {
    if (this.id) void signal(this.id).catch((error) => this.fail(error));
    else this.outbox.push(signal); // local candidates wait for the call id
  }

  private receiveControl(message: unknown): void {
    const m = (message ?? {}) as ControlMessage;
    if (m.type === 'open') this.peer?.sendControl({ type: 'controls', ...this.controls });
    else if (m.type === 'bye') this.events.emit('bye', undefined);
    else if (m.type === 'controls') {
      this.remoteControls = { muted: !!m.muted, cameraOn: !!m.cameraOn, screenSharing: !!m.screenSharing };
      this.events.emit('media', undefined);
    }
  }

  private async useCamera(deviceId: string | null | undefined): Promise<void> {
    const next = await this.options.media.captureCamera(deviceId);
    if (this.disposed) return next.stop();
    this.camera?.stop();
    this.camera = next;
    if (!this.screen) await this.peer?.replaceTrack('video', next);
    this.setControls({ cameraOn: true });
  }

  private async stopScreenShare(): Promise<void> {
    if (!this.screen) return;
    this.screen.stop();
    this.screen = null;
    try {
      if (this.controls.cameraOn && !this.disposed) await this.useCamera(this.options.devices.cameraId);
      else await this.peer?.replaceTrack('video', null);
    } catch (error) {
      this.controls = { ...this.controls, cameraOn: false };
      this.fail(error);
    }
    this.setControls({ screenSharing: false });
  }

  /** A microphone that ends on its own (unplugged) is replaced by the default one. */
  private watchEnded(track: MediaStreamTrack): void {
    track.addEventListener('ended', () => {
      if (!this.disposed && track === this.audio) void this.selectMicrophone(null).catch((e) => this.fail(e));
    });
  }

  private sentVideo(): MediaStreamTrack | null {
    return this.screen ?? this.camera;
  }

  private setControls(patch: Partial<MediaControls>): void {
    this.controls = { ...this.controls, ...patch };
    this.peer?.sendControl({ type: 'controls', ...this.controls });
    this.publishLocal();
  }

  /** A new local stream only when its tracks change, so a preview bound to it does not reload on a toggle. */
  private publishLocal(): void {
    const video = this.sentVideo();
    const tracks = video ? [this.audio!, video] : [this.audio!];
    const current = this.localStream?.getTracks() ?? [];
    if (current.length !== tracks.length || tracks.some((t) => !current.includes(t)))
      this.localStream = new MediaStream(tracks);
    this.events.emit('media', undefined);
  }

  private startQuality(peer: Peer): void {
    if (this.qualityTimer || !this.Sampler) return;
    const sampler = new this.Sampler(peer.connection);
    this.qualityTimer = setInterval(() => void this.sampleQuality(sampler), this.options.qualityIntervalMs ?? 1000);
  }

  private async sampleQuality(sampler: QualitySampler): Promise<void> {
    const quality = await sampler.sample().catch(() => null);
    if (quality && !this.disposed) {
      this.quality = quality;
      this.events.emit('media', undefined);
    }
  }

  private fail(error: unknown): void {
    if (this.disposed) return;
    this.events.emit(
      'error',
      error instanceof CallError ? error : new CallError('WEBRTC_ERROR', String(error), { cause: error }),
    );
  }
}
