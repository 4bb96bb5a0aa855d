// The hub's log: one JSON line per event on stderr (pino), so that a log shipper needs no parser.
// Free-text notices (start-up warnings) are lines of their own at "warn"; unexpected errors are
// `event: "error"` lines at "error", naming the connection and its user where the message names one.

import { pino, type Logger } from 'pino';
import type { HubObserver } from './hub-events.ts';

export interface HubLog {
  /** An operator notice: a line with `msg`, or an error line when it reports an error with its stack. */
  readonly notice: (message: string) => void;
  /** An error line: `event: "error"`, with `connectionId` and `userId` when the message names a connection. */
  readonly error: (message: string) => void;
  /** The structured events: a line per connection, call transition, refusal and slow client. */
  readonly observe: HubObserver;
}

/** Field names that must never reach a log line, whatever a future event carries. */
const secrets = ['token', 'accessToken', 'access_token', 'sdp', 'offer', 'answer', 'candidate', 'authorization'];

/** The catch-alls (the SignalR layer's, the call rules', REST's) pass errors on as notices with the stack appended. */
const stackTrace = /\n\s+at /;
/** How the SignalR layer names the connection in its first line: "Connection <id>: …", "… for connection <id>.". */
const connectionNamed = /\bconnection ([\w-]+)/i;

export function createHubLog(destination: pino.DestinationStream = pino.destination(2)): HubLog {
  const logger: Logger = pino(
    { base: null, timestamp: pino.stdTimeFunctions.isoTime, redact: { paths: secrets, censor: '[redacted]' } },
    destination,
  );
  /** The user of each open connection, learnt from the connection events, so that an error line can name both. */
  const userOf = new Map<string, string>();
  const error = (message: string) => {
    const connectionId = connectionNamed.exec(message.split('\n', 1)[0])?.[1];
    const userId = connectionId === undefined ? undefined : userOf.get(connectionId);
    logger.error({ event: 'error', connectionId, userId }, message);
  };
  return {
    notice: (message) => (stackTrace.test(message) ? error(message) : logger.warn(message)),
    error,
    observe: (event) => {
      // relays and store writes are counted by the metrics, not logged: one line per message would drown the rest
      if (event.type === 'relay' || event.type === 'store-write') return;
      if (event.type === 'connection') {
        if (event.state === 'open') userOf.set(event.connectionId, event.userId);
        else userOf.delete(event.connectionId);
      }
      const { type, ...fields } = event;
      if (event.type === 'slow-client')
        logger.warn({ event: type, ...fields }, 'disconnected a client that stopped reading');
      else logger.info({ event: type, ...fields });
    },
  };
}
