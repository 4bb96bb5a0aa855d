// Shared by the stories: scripted controllers in a named state, with synthetic media where the state has media.
import { ScriptedController, scene, type SceneName } from '../src/testing/scripted-controller.js';
import { canvasTrack, oscillatorTrack } from '../src/testing/synthetic-media.js';
import type { CallErrorCode } from '../src/services/errors.js';
import type { EndReason } from '../src/services/call-state.js';

export interface SceneArgs {
  scene: SceneName;
  reason?: EndReason;
  error?: CallErrorCode | '';
}

const withVideo: readonly SceneName[] = ['calling', 'active-video', 'screen-sharing', 'reconnecting'];
const withAudio: readonly SceneName[] = [...withVideo, 'active-voice'];

/** A controller holding the scene, with a canvas and an oscillator as the media where it has media. */
export function scripted({ scene: name, reason, error }: SceneArgs): ScriptedController {
  const video = withVideo.includes(name);
  const audio = withAudio.includes(name);
  const local = audio ? new MediaStream([oscillatorTrack(), ...(video ? [canvasTrack('You', 150)] : [])]) : null;
  const remote = audio && name !== 'calling' ? new MediaStream([oscillatorTrack(), ...(video ? [canvasTrack('Bob', 260)] : [])]) : null;
  return new ScriptedController(scene(name, { reason, error: error || undefined, media: { local, remote } }));
}
