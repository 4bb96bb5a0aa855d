// Records what real browser objects the kit creates, so tests can check that every exit releases them.
// Nothing is faked: the recording media service is the real one, and the recorded connections are real.
import { BrowserMedia } from '../../src/services/media.js';
import type { CallType } from '../../src/services/call-state.js';
import type { CapturedMedia, DeviceChoice } from '../../src/services/media.js';

export class RecordingMedia extends BrowserMedia {
  readonly tracks: MediaStreamTrack[] = [];

  override async capture(type: CallType, choice: DeviceChoice): Promise<CapturedMedia> {
    const media = await super.capture(type, choice);
    this.tracks.push(media.audio, ...(media.video ? [media.video] : []));
    return media;
  }

  override async captureCamera(cameraId?: string | null): Promise<MediaStreamTrack> {
    return this.keep(await super.captureCamera(cameraId));
  }

  override async captureMicrophone(microphoneId?: string | null): Promise<MediaStreamTrack> {
    return this.keep(await super.captureMicrophone(microphoneId));
  }

  override async captureScreen(): Promise<MediaStreamTrack> {
    return this.keep(await super.captureScreen());
  }

  /** Tracks still live (the camera light would be on). */
  get liveTracks(): MediaStreamTrack[] {
    return this.tracks.filter((t) => t.readyState !== 'ended');
  }

  private keep(track: MediaStreamTrack): MediaStreamTrack {
    this.tracks.push(track);
    return track;
  }
}

/** Every RTCPeerConnection the page creates from now on, in creation order (none where there is no WebRTC). */
export const peerConnections: RTCPeerConnection[] = [];
const Native = globalThis.RTCPeerConnection as typeof RTCPeerConnection | undefined;
if (Native) {
  globalThis.RTCPeerConnection = class RecordedPeerConnection extends Native {
    constructor(configuration?: RTCConfiguration) {
      super(configuration);
      peerConnections.push(this);
    }
  };
}

export function openPeerConnections(): RTCPeerConnection[] {
  return peerConnections.filter((pc) => pc.signalingState !== 'closed');
}
