// GET /api/call/ice-servers: STUN, plus TURN with time-limited credentials when a shared secret is
// configured. The username is "<expiry unix seconds>:<userId>" and the credential the base64
// HMAC-SHA1 of the username under the secret: what coturn's --use-auth-secret checks.

import { createHmac } from 'node:crypto';
import type { HubConfig } from '../config.ts';

export interface IceServer {
  readonly urls: readonly string[];
  readonly username?: string;
  readonly credential?: string;
}

export interface IceServersResponse {
  readonly iceServers: readonly IceServer[];
  readonly ttlSeconds: number;
}

export function turnCredential(secret: string, username: string): string {
  return createHmac('sha1', secret).update(username).digest('base64');
}

export function iceServersFor(userId: string, ice: HubConfig['ice'], now: Date = new Date()): IceServersResponse {
  const iceServers: IceServer[] = [];
  if (ice.stunUrls.length > 0) iceServers.push({ urls: [...ice.stunUrls] });
  if (ice.turnSecret !== null && ice.turnUrls.length > 0) {
    const username = `${Math.floor(now.getTime() / 1000) + ice.ttlSeconds}:${userId}`;
    iceServers.push({ urls: [...ice.turnUrls], username, credential: turnCredential(ice.turnSecret, username) });
  }
  return { iceServers, ttlSeconds: ice.ttlSeconds };
}
