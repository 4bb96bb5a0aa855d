// Synthetic media for a scripted call's scene: an oscillator and a canvas on each side. Every track
// made is stopped by `stopSceneMedia()`, which the files that use it call after each test.
import { canvasTrack, oscillatorTrack } from '../../src/testing/synthetic-media.js';

const made: MediaStreamTrack[] = [];

export function sceneMedia(): { local: MediaStream; remote: MediaStream } {
  const tracks = [oscillatorTrack(), canvasTrack('me'), oscillatorTrack(), canvasTrack('them')];
  made.push(...tracks);
  return { local: new MediaStream(tracks.slice(0, 2)), remote: new MediaStream(tracks.slice(2)) };
}

export function stopSceneMedia(): void {
  made.splice(0).forEach((track) => track.stop());
}
