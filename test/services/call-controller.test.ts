import { callFlows, ringTimeoutFlow } from '../support/call-flows.js';
import { loopbackParties } from '../support/parties.js';
import { needs } from '../support/needs.js';

for (const mode of ['extended', 'baseline'] as const) {
  needs('peerConnection').describe(`CallController over the loopback hub (${mode})`, () => {
    callFlows(() => loopbackParties(mode));
    ringTimeoutFlow(() => loopbackParties(mode, { ringTimeoutMs: 600 }));
  });
}
