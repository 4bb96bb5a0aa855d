// The kit's baseline call flows against Microsoft's SignalR server: the ASP.NET app that hosts Thrume's
// ChatHub as it is deployed (interop/aspnet), signed in by cookie.
import { callFlows, ringTimeoutFlow } from '../support/call-flows.js';
import { nameFlows } from '../support/name-flows.js';
import { aspnetParties } from '../support/parties.js';
import { needs } from '../support/needs.js';

needs('peerConnection').describe("CallController through ASP.NET Core SignalR (Thrume's ChatHub)", () => {
  callFlows(() => aspnetParties());
  ringTimeoutFlow(() => aspnetParties());
});

needs('peerConnection').describe("Names and pictures through ASP.NET Core SignalR (Thrume's ChatHub)", () => {
  nameFlows(() => aspnetParties());
});
