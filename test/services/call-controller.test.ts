import { callFlows, ringTimeoutFlow } from '../support/call-flows.js';
import { loopbackParties } from '../support/parties.js';

for (const mode of ['extended', 'baseline'] as const) {
  describe(`CallController over the loopback hub (${mode})`, () => {
    callFlows(() => loopbackParties(mode));
    ringTimeoutFlow(() => loopbackParties(mode, { ringTimeoutMs: 600 }));
  });
}
