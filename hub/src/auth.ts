// Bearer tokens: HS256 JWTs whose subject is the user's GUID. In development the hub issues them
// itself (POST /api/auth/dev-token); in production they come from the deployment's own issuer,
// signed with the configured key. Browsers send the token as `access_token` in the query string
// (WebSockets cannot carry headers), other clients as `Authorization: Bearer`.

import type { IncomingMessage } from 'node:http';
import { SignJWT, jwtVerify } from 'jose';
import type { Principal } from '@thrume/calls-contract/rules';
import type { Directory } from './directory.ts';
import { normalizeGuid } from '@thrume/calls-contract';

const nameIdentifierClaim = 'http://schemas.xmlsoap.org/ws/2005/05/identity/claims/nameidentifier';
const nameClaim = 'http://schemas.xmlsoap.org/ws/2005/05/identity/claims/name';

export interface AuthOptions {
  readonly secret: Uint8Array;
  readonly issuer: string | null;
  readonly audience: string | null;
  readonly devTokenLifetimeSeconds: number;
  readonly directory: Directory;
}

export class Auth {
  constructor(private readonly options: AuthOptions) {}

  /** Signs a token for a directory user (development mode only; the caller checks the mode). */
  async issueDevToken(userId: string): Promise<string> {
    const user = this.options.directory.user(userId);
    if (user === undefined) throw new Error(`Unknown user ${userId}`);
    let jwt = new SignJWT({ name: user.userName })
      .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
      .setSubject(user.id)
      .setIssuedAt()
      .setExpirationTime(`${this.options.devTokenLifetimeSeconds}s`);
    if (this.options.issuer !== null) jwt = jwt.setIssuer(this.options.issuer);
    if (this.options.audience !== null) jwt = jwt.setAudience(this.options.audience);
    return jwt.sign(this.options.secret);
  }

  /** The principal of a valid token, or null (bad signature, expired, no GUID subject...). */
  async verify(token: string): Promise<Principal | null> {
    try {
      const { payload } = await jwtVerify(token, this.options.secret, {
        algorithms: ['HS256'],
        requiredClaims: ['exp'], // a token that never expires is refused
        ...(this.options.issuer !== null ? { issuer: this.options.issuer } : {}),
        ...(this.options.audience !== null ? { audience: this.options.audience } : {}),
      });
      const userId = normalizeGuid(payload.sub ?? payload[nameIdentifierClaim]);
      if (userId === null) return null;
      const claimedName = [payload.name, payload.unique_name, payload[nameClaim]].find(
        (n) => typeof n === 'string' && n !== '',
      );
      const userName =
        (claimedName as string | undefined) ?? this.options.directory.user(userId)?.userName ?? 'Unknown';
      return { userId, userName };
    } catch {
      return null;
    }
  }

  /** The `authenticate` hook of the protocol layer and of REST: `token` as the caller extracted it. */
  readonly authenticate = async (_request: IncomingMessage, token: string | null): Promise<Principal | null> =>
    token === null || token === '' ? null : this.verify(token);
}
