import { needs } from '../support/needs.js';
import { nameFlows } from '../support/name-flows.js';
import { hubParties } from '../support/parties.js';

for (const mode of ['extended', 'baseline'] as const) {
  needs('peerConnection').describe(`Names and pictures through the reference hub over SignalR (${mode})`, () => {
    nameFlows(() => hubParties(mode));
  });
}
