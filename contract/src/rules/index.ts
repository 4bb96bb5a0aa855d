// The reference hub's call rules (docs/hub-contract.md §4), behind the HubDefinition seam. The same
// module runs in the hub on Node and in the kit's loopback in a page.
export * from './hub-definition.ts';
export * from './model.ts';
export { createCallHub, type CallHub, type CallHubOptions } from './call-hub.ts';
export { CallRefusal, CallRules, type CallRulesOptions } from './call-rules.ts';
export { resumableForMs } from './call-connections.ts';
export { MemoryActiveCallStore, type ActiveCallStore } from './active-call-store.ts';
export { MemoryLocks, type Locks } from './locks.ts';
export { MemoryPresence, type Presence } from './presence.ts';
export { MemoryRateLimiter, type RateLimiter } from './rate-limit.ts';
export { MemoryTimers, type TimerTask, type Timers } from './timers.ts';
export { anyoneMayCall, createMemoryCallHub, noCallLog, type MemoryCallHubOptions } from './memory-hub.ts';
