// Shared by the stories: scripted controllers in a named state, with synthetic media where the state has media.
import { ScriptedController, scene, type SceneName } from '../src/testing/scripted-controller.js';
import { canvasTrack, oscillatorTrack } from '../src/testing/synthetic-media.js';
import type { CallErrorCode } from '../src/services/errors.js';
import type { EndReason, Speaking } from '../src/services/call-state.js';

export interface SceneArgs {
  scene: SceneName;
  reason?: EndReason;
  error?: CallErrorCode | '';
  /** The other person's picture (what `peerResolver` or the hub gave); initials without one. */
  avatar?: string;
  /** Who shows as speaking. */
  speaking?: Partial<Speaking>;
  /** This side's microphone muted. */
  muted?: boolean;
}

/** A picture for the stories that show one. */
export const samplePicture =
  'data:image/svg+xml,' +
  encodeURIComponent(
    '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><rect width="10" height="10" fill="#7c9cd6"/><circle cx="5" cy="4" r="2" fill="#fff"/><rect x="2" y="7" width="6" height="3" rx="1.5" fill="#fff"/></svg>',
  );

const withVideo: readonly SceneName[] = ['calling', 'active-video', 'screen-sharing', 'reconnecting'];
const withAudio: readonly SceneName[] = [...withVideo, 'active-voice'];

/** A controller holding the scene, with a canvas and an oscillator as the media where it has media. */
export function scripted({ scene: name, reason, error, avatar, speaking, muted }: SceneArgs): ScriptedController {
  const video = withVideo.includes(name);
  const audio = withAudio.includes(name);
  const local = audio ? new MediaStream([oscillatorTrack(), ...(video ? [canvasTrack('You', 150)] : [])]) : null;
  const remote =
    audio && name !== 'calling'
      ? new MediaStream([oscillatorTrack(), ...(video ? [canvasTrack('Bob', 260)] : [])])
      : null;
  return new ScriptedController(
    scene(name, {
      reason,
      error: error || undefined,
      media: { local, remote },
      avatarUrl: avatar || undefined,
      speaking,
      muted,
    }),
  );
}
