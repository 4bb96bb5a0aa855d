// What the hub reports as it runs: one structured event per connection, call transition, refusal,
// relayed message and store write. The JSON log and the metrics both listen to the same events, and
// no event carries a token, an SDP or a candidate.

import type { RulesEvent } from '@thrume/calls-contract/rules';

/** The call rules' events (call transitions, refusals, relays), and the server's own. */
export type HubEvent =
  | RulesEvent
  | {
      readonly type: 'connection';
      readonly state: 'open' | 'closed';
      readonly connectionId: string;
      readonly userId: string;
      readonly transport: string;
    }
  | { readonly type: 'store-write'; readonly seconds: number; readonly ok: boolean }
  | {
      /** A client that stopped reading: its send buffer passed the limit, so it was disconnected. */
      readonly type: 'slow-client';
      readonly connectionId: string;
      readonly userId: string;
      readonly bufferedBytes: number;
    };

export type HubObserver = (event: HubEvent) => void;

export const ignoreEvents: HubObserver = () => {};

/** One observer that tells each of `observers`; one that throws does not keep the event from the rest. */
export function observeAll(...observers: HubObserver[]): HubObserver {
  return (event) => {
    for (const observe of observers) {
      try {
        observe(event);
      } catch {
        // an observer's failure is its own; the hub goes on
      }
    }
  };
}
