import { callFlows, ringTimeoutFlow } from '../support/call-flows.js';
import { hubParties } from '../support/parties.js';

for (const mode of ['extended', 'baseline'] as const) {
  describe(`CallController through the reference hub over SignalR (${mode})`, () => {
    callFlows(() => hubParties(mode));
    ringTimeoutFlow(() => hubParties(mode));
  });
}
