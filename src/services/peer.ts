// One RTCPeerConnection: perfect negotiation, candidate queueing, an in-call control channel, ICE restart.
import { Emitter } from './emitter.js';
import { CallError } from './errors.js';

export type PeerRole = 'offerer' | 'answerer';
export type PeerHealth = 'connecting' | 'connected' | 'reconnecting' | 'failed';

export interface PeerOptions {
  readonly configuration: RTCConfiguration;
  /** The offerer opens the session: it adds the transceivers and the control channel, and is impolite. */
  readonly role: PeerRole;
  /** Whether this side may send offers at all (Thrume's baseline hub takes offers from the caller only). */
  readonly mayOffer: boolean;
  /** How long `disconnected` may last before an ICE restart (then one every twice that, until connected). */
  readonly disconnectGraceMs?: number;
  /** How long the connection may stay down (after connecting once) before the peer gives up. */
  readonly failAfterMs?: number;
  /** Runs before each ICE restart: fresh TURN credentials for the gathering it starts. */
  readonly beforeRestart?: () => Promise<void>;
}

export interface PeerEvents {
  description: RTCSessionDescriptionInit;
  candidate: RTCIceCandidateInit;
  remoteTrack: MediaStreamTrack;
  health: PeerHealth;
  /** A message from the other side's control channel (JSON). */
  control: unknown;
  error: CallError;
}

/** Throws where the browser has no WebRTC at all (Debian's WebKitGTK, some embedded web views). */
export function requirePeerConnection(): void {
  if (typeof RTCPeerConnection !== 'function')
    throw new CallError('WEBRTC_ERROR', 'This browser cannot make calls: it has no RTCPeerConnection.');
}

export class Peer {
  readonly events = new Emitter<PeerEvents>();
  readonly connection: RTCPeerConnection;
  private control: RTCDataChannel | null = null;
  private readonly pendingCandidates: RTCIceCandidateInit[] = [];
  private makingOffer = false;
  private ignoreOffer = false;
  private offersAllowed: boolean;
  private restartTimer?: ReturnType<typeof setTimeout>;
  private failTimer?: ReturnType<typeof setTimeout>;
  private closed = false;
  private health: PeerHealth = 'connecting';

  constructor(private readonly options: PeerOptions) {
    this.connection = new RTCPeerConnection(options.configuration);
    // The offerer's first offer waits for `allowOffers()` (the baseline's caller offers only after CallAccepted).
    this.offersAllowed = options.role === 'answerer' && options.mayOffer;
    this.connection.addEventListener('negotiationneeded', () => void this.offer());
    this.connection.addEventListener('icecandidate', ({ candidate }) => {
      if (candidate?.candidate) this.events.emit('candidate', candidate.toJSON()); // Firefox sends an empty end-of-candidates
    });
    this.connection.addEventListener('track', ({ track }) => this.events.emit('remoteTrack', track));
    this.connection.addEventListener('connectionstatechange', () => this.watchConnection());
    if (options.role === 'offerer') this.openControl();
  }

  /** Offerer: sends one audio and one video transceiver, so a camera or a screen can come and go by replaceTrack. */
  addTransceivers(audio: MediaStreamTrack, video: MediaStreamTrack | null): void {
    this.connection.addTransceiver(audio, { direction: 'sendrecv' });
    if (video) this.connection.addTransceiver(video, { direction: 'sendrecv' });
    else this.connection.addTransceiver('video', { direction: 'sendrecv' });
  }

  /** Starts the first offer (offerer) once the other side is ready for it. */
  allowOffers(): void {
    if (this.offersAllowed || !this.options.mayOffer) return;
    this.offersAllowed = true;
    void this.offer();
  }

  async receiveDescription(description: RTCSessionDescriptionInit, attachTracks?: () => Promise<void>): Promise<void> {
    const pc = this.connection;
    const collision = description.type === 'offer' && (this.makingOffer || pc.signalingState !== 'stable');
    this.ignoreOffer = this.options.role === 'offerer' && collision; // the offerer is the impolite side
    if (this.ignoreOffer) return;
    try {
      await pc.setRemoteDescription(description);
      if (description.type === 'offer') {
        if (!this.control) this.openControl();
        await attachTracks?.();
        await pc.setLocalDescription();
        this.events.emit('description', pc.localDescription!.toJSON());
        this.offersAllowed = this.options.mayOffer;
      }
      for (const candidate of this.pendingCandidates.splice(0)) await this.addCandidate(candidate);
    } catch (error) {
      if (!this.closed)
        this.events.emit(
          'error',
          new CallError('WEBRTC_ERROR', `Could not apply the remote ${description.type}: ${String(error)}`, {
            cause: error,
          }),
        );
    }
  }

  async receiveCandidate(candidate: RTCIceCandidateInit): Promise<void> {
    if (!this.connection.remoteDescription) this.pendingCandidates.push(candidate);
    else await this.addCandidate(candidate);
  }

