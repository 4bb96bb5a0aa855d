// Stateless connection tokens, for several hub nodes behind a load balancer without sticky sessions:
// negotiate mints a token signed with a secret the nodes share, so whichever node the transport request
// reaches can verify it without asking the node that negotiated. A token says which connection and user it
// is for and until when; the claim makes it single use across nodes, so a replayed token opens nothing.

import { createHmac, timingSafeEqual } from 'node:crypto';
import type { Principal } from '@thrume/calls-contract/rules';

export interface ConnectionTokensOptions {
  /** Shared by every node that accepts the others' tokens. */
  readonly secret: string | Uint8Array;
  /** How long a minted token can start a transport. Default 15 000, as long as an unused negotiated id lives. */
  readonly lifetimeMs?: number;
  /**
   * Takes `connectionId` for `ttlMs`; false if it was taken already, by any node. Default: this process's
   * claims only, right for one node; several need a shared store (Redis `SET key 1 NX PX ttlMs`).
   */
  readonly claim?: (connectionId: string, ttlMs: number) => Promise<boolean>;
  /** Epoch milliseconds (tokens cross processes, so not performance.now()). Default Date.now. */
  readonly now?: () => number;
}

export interface VerifiedToken {
  readonly connectionId: string;
  readonly principal: Principal;
  readonly expiresAt: number;
}

/** One-letter keys: the token travels in every request's query string. */
interface Payload {
  readonly c: string;
  readonly u: string;
  readonly n: string;
  readonly e: number;
}

export class ConnectionTokens {
  private readonly secret: string | Uint8Array;
  private readonly lifetimeMs: number;
  private readonly takeClaim: (connectionId: string, ttlMs: number) => Promise<boolean>;
  private readonly now: () => number;

  constructor(options: ConnectionTokensOptions) {
    this.secret = options.secret;
    this.lifetimeMs = options.lifetimeMs ?? 15_000;
    this.now = options.now ?? Date.now;
    this.takeClaim = options.claim ?? claimsOfThisProcess(this.now);
  }

  /** `payload.signature`, both base64url; the payload is compact JSON. */
  mint(connectionId: string, principal: Principal): string {
    const payload: Payload = {
      c: connectionId,
      u: principal.userId,
      n: principal.userName,
      e: this.now() + this.lifetimeMs,
    };
    const encoded = Buffer.from(JSON.stringify(payload)).toString('base64url');
    return `${encoded}.${this.sign(encoded)}`;
  }

  /** Null for a token that is malformed, not signed with this secret, or expired. */
  verify(token: string): VerifiedToken | null {
    const dot = token.indexOf('.');
    if (dot < 0) return null;
    const encoded = token.slice(0, dot);
    // The signature is compared as text: base64url decoding ignores stray characters, the text does not.
    const given = Buffer.from(token.slice(dot + 1));
    const expected = Buffer.from(this.sign(encoded));
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
    // Signed with the secret, so mint wrote it: no need to check its shape.
    const payload = JSON.parse(Buffer.from(encoded, 'base64url').toString()) as Payload;
    if (payload.e <= this.now()) return null;
    return { connectionId: payload.c, principal: { userId: payload.u, userName: payload.n }, expiresAt: payload.e };
  }

  /** True for the first transport of `connectionId` on any node sharing the claims, false ever after. */
  claim(connectionId: string): Promise<boolean> {
    // Held for a whole lifetime from now, the claim outlasts the token, which was minted before.
    return this.takeClaim(connectionId, this.lifetimeMs);
  }

  private sign(encoded: string): string {
    return createHmac('sha256', this.secret).update(encoded).digest('base64url');
  }
}

function claimsOfThisProcess(now: () => number) {
  // Insertion order is claim order, and with one ttl also lapse order: pruning stops at the first live claim.
  const lapsesAt = new Map<string, number>();
  return (connectionId: string, ttlMs: number): Promise<boolean> => {
    const time = now();
    for (const [id, lapse] of lapsesAt) {
      if (lapse > time) break;
      lapsesAt.delete(id);
    }
    if (lapsesAt.has(connectionId)) return Promise.resolve(false);
    lapsesAt.set(connectionId, time + ttlMs);
    return Promise.resolve(true);
  };
}
