// POST {hub}/negotiate (TransportProtocols.md): picks the negotiate version and describes the transports.
// Version 1 returns a public connectionId and a secret connectionToken (the `id` of later requests);
// version 0 has no token, the connectionId is the `id`. A signed token (ConnectionTokens) is accepted by any
// node sharing the secret; a version 0 id only by the node that negotiated it, so version 0 needs sticky
// routing (the kit and @microsoft/signalr use version 1).

import { randomBytes } from 'node:crypto';

export const MAX_NEGOTIATE_VERSION = 1;

/** Transports in preference order: the client tries them in the order given. */
export const AVAILABLE_TRANSPORTS = [
  { transport: 'WebSockets', transferFormats: ['Text', 'Binary'] },
  { transport: 'ServerSentEvents', transferFormats: ['Text'] },
  { transport: 'LongPolling', transferFormats: ['Text', 'Binary'] },
] as const;

/** 16 random bytes, base64url: the shape of ASP.NET's ids, unguessable. */
export function newId(): string {
  return randomBytes(16).toString('base64url');
}

export type NegotiateResult =
  | { readonly ok: true; readonly connectionId: string; readonly connectionToken: string; readonly body: object }
  | { readonly ok: false; readonly body: { readonly error: string } };

/** `requested` is the raw `negotiateVersion` query value (absent means 0); `tokenFor` makes version 1's token. */
export function negotiate(
  requested: string | null,
  tokenFor: (connectionId: string) => string = newId,
): NegotiateResult {
  let version = 0;
  if (requested !== null) {
    if (!/^\d{1,9}$/.test(requested)) {
      return { ok: false, body: { error: `The client requested an invalid protocol version '${requested}'` } };
    }
    version = Math.min(Number(requested), MAX_NEGOTIATE_VERSION);
  }
  const connectionId = newId();
  if (version === 0) {
    return {
      ok: true,
      connectionId,
      connectionToken: connectionId,
      body: { negotiateVersion: 0, connectionId, availableTransports: AVAILABLE_TRANSPORTS },
    };
  }
  const connectionToken = tokenFor(connectionId);
  return {
    ok: true,
    connectionId,
    connectionToken,
    body: { negotiateVersion: version, connectionId, connectionToken, availableTransports: AVAILABLE_TRANSPORTS },
  };
}
