// For tests, stories and demos without a server: an in-memory hub that several controllers in one
// page call each other through. Not needed by pages that call over SignalR, so it has its own entry.
export {
  LoopbackHub,
  LoopbackSignaling,
  type LoopbackHubOptions,
  type LoopbackUser,
} from './services/signaling/loopback.js';

// Doubles for the elements' stories and tests: a controller that holds any state, and media without devices.
export {
  ScriptedController,
  scene,
  sceneNames,
  sampleCall,
  type SceneName,
  type SceneMedia,
} from './testing/scripted-controller.js';
export { SyntheticMedia, canvasTrack, oscillatorTrack } from './testing/synthetic-media.js';
