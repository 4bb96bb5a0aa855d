// The wire contract's value sets (docs/hub-contract.md §3), shared by the kit and the hub.
// No DOM types here: the Node hub imports this file too.

export const hubFeatures = [
  'call-id-result',
  'end-reasons',
  'rejoin',
  'renegotiate-both-ways',
  'elsewhere',
  'ice-servers',
  'caller-profile',
] as const;
export type HubFeature = (typeof hubFeatures)[number];

/** The hub's `CallEnded` reasons (extension `end-reasons`); absent means `hangup`. */
export const hubEndReasons = [
  'hangup',
  'cancelled',
  'missed',
  'answered-elsewhere',
  'declined-elsewhere',
  'disconnected',
  'failed',
] as const;
export type HubEndReason = (typeof hubEndReasons)[number];
