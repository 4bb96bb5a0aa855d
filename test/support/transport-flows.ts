// Calls over SignalR's HTTP transports, behind the proxy that lets no WebSocket through: run against the
// reference hub (test/hub/) and against Microsoft's server (test/aspnet/).
import { expect } from '@open-wc/testing';
import type { SignalRSignaling } from '../../src/services/signaling/signalr-signaling.js';
import { connectCall, expectReleased, framesOf, isEnded, until, type Parties, type ProxyRoute } from './parties.js';
import { needs } from './needs.js';

/** Why each proxy route leaves the HTTP transports: server-sent events, or long polling alone. */
const fallbacks = {
  refuse: 'a proxy refuses the WebSocket',
  unoffered: 'the hub offers no WebSocket',
  polling: 'the hub offers long polling alone',
} as const;

/** `over(route)` makes parties through the proxy's `route`, `over()` parties that connect directly. */
export function httpFallbackFlows(over: (route?: ProxyRoute) => Parties): void {
  for (const [route, why] of Object.entries(fallbacks) as [keyof typeof fallbacks, string][]) {
    needs('peerConnection').it(`falls back to SignalR's HTTP transports when ${why}, and calls over them`, async () => {
      const alice = await over(route).party('alice');
      const bob = await over().party('bob');
      expect((alice.signaling as SignalRSignaling).transportName).to.equal('HTTP');
      await connectCall(alice, bob, 'video');
      await Promise.all([framesOf(alice.controller.state.remoteStream!), framesOf(bob.controller.state.remoteStream!)]);
      await alice.controller.endCall();
      await until(bob.controller, isEnded);
      await bob.controller.initiateCall(alice.id, 'voice'); // and the other way
      await until(alice.controller, (s) => s.status === 'incoming');
      await alice.controller.rejectCall();
      await until(bob.controller, isEnded);
      expectReleased(alice, bob);
    });
  }
}
