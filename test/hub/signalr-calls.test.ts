import { callFlows, ringTimeoutFlow } from '../support/call-flows.js';
import { hubParties } from '../support/parties.js';
import { needs } from '../support/needs.js';

for (const mode of ['extended', 'baseline'] as const) {
  needs('peerConnection').describe(`CallController through the reference hub over SignalR (${mode})`, () => {
    callFlows(() => hubParties(mode));
    ringTimeoutFlow(() => hubParties(mode));
  });
}
