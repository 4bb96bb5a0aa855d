// The kit's call flows across two nodes of one cluster of the reference hub: the caller on one node,
// the callee on the other, the call state, timers and signaling shared through Redis.
import { callFlows, ringTimeoutFlow } from '../support/call-flows.js';
import { clusterParties } from '../support/parties.js';
import { needs } from '../support/needs.js';

needs('peerConnection').describe(
  'CallController across two nodes of the reference hub (caller on A, callee on B)',
  () => {
    callFlows(clusterParties);
    ringTimeoutFlow(clusterParties);
  },
);
