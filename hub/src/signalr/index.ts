// The SignalR server protocol layer: wire-compatible with @microsoft/signalr and ASP.NET Core SignalR
// (negotiate v0/v1, WebSockets, Server-Sent Events, long polling, JSON hub protocol). The application side is the contract's HubDefinition.
//
// Guarantees to the hub (HubDefinition):
// - onConnected runs after the handshake succeeded, before any invocation of that connection.
// - Invocations of one connection run one at a time, in arrival order (MaximumParallelInvocationsPerClient = 1).
// - onDisconnected runs exactly once for every connection whose onConnected ran (even if it threw), after
//   onConnected and any running invocation settled; invocations still queued then are dropped.

export {
  createSignalRServer,
  type SignalRServer,
  type ServerTransportOptions,
  type SignalRServerOptions,
} from './signalr-server.ts';
export { ConnectionTokens, type ConnectionTokensOptions, type VerifiedToken } from './connection-tokens.ts';