  /** Replaces the track sent for `kind` without renegotiation; null sends nothing. */
  async replaceTrack(kind: 'audio' | 'video', track: MediaStreamTrack | null): Promise<void> {
    const transceiver = this.connection.getTransceivers().find((t) => t.receiver.track.kind === kind);
    await transceiver?.sender.replaceTrack(track);
  }

  /** Answerer: sends its tracks on the transceivers the offer created. */
  async attachToOffered(audio: MediaStreamTrack, video: MediaStreamTrack | null): Promise<void> {
    for (const transceiver of this.connection.getTransceivers()) {
      const kind = transceiver.receiver.track.kind;
      transceiver.direction = 'sendrecv';
      await transceiver.sender.replaceTrack(kind === 'audio' ? audio : video);
    }
  }

  /** New STUN and TURN servers, used from the next ICE restart on. */
  useIceServers(iceServers: RTCIceServer[]): void {
    try {
      this.connection.setConfiguration({ ...this.connection.getConfiguration(), iceServers });
    } catch (error) {
      if (!this.closed)
        this.events.emit(
          'error',
          new CallError('WEBRTC_ERROR', `Could not renew the ICE servers: ${String(error)}`, { cause: error }),
        );
    }
  }

  sendControl(message: unknown): void {
    if (this.control?.readyState === 'open') this.control.send(JSON.stringify(message));
  }

  /**
   * Renews ICE. Only the offerer restarts; the answerer asks it to over the control channel. Restarts
   * from both sides at once collide, and in Chromium the rolled-back side's remote video then stays
   * frozen (frames decoded, none rendered), as test/services/media-path.test.ts showed.
   */
  async restartIce(): Promise<void> {
    await this.options.beforeRestart?.();
    if (this.closed) return;
    if (this.options.role === 'answerer') this.sendControl({ type: 'restart-ice' });
    else if (this.offersAllowed) this.connection.restartIce();
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.stopRecovery();
    this.control?.close();
    this.connection.close();
  }

  private async offer(): Promise<void> {
    if (!this.offersAllowed || this.closed) return;
    try {
      this.makingOffer = true;
      await this.connection.setLocalDescription();
      this.events.emit('description', this.connection.localDescription!.toJSON());
    } catch (error) {
      if (!this.closed)
        this.events.emit(
          'error',
          new CallError('WEBRTC_ERROR', `Could not create an offer: ${String(error)}`, { cause: error }),
        );
    } finally {
      this.makingOffer = false;
    }
  }

  private async addCandidate(candidate: RTCIceCandidateInit): Promise<void> {
    try {
      await this.connection.addIceCandidate(candidate);
    } catch (error) {
      if (!this.ignoreOffer && !this.closed)
        this.events.emit(
          'error',
          new CallError('WEBRTC_ERROR', `Could not add a remote candidate: ${String(error)}`, { cause: error }),
        );
    }
  }

  private openControl(): void {
    this.control = this.connection.createDataChannel('thrume-control', { negotiated: true, id: 0 });
    this.control.addEventListener('message', ({ data }) => {
      try {
        const message: unknown = JSON.parse(String(data));
        if ((message as { type?: unknown } | null)?.type === 'restart-ice') void this.restartIce();
        else this.events.emit('control', message);
      } catch {
        // not ours to act on: the other side's controller only sends JSON
      }
    });
    this.control.addEventListener('open', () => this.events.emit('control', { type: 'open' }));
  }

  private watchConnection(): void {
    const state = this.connection.connectionState;
    if (state === 'connected') {
      this.stopRecovery();
      return this.setHealth('connected');
    }
    if (state !== 'disconnected' && state !== 'failed') return;
    if (this.health === 'connecting' && state === 'failed') return this.setHealth('failed');
    this.setHealth('reconnecting');
    this.failTimer ??= setTimeout(() => this.setHealth('failed'), this.options.failAfterMs ?? 20_000);
    if (this.options.role === 'answerer') return; // the offerer restarts
    if (state === 'failed') clearTimeout(this.restartTimer);
    else if (this.restartTimer) return;
    // The first restart waits out the grace (a blip heals by itself); the next ones keep trying, as a
    // restart made while the network was gone gathered nothing to connect with once it is back.
    const grace = this.options.disconnectGraceMs ?? 2000;
    const retry = (delay: number) => {
      this.restartTimer = setTimeout(() => {
        void this.restartIce();
        retry(grace * 2);
      }, delay);
    };
    retry(state === 'failed' ? 0 : grace);
  }

  private stopRecovery(): void {
    clearTimeout(this.restartTimer);
    clearTimeout(this.failTimer);
    this.restartTimer = this.failTimer = undefined;
  }

  private setHealth(health: PeerHealth): void {
    if (this.health === health || this.closed) return;
    this.health = health;
    this.events.emit('health', health);
  }
}
