// Media without a camera or microphone: an animated canvas for video and screen, an oscillator for
// audio. For stories, demos and tests on machines with no devices. Every track it makes stops normally.
import type { CallType } from '../services/call-state.js';
import type { CapturedMedia, DeviceChoice, MediaService, PermissionName } from '../services/media.js';

let audio: AudioContext | null = null;

/** An animated canvas track, labelled with `label`; `width`×`height` pixels at 15 fps. */
export function canvasTrack(label: string, hue = 210, width = 640, height = 360): MediaStreamTrack {
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  const context = canvas.getContext('2d')!;
  const stream = canvas.captureStream(15);
  const track = stream.getVideoTracks()[0];
  const started = performance.now();
  const draw = () => {
    const t = (performance.now() - started) / 1000;
    context.fillStyle = `hsl(${hue} 45% 28%)`;
    context.fillRect(0, 0, width, height);
    context.fillStyle = `hsl(${(hue + 40) % 360} 70% 60%)`;
    context.beginPath();
    context.arc(
      width / 2 + Math.cos(t) * width * 0.3,
      height / 2 + Math.sin(t * 1.3) * height * 0.25,
      height / 8,
      0,
      Math.PI * 2,
    );
    context.fill();
    context.fillStyle = '#fff';
    context.font = `${Math.round(height / 10)}px system-ui, sans-serif`;
    context.fillText(`${label} ${t.toFixed(1)}s`, 16, height - 20);
  };
  draw();
  const timer = setInterval(draw, 1000 / 15);
  track.addEventListener('ended', () => clearInterval(timer));
  const stop = track.stop.bind(track);
  track.stop = () => {
    clearInterval(timer);
    stop();
  };
  return track;
}

/** A quiet sine tone as a microphone track. */
export function oscillatorTrack(frequency = 330): MediaStreamTrack {
  audio ??= new AudioContext();
  const oscillator = audio.createOscillator();
  const gain = audio.createGain();
  const destination = audio.createMediaStreamDestination();
  oscillator.frequency.value = frequency;
  gain.gain.value = 0.02;
  oscillator.connect(gain).connect(destination);
  oscillator.start();
  const track = destination.stream.getAudioTracks()[0];
  const stop = track.stop.bind(track);
  track.stop = () => {
    oscillator.stop();
    oscillator.disconnect();
    stop();
  };
  return track;
}

/** A MediaService that needs no devices and asks no permission. */
export class SyntheticMedia implements MediaService {
  constructor(
    private readonly label = 'Synthetic',
    private readonly hue = 210,
  ) {}

  async capture(type: CallType, _choice: DeviceChoice): Promise<CapturedMedia> {
    return {
      audio: oscillatorTrack(),
      video: type === 'video' ? canvasTrack(this.label, this.hue) : null,
      videoError: null,
    };
  }

  async captureCamera(): Promise<MediaStreamTrack> {
    return canvasTrack(this.label, this.hue);
  }

  async captureMicrophone(): Promise<MediaStreamTrack> {
    return oscillatorTrack();
  }

  async captureScreen(): Promise<MediaStreamTrack> {
    const track = canvasTrack(`${this.label} screen`, (this.hue + 120) % 360, 800, 500);
    track.contentHint = 'detail';
    return track;
  }

  async listDevices(): Promise<MediaDeviceInfo[]> {
    return [];
  }

  onDeviceChange(): () => void {
    return () => undefined;
  }

  async permission(_name: PermissionName): Promise<PermissionState | 'unknown'> {
    return 'granted';
  }
}
