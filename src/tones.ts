// Ringtone and ringback from WebAudio oscillators: no audio files. Browsers keep audio silent until
// the page has had a user gesture (autoplay policy), so no AudioContext is made before one: a tone
// asked for earlier waits, and the first pointer or key press anywhere on the page starts it. A tone
// that cannot sound never throws; the elements show and announce the call either way.

export interface TonePattern {
  /** Frequencies played together, in Hz. */
  readonly frequencies: readonly number[];
  /** Bursts within one cycle, as [start, duration] in seconds. */
  readonly bursts: readonly (readonly [number, number])[];
  /** Cycle length in seconds. */
  readonly period: number;
  readonly volume: number;
}

/** A two-burst chirp for the callee. */
export const ringtone: TonePattern = {
  frequencies: [660, 880],
  bursts: [
    [0, 0.4],
    [0.6, 0.4],
  ],
  period: 3,
  volume: 0.12,
};
/** The North American ringback (440 + 480 Hz, 2 s on, 4 s off) for the caller. */
export const ringback: TonePattern = { frequencies: [440, 480], bursts: [[0, 2]], period: 6, volume: 0.08 };

let context: AudioContext | null = null;
const waiting = new Set<Tone>();
let listening = false;
const gestures = ['pointerdown', 'keydown', 'touchend'] as const;

function hadGesture(): boolean {
  return typeof navigator === 'undefined' || !('userActivation' in navigator)
    ? true
    : navigator.userActivation.hasBeenActive;
}

/** The page's one AudioContext (for the tones, and for hearing the microphone), or null without Web Audio. */
export function audioContext(): AudioContext | null {
  if (!context && typeof AudioContext !== 'undefined') {
    try {
      context = new AudioContext();
    } catch {
      return null;
    }
  }
  return context;
}

function unlock(): void {
  const ctx = audioContext();
  if (!ctx) return;
  const ready = () => {
    if (ctx.state !== 'running') return;
    for (const type of gestures) window.removeEventListener(type, unlock, true);
    listening = false;
    for (const tone of [...waiting]) tone.resume();
  };
  if (ctx.state === 'running') ready();
  else void ctx.resume().then(ready, () => undefined);
}

/** Starts listening for the first user gesture, which unlocks audio for every tone on the page. */
export function unlockAudioOnGesture(): void {
  if (listening || typeof window === 'undefined' || context?.state === 'running') return;
  listening = true;
  for (const type of gestures) window.addEventListener(type, unlock, { capture: true, passive: true });
}

export class Tone {
  private active = false;
  private output: GainNode | null = null;
  private timer?: ReturnType<typeof setInterval>;

  constructor(private readonly pattern: TonePattern) {}

  /** Whether the tone is wanted (started and not stopped). */
  get playing(): boolean {
    return this.active;
  }

  /** Whether it can be heard now: false while the browser still blocks audio. */
  get audible(): boolean {
    return this.active && this.output !== null && context?.state === 'running';
  }

  start(): void {
    if (this.active) return;
    this.active = true;
    unlockAudioOnGesture();
    if (hadGesture() || context) this.resume();
    else waiting.add(this);
  }

  stop(): void {
    this.active = false;
    waiting.delete(this);
    clearInterval(this.timer);
    this.timer = undefined;
    this.output?.disconnect();
    this.output = null;
  }

  /** @internal Called once audio may play. */
  resume(): void {
    waiting.delete(this);
    const ctx = audioContext();
    if (!this.active || this.output || !ctx) return;
    if (ctx.state !== 'running') {
      waiting.add(this); // still blocked: the gesture listener tries again
      void ctx.resume().then(
        () => ctx.state === 'running' && this.resume(),
        () => undefined,
      );
      return;
    }
    this.output = ctx.createGain();
    this.output.connect(ctx.destination);
    this.cycle(ctx);
    this.timer = setInterval(() => this.cycle(ctx), this.pattern.period * 1000);
  }

  private cycle(ctx: AudioContext): void {
    const output = this.output;
    if (!output || ctx.state !== 'running') return;
    const t0 = ctx.currentTime + 0.05;
    for (const [at, length] of this.pattern.bursts) {
      const envelope = ctx.createGain();
      envelope.gain.setValueAtTime(0, t0 + at);
      envelope.gain.linearRampToValueAtTime(this.pattern.volume, t0 + at + 0.02);
      envelope.gain.setValueAtTime(this.pattern.volume, t0 + at + length - 0.02);
      envelope.gain.linearRampToValueAtTime(0, t0 + at + length);
      envelope.connect(output);
      for (const frequency of this.pattern.frequencies) {
        const oscillator = ctx.createOscillator();
        oscillator.frequency.value = frequency;
        oscillator.connect(envelope);
        oscillator.start(t0 + at);
        oscillator.stop(t0 + at + length);
      }
    }
  }
}
