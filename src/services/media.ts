// Camera, microphone and screen: capture with the seed's constraints, device lists, permissions.
import { mediaError, CallError } from './errors.js';
import type { CallType } from './call-state.js';

export const audioConstraints: MediaTrackConstraints = {
  echoCancellation: true,
  noiseSuppression: true,
  autoGainControl: true,
};

export const videoConstraints: MediaTrackConstraints = {
  width: { ideal: 1280 },
  height: { ideal: 720 },
  frameRate: { ideal: 30 },
};

/** Whether this browser can share the screen at all (phones mostly cannot). */
export const canShareScreen = (): boolean =>
  typeof navigator !== 'undefined' && !!navigator.mediaDevices?.getDisplayMedia;

export interface DeviceChoice {
  readonly microphoneId?: string | null;
  readonly cameraId?: string | null;
}

export interface CapturedMedia {
  readonly audio: MediaStreamTrack;
  /** Null for voice calls, and for video calls on a machine without a usable camera. */
  readonly video: MediaStreamTrack | null;
  /** Why a video call fell back to audio only, when it did. */
  readonly videoError: CallError | null;
}

export type PermissionName = 'camera' | 'microphone';

/** The media layer as the controller sees it; tests and integrators may pass their own. */
export interface MediaService {
  capture(type: CallType, choice: DeviceChoice): Promise<CapturedMedia>;
  captureCamera(cameraId?: string | null): Promise<MediaStreamTrack>;
  captureMicrophone(microphoneId?: string | null): Promise<MediaStreamTrack>;
  captureScreen(): Promise<MediaStreamTrack>;
  listDevices(): Promise<MediaDeviceInfo[]>;
  onDeviceChange(listener: () => void): () => void;
  permission(name: PermissionName): Promise<PermissionState | 'unknown'>;
}

export class BrowserMedia implements MediaService {
  async capture(type: CallType, choice: DeviceChoice): Promise<CapturedMedia> {
    if (type === 'voice')
      return { audio: await this.captureMicrophone(choice.microphoneId), video: null, videoError: null };
    try {
      const stream = await this.getUserMedia(
        {
          audio: withDevice(audioConstraints, choice.microphoneId),
          video: withDevice(videoConstraints, choice.cameraId),
        },
        'camera and microphone',
      );
      return { audio: stream.getAudioTracks()[0], video: stream.getVideoTracks()[0] ?? null, videoError: null };
    } catch (error) {
      // No camera, or the camera alone is refused or busy: go on with audio only.
      const audio = await this.captureMicrophone(choice.microphoneId);
      return { audio, video: null, videoError: mediaError((error as CallError).cause ?? error, 'camera') };
    }
  }

  async captureCamera(cameraId?: string | null): Promise<MediaStreamTrack> {
    const stream = await this.getUserMedia({ video: withDevice(videoConstraints, cameraId) }, 'camera');
    return stream.getVideoTracks()[0];
  }

  async captureMicrophone(microphoneId?: string | null): Promise<MediaStreamTrack> {
    const stream = await this.getUserMedia({ audio: withDevice(audioConstraints, microphoneId) }, 'microphone');
    return stream.getAudioTracks()[0];
  }

  async captureScreen(): Promise<MediaStreamTrack> {
    if (!canShareScreen()) throw new CallError('DEVICE_NOT_FOUND', 'This browser cannot share the screen.');
    let stream: MediaStream;
    try {
      stream = await navigator.mediaDevices.getDisplayMedia({ video: { frameRate: { ideal: 30 } }, audio: false });
    } catch (error) {
      throw mediaError(error, 'screen');
    }
    const track = stream.getVideoTracks()[0];
    track.contentHint = 'detail';
    return track;
  }

  async listDevices(): Promise<MediaDeviceInfo[]> {
    return (await navigator.mediaDevices?.enumerateDevices?.()) ?? [];
  }

  onDeviceChange(listener: () => void): () => void {
    navigator.mediaDevices?.addEventListener('devicechange', listener);
    return () => navigator.mediaDevices?.removeEventListener('devicechange', listener);
  }

  async permission(name: PermissionName): Promise<PermissionState | 'unknown'> {
    try {
      return (await navigator.permissions.query({ name: name })).state;
    } catch {
      return 'unknown'; // Firefox and Safari do not know every name
    }
  }

  private async getUserMedia(constraints: MediaStreamConstraints, what: string): Promise<MediaStream> {
    if (!navigator.mediaDevices?.getUserMedia) {
      throw new CallError('DEVICE_NOT_FOUND', 'This page cannot use a camera or microphone (it needs HTTPS).');
    }
    try {
      return await navigator.mediaDevices.getUserMedia(constraints);
    } catch (error) {
      throw mediaError(error, what);
    }
  }
}

function withDevice(base: MediaTrackConstraints, deviceId?: string | null): MediaTrackConstraints {
  return deviceId ? { ...base, deviceId: { exact: deviceId } } : base;
}
