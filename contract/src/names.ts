// The hub's method names (client to server) and event names (server to client), docs/hub-contract.md §2, §3.

export const hubMethods = {
  initiateCall: 'InitiateCallAsync',
  acceptCall: 'AcceptCallAsync',
  rejectCall: 'RejectCallAsync',
  endCall: 'EndCallAsync',
  sendOffer: 'SendOfferAsync',
  sendAnswer: 'SendAnswerAsync',
  sendIceCandidate: 'SendIceCandidateAsync',
  updateCallStatus: 'UpdateCallStatusAsync',
  /** Extended hubs only. */
  getHubInfo: 'GetHubInfoAsync',
  /** Extension `rejoin`. */
  rejoinCall: 'RejoinCallAsync',
} as const;
export type HubMethodName = (typeof hubMethods)[keyof typeof hubMethods];

export const clientEvents = {
  incomingCall: 'IncomingCall',
  callRinging: 'CallRinging',
  callAccepted: 'CallAccepted',
  callConnected: 'CallConnected',
  callRejected: 'CallRejected',
  callEnded: 'CallEnded',
  receiveOffer: 'ReceiveOffer',
  receiveAnswer: 'ReceiveAnswer',
  receiveIceCandidate: 'ReceiveIceCandidate',
  callError: 'CallError',
} as const;
export type ClientEventName = (typeof clientEvents)[keyof typeof clientEvents];
