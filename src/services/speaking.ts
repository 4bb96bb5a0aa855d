// Who is speaking: the other side from getStats' `audioLevel` of the received audio (measured where it
// plays: the active call's audio element plays it), this side from
// its microphone through an AnalyserNode. The analyser listens to a clone of the microphone's track,
// because a muted track is silent and "you are muted" needs the voice; the clone is stopped with the
// monitor, and whenever the microphone changes.
import type { Speaking } from './call-state.js';
import { audioContext, unlockAudioOnGesture } from '../tones.js';

/** Linear level, 0..1 (1 is full scale), here -40 dBFS: above a quiet room's noise, below soft speech. */
const speechLevel = 0.01;
/** Speaking lasts this long past the last loud sample, through the gaps between words. */
const holdMs = 600;

export class SpeakingMonitor {
  speaking: Speaking = { local: false, remote: false };
  private readonly heardAt = { local: -Infinity, remote: -Infinity };
  private analyser: AnalyserNode | null = null;
  private samples: Float32Array<ArrayBuffer> | null = null;
  private microphone: MediaStreamTrack | null = null;
  private source: MediaStreamAudioSourceNode | null = null;
  private connection: RTCPeerConnection | null = null;
  private timer?: ReturnType<typeof setInterval>;

  constructor(
    private readonly changed: () => void,
    private readonly intervalMs = 250,
  ) {}

  /** Listens to this side's microphone, in place of the one before. */
  listenTo(track: MediaStreamTrack): void {
    this.stopListening();
    this.microphone = track.clone();
    this.microphone.enabled = true;
    const context = audioContext();
    if (context) {
      if (context.state !== 'running') unlockAudioOnGesture(); // Safari's, until a tap
      // The window spans the whole interval between samples (16384 samples is 341 ms at 48 kHz), so no syllable falls between.
      this.analyser ??= Object.assign(context.createAnalyser(), { fftSize: 16384 });
      this.samples ??= new Float32Array(this.analyser.fftSize);
      this.source = context.createMediaStreamSource(new MediaStream([this.microphone]));
      this.source.connect(this.analyser);
    } // without Web Audio, this side's indicator stays off, and the call goes on
    this.start();
  }

  /** Watches the audio the other side sends over this connection. */
  watch(connection: RTCPeerConnection): void {
    this.connection = connection;
    this.start();
  }

  /** Stops the clone of the microphone. */
  dispose(): void {
    clearInterval(this.timer);
    this.timer = undefined;
    this.stopListening();
  }

  private stopListening(): void {
    this.source?.disconnect();
    this.source = null;
    this.microphone?.stop();
    this.microphone = null;
  }

  private start(): void {
    this.timer ??= setInterval(() => void this.sample(), this.intervalMs);
  }

  private async sample(): Promise<void> {
    const now = performance.now();
    if (this.localLevel() > speechLevel) this.heardAt.local = now;
    if ((await this.remoteLevel()) > speechLevel) this.heardAt.remote = now;
    if (!this.timer) return;
    const speaking = { local: now - this.heardAt.local < holdMs, remote: now - this.heardAt.remote < holdMs };
    if (speaking.local === this.speaking.local && speaking.remote === this.speaking.remote) return;
    this.speaking = speaking;
    this.changed();
  }

  /** The root mean square of the analyser's window. */
  private localLevel(): number {
    if (!this.analyser || !this.samples || !this.microphone) return 0;
    this.analyser.getFloatTimeDomainData(this.samples);
    let sum = 0;
    for (const sample of this.samples) sum += sample * sample;
    return Math.sqrt(sum / this.samples.length);
  }

  private async remoteLevel(): Promise<number> {
    const receiver = this.connection?.getReceivers().find((r) => r.track.kind === 'audio');
    if (!receiver) return 0;
    let level = 0;
    const report = await receiver.getStats().catch(() => null);
    report?.forEach((stat: RTCStats & Partial<RTCInboundRtpStreamStats>) => {
      if (stat.type === 'inbound-rtp' && typeof stat.audioLevel === 'number') level = Math.max(level, stat.audioLevel);
    });
    return level;
  }
}
