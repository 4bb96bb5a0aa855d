// The call hub on in-memory parts only: the kit's loopback runs it in the page, and the rules' tests
// run it beside the reference hub's own composition.

import { createCallHub, type CallHub, type CallHubOptions } from './call-hub.ts';
import { MemoryActiveCallStore } from './active-call-store.ts';
import { MemoryLocks } from './locks.ts';
import type { CallLog, CallPolicy } from './model.ts';
import { MemoryPresence } from './presence.ts';
import { MemoryRateLimiter } from './rate-limit.ts';
import { MemoryTimers } from './timers.ts';

export type MemoryCallHubOptions = Pick<
  CallHubOptions,
  'extensions' | 'ringTimeoutMs' | 'reconnectGraceMs' | 'sender'
> &
  Partial<Omit<CallHubOptions, 'extensions' | 'ringTimeoutMs' | 'reconnectGraceMs' | 'sender'>>;

/** Any two different users may call each other: there is no directory of conversations. */
export const anyoneMayCall: CallPolicy = { mayCall: async (callerId, calleeId) => callerId !== calleeId };

/** Keeps no history. */
export const noCallLog: CallLog = { save: async () => {}, suspend: async () => {} };

export function createMemoryCallHub(options: MemoryCallHubOptions): CallHub {
  return createCallHub({
    calls: new MemoryActiveCallStore(),
    presence: new MemoryPresence(),
    timers: new MemoryTimers(),
    locks: new MemoryLocks(),
    rateLimiter: new MemoryRateLimiter(20, 60_000),
    policy: anyoneMayCall,
    history: noCallLog,
    ...options,
  });
}
