// SignalR's HTTP transports against Microsoft's server: server-sent events and long polling, behind the
// proxy that lets no WebSocket through, with the cookie on every request.
import { aspnetParties, type Parties, type ProxyRoute } from '../support/parties.js';
import { httpFallbackFlows } from '../support/transport-flows.js';

describe("SignalR's HTTP transports against ASP.NET Core", () => {
  let made: Parties[] = [];
  afterEach(async () => {
    await Promise.all(made.map((p) => p.close()));
    made = [];
  });
  httpFallbackFlows((route?: ProxyRoute) => {
    const parties = aspnetParties(route);
    made.push(parties);
    return parties;
  });
});
