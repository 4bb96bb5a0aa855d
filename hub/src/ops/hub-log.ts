// The hub's log: one JSON line per event on stderr (pino), so that a log shipper needs no parser.
// Free-text notices (start-up warnings, unexpected errors) are lines of their own at "warn".

import { pino, type Logger } from 'pino';
import type { HubObserver } from './hub-events.ts';

export interface HubLog {
  /** An operator notice: a line with `msg`. */
  readonly notice: (message: string) => void;
  /** The structured events: a line per connection, call transition, refusal and slow client. */
  readonly observe: HubObserver;
}

/** Field names that must never reach a log line, whatever a future event carries. */
const secrets = ['token', 'accessToken', 'access_token', 'sdp', 'offer', 'answer', 'candidate', 'authorization'];

export function createHubLog(destination: pino.DestinationStream = pino.destination(2)): HubLog {
  const logger: Logger = pino(
    { base: null, timestamp: pino.stdTimeFunctions.isoTime, redact: { paths: secrets, censor: '[redacted]' } },
    destination,
  );
  return {
    notice: (message) => logger.warn(message),
    observe: (event) => {
      // relays and store writes are counted by the metrics, not logged: one line per message would drown the rest
      if (event.type === 'relay' || event.type === 'store-write') return;
      const { type, ...fields } = event;
      if (event.type === 'slow-client')
        logger.warn({ event: type, ...fields }, 'disconnected a client that stopped reading');
      else logger.info({ event: type, ...fields });
    },
  };
}
