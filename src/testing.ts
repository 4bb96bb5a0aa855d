// For tests, stories and demos without a server: an in-memory hub that several controllers in one
// page call each other through. Not needed by pages that call over SignalR, so it has its own entry.
export { LoopbackHub, type LoopbackHubOptions, type LoopbackUser } from './services/signaling/loopback.js';
export { LoopbackSignaling } from './services/signaling/loopback-signaling.js';
